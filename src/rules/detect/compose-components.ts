// Recognises the Tyk component a compose service runs from its image repository, its environment
// or its service name; Redis and the databases that run beside Tyk are none.
import type { ComponentId } from '../types';
import { parseImage } from './images';
import { componentOfEnv } from './settings';

/** Which component a service runs: its image, else the prefixes of its environment, else its name. */
export function serviceComponent(
  name: string,
  image: string | null,
  envNames: readonly string[],
): ComponentId | null {
  if (image !== null) {
    const ref = parseImage(image);
    if (ref !== null) {
      const byImage = componentFromRepository(ref.repository);
      if (byImage !== null) return byImage;
      if (/redis|valkey|mongo|postgres/.test(ref.repository)) return null;
    }
  }
  for (const envName of envNames) {
    const component = componentOfEnv(envName);
    if (component !== null) return component;
  }
  if (/gateway/.test(name)) return 'gateway';
  if (/dashboard/.test(name)) return 'dashboard';
  if (/pump/.test(name)) return 'pump';
  if (/mdcb|sink/.test(name)) return 'mdcb';
  return null;
}

function componentFromRepository(repository: string): ComponentId | null {
  const last = repository.split('/').pop() ?? '';
  if (/^tyk-gateway(-ee|-fips)?$|^tyk-hybrid-docker$/.test(last)) return 'gateway';
  if (last === 'tyk-dashboard') return 'dashboard';
  if (/^tyk-pump(-docker-pub)?$/.test(last)) return 'pump';
  if (/^tyk-(mdcb(-docker)?|sink)$/.test(last)) return 'mdcb';
  return null;
}
