import { beforeEach, describe, expect, it } from 'vitest';
import { preferencesVersion, readPreferences, usePreferences } from '@/store/preferences';
import { preferencesKey } from '@/store/storage-keys';

beforeEach(() => {
  usePreferences.setState({ wrapsCommands: false });
});

describe('readPreferences', () => {
  it.each([
    ['nothing stored', null, { wrapsCommands: false }],
    ['wrapping chosen', '{"version":1,"wrapsCommands":true}', { wrapsCommands: true }],
    ['wrapping turned off', '{"version":1,"wrapsCommands":false}', { wrapsCommands: false }],
    ['another version', '{"version":2,"wrapsCommands":true}', { wrapsCommands: false }],
    ['no version', '{"wrapsCommands":true}', { wrapsCommands: false }],
    ['a value of the wrong type', '{"version":1,"wrapsCommands":"yes"}', { wrapsCommands: false }],
    ['not JSON', '{"version":1,', { wrapsCommands: false }],
    ['JSON that is no object', '[true]', { wrapsCommands: false }],
    ['JSON null', 'null', { wrapsCommands: false }],
  ])('%s', (_name, text, expected) => {
    expect(readPreferences(text)).toEqual(expected);
  });
});

describe('usePreferences', () => {
  it('keeps the choice under its own key, with the version', () => {
    usePreferences.getState().setWrapsCommands(true);

    expect(usePreferences.getState().wrapsCommands).toBe(true);
    expect(preferencesVersion).toBe(1);
    expect(localStorage.getItem(preferencesKey)).toBe('{"version":1,"wrapsCommands":true}');
    expect(preferencesKey).toBe('tyk-upgrade-wizard.preferences');
  });

  it('takes up a choice made in another tab', () => {
    window.dispatchEvent(
      new StorageEvent('storage', {
        key: preferencesKey,
        newValue: '{"version":1,"wrapsCommands":true}',
      }),
    );
    expect(usePreferences.getState().wrapsCommands).toBe(true);

    window.dispatchEvent(new StorageEvent('storage', { key: 'another-key', newValue: 'x' }));
    expect(usePreferences.getState().wrapsCommands).toBe(true);
  });
});
