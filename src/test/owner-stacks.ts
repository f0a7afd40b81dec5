// React's development build records where each element was made, for the owner stacks that
// DevTools and its warnings show: an Error with ten frames and a console task per element, for
// the first ten thousand elements of every second. The UI tests render whole plans and read
// neither, and that recording was a sixth of their CPU time. This tells React its quota for the
// second is used up, so each element gets React's shared "unknown owner" stack instead; rendering,
// and every warning React gives, are otherwise the same.
//
// `REACT_OWNER_STACKS=on` keeps the recording, for reading a warning's owner stack. Without the
// internal counter (another React version), nothing changes and the tests are only slower.
import * as React from 'react';

const internalsName = '__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE';
const counterName = 'recentlyCreatedOwnerStacks';
/** React's own quota of recorded stacks per second (react-jsx-dev-runtime.development.js). */
const quota = 10_000;

/** Whether the recording is now off. */
export function skipOwnerStacks(env: Readonly<Record<string, string | undefined>>): boolean {
  if (env['REACT_OWNER_STACKS'] === 'on') return false;
  const internals: unknown = (React as unknown as Record<string, unknown>)[internalsName];
  if (typeof internals !== 'object' || internals === null) return false;
  if (typeof (internals as Record<string, unknown>)[counterName] !== 'number') return false;
  Object.defineProperty(internals, counterName, {
    configurable: true,
    get: () => quota,
    // React counts up and resets once a second; the count stays at the quota.
    set: () => undefined,
  });
  return true;
}
