// Health checks per component (docs/sources.md: health-check page, MDCB page, tyk-pump repository): the endpoint, where it answers and what a good answer is.
import type { ComponentId, Names } from '../types';
import { compareVersions } from '../versions';

export type HealthCall = {
  readonly host: string;
  readonly port: number;
  readonly path: string;
  /** Print only the HTTP status code: the body says nothing more than that the service runs. */
  readonly isStatusOnly: boolean;
};

export type HealthCheck = {
  readonly calls: readonly HealthCall[];
  readonly expect: string;
};

/** MDCB 2.7.0 brought /liveness and /readiness; /health only remains for compatibility. */
const mdcbProbesSince = '2.7.0';

export function healthCheck(
  component: ComponentId,
  version: string,
  names: Names,
  gatewayHost: string,
): HealthCheck {
  switch (component) {
    case 'gateway':
      return {
        calls: [
          { host: gatewayHost, port: names.gatewayPort, path: '/hello', isStatusOnly: false },
        ],
        expect: `/hello answers "status": "pass" and "version" ${version} (some releases print it as v${version}).`,
      };
    case 'dashboard':
      return {
        calls: [
          {
            host: names.dashboardHost,
            port: names.dashboardPort,
            path: '/hello',
            isStatusOnly: true,
          },
        ],
        expect: 'The Dashboard /hello answers with HTTP 200.',
      };
    case 'pump':
      return {
        calls: [
          {
            host: names.pumpHost,
            port: names.pumpHealthPort,
            path: '/health',
            isStatusOnly: false,
          },
        ],
        expect: 'Pump /health answers {"status":"ok"}.',
      };
    case 'mdcb':
      return compareVersions(version, mdcbProbesSince) >= 0
        ? {
            calls: [
              {
                host: names.mdcbHost,
                port: names.mdcbHttpPort,
                path: '/liveness',
                isStatusOnly: true,
              },
              {
                host: names.mdcbHost,
                port: names.mdcbHttpPort,
                path: '/readiness',
                isStatusOnly: true,
              },
            ],
            expect:
              'MDCB /liveness and /readiness both answer with HTTP 200 (readiness means Redis, the data store and gRPC are ready).',
          }
        : {
            calls: [
              {
                host: names.mdcbHost,
                port: names.mdcbHttpPort,
                path: '/health',
                isStatusOnly: true,
              },
            ],
            expect: 'MDCB /health answers with HTTP 200.',
          };
  }
}
