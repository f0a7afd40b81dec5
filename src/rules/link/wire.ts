// The wire format of a shared link: its schema version, route and size limit, the options and the
// decoded result, and the tables of the compact payload (the change fields' order, the known keys).
import type { ChangeCover, FieldMessage } from '../types';

/** The schema of the payload. Bump it when the payload changes; add a migration for the old one. */
export const linkSchemaVersion = 1;

/** The field of the one problem a resend cannot fix: the link is newer than this copy of the wizard. */
export const newerSchemaField = 'link.schema';

/** The hash route that opens a shared plan: `<app>#/s/<payload>`. */
export const sharedRoutePrefix = '#/s/';

/** Links longer than this are refused before any parsing: no real plan comes near it. */
export const maxPayloadLength = 8000;

export type LinkOptions = {
  /** Hosts, namespaces and other names travel only when the sender chooses so. */
  readonly includeNames: boolean;
};

export type DecodedLink =
  | {
      readonly ok: true;
      /** A PlanInput-shaped object; `validate` still decides whether it makes a plan. */
      readonly input: Record<string, unknown>;
      readonly schemaVersion: number;
      /** What was missing, unknown or invalid in the link, and what was used instead. */
      readonly problems: readonly FieldMessage[];
      /** The change fields (ticket, window, people), when the sender chose to send them. */
      readonly cover?: ChangeCover;
    }
  | { readonly ok: false; readonly problems: readonly FieldMessage[] };

export type Payload = Record<string, unknown>;

// The change fields travel as one list, in this order.
export const coverOrder = [
  'ticket',
  'environment',
  'windowStart',
  'windowEnd',
  'operator',
  'approver',
] as const satisfies readonly (keyof ChangeCover)[];

// Every key a payload of this schema may hold; any other is reported and ignored.
export const knownKeys = new Set([
  'v',
  'm',
  'i',
  'c',
  'gp',
  'db',
  'dp',
  'g',
  'p',
  'md',
  's',
  'w',
  'n',
  'im',
  'ar',
  'sd',
  'e',
  'cv',
]);
