import type { Severity } from '@/rules';

export type SeverityIconProps = {
  readonly severity: Severity;
};

// Decorative: the severity is always written out next to the icon.
export function SeverityIcon({ severity }: SeverityIconProps) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      className="shrink-0"
      fill="currentColor"
    >
      {severity === 'critical' ? (
        // An octagon with a bar: stop.
        <path d="M5 1h6l4 4v6l-4 4H5l-4-4V5l4-4zm-1 6v2h8V7H4z" fillRule="evenodd" />
      ) : severity === 'warning' ? (
        // A triangle with an exclamation mark.
        <path
          d="M8 1l7.5 13.5h-15L8 1zm-.9 5v4.2h1.8V6H7.1zm0 5.4v1.8h1.8v-1.8H7.1z"
          fillRule="evenodd"
        />
      ) : (
        // A circle with an i.
        <path
          d="M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zm-.9 3v1.8h1.8V4H7.1zm0 3v5h1.8V7H7.1z"
          fillRule="evenodd"
        />
      )}
    </svg>
  );
}
