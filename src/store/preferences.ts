// How the reader likes the plan shown, kept in localStorage across reloads and tabs. Small,
// versioned and apart from the plans: a preference that cannot be read costs a click, never a plan.
import { create } from 'zustand';
import { readText, writeText } from '@/store/storage-access';
import { preferencesKey } from '@/store/storage-keys';

/** Goes up when the stored shape changes; a preference of another version is not used. */
export const preferencesVersion = 1;

export type Preferences = {
  /** Command blocks wrap their long lines instead of scrolling sideways. */
  readonly wrapsCommands: boolean;
};

const defaultPreferences: Preferences = { wrapsCommands: false };

/** The preferences in a stored text; the defaults for anything missing, unknown or unreadable. */
export function readPreferences(text: string | null): Preferences {
  try {
    const parsed: unknown = JSON.parse(text ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return defaultPreferences;
    const { version, wrapsCommands } = parsed as Record<string, unknown>;
    if (version !== preferencesVersion || typeof wrapsCommands !== 'boolean')
      return defaultPreferences;
    return { wrapsCommands };
  } catch {
    return defaultPreferences;
  }
}

function storedPreferences(): Preferences {
  const read = readText(preferencesKey);
  return read.ok ? readPreferences(read.text) : defaultPreferences;
}

type PreferencesState = Preferences & {
  /** Keeps the choice; where storage is off or full it still holds until the page is left. */
  setWrapsCommands: (wrapsCommands: boolean) => void;
};

export const usePreferences = create<PreferencesState>()((set) => ({
  ...storedPreferences(),
  setWrapsCommands: (wrapsCommands) => {
    set({ wrapsCommands });
    writeText(preferencesKey, JSON.stringify({ version: preferencesVersion, wrapsCommands }));
  },
}));

// A choice made in another tab applies here too.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === preferencesKey) usePreferences.setState(readPreferences(event.newValue));
  });
}
