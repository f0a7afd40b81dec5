// Properties of the reader over arbitrary input: any strings, any bytes, real files cut or
// damaged anywhere, never throw; every problem names its file; secrets never come back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDeployment } from './detect';
import { findingsFor } from './findings';
import { dashboardApis } from './fixtures/apis';
import { proCompose, proDotEnv, proGatewayEnv } from './fixtures/compose';
import { dashboardConf, gatewayConf } from './fixtures/configs';
import { dockerInspect, dockerPs, helmUserValues, kubectlDeployments } from './fixtures/runtime';
import type { DetectResult, InputFile } from './types';

const seed = 20261010;
const runs = 200;

function expectWellFormed(result: DetectResult, files: readonly InputFile[]): void {
  expect(() => JSON.stringify(result)).not.toThrow();
  const names = new Set(files.map((file) => file.name));
  const hasPlainNames = files.every((file) => /^[\w./-]+$/.test(file.name));
  for (const problem of result.problems) {
    expect(problem.message.length).toBeGreaterThan(0);
    expect(problem.file.length).toBeGreaterThan(0);
    // A problem names the file it is about, or the part of a collector document inside it.
    if (hasPlainNames) expect(names.has(problem.file.split(' › ')[0] ?? '')).toBe(true);
  }
  if (!result.ok) {
    expect(result.errors.length).toBeGreaterThan(0);
    return;
  }
  expect(() =>
    findingsFor(result, '5.8.0', { model: 'self-managed', usesGoPlugins: false }),
  ).not.toThrow();
}

const realFiles: readonly InputFile[] = [
  { name: 'docker-compose.yml', text: proCompose },
  { name: '.env', text: proDotEnv },
  { name: 'confs/tyk.env', text: proGatewayEnv },
  { name: 'tyk.conf', text: gatewayConf },
  { name: 'tyk_analytics.conf', text: dashboardConf },
  { name: 'inspect.json', text: dockerInspect },
  { name: 'ps.txt', text: dockerPs },
  { name: 'deploy.json', text: kubectlDeployments },
  { name: 'values.yaml', text: helmUserValues },
  { name: 'apis.json', text: dashboardApis },
];

/** A real file, cut, with characters inserted, or with characters changed. */
const damagedFile = fc
  .tuple(
    fc.constantFrom(...realFiles),
    fc.nat(),
    fc.constantFrom('cut', 'insert', 'replace'),
    fc.string({ minLength: 1, maxLength: 8, unit: 'binary' }),
  )
  .map(([file, at, how, junk]): InputFile => {
    const index = at % (file.text.length + 1);
    const text =
      how === 'cut'
        ? file.text.slice(0, index)
        : how === 'insert'
          ? `${file.text.slice(0, index)}${junk}${file.text.slice(index)}`
          : `${file.text.slice(0, index)}${junk}${file.text.slice(index + junk.length)}`;
    return { name: file.name, text };
  });

describe('detectDeployment over arbitrary input', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            name: fc.string({ maxLength: 30 }),
            text: fc.string({ maxLength: 400, unit: 'binary' }),
          }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        (files) => expectWellFormed(detectDeployment(files), files),
      ),
      { seed, numRuns: runs },
    );
  }, 60_000);

  it('never throws on arbitrary bytes decoded as text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 600 }), (bytes) => {
        const files = [{ name: 'upload.bin', text: new TextDecoder('utf-8').decode(bytes) }];
        expectWellFormed(detectDeployment(files), files);
      }),
      { seed, numRuns: runs },
    );
  }, 60_000);

  it('never throws on text shaped like the formats it reads', () => {
    const shaped = fc.oneof(
      fc
        .string({ maxLength: 200 })
        .map((value) => `{"listen_port": 8080, "storage": ${JSON.stringify(value)}}`),
      fc
        .dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }))
        .map((value) => JSON.stringify({ services: value })),
      fc
        .array(fc.string({ maxLength: 40 }), { maxLength: 10 })
        .map((lines) => lines.map((line) => `TYK_GW_${line}`).join('\n')),
      fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
      fc
        .string({ maxLength: 80 })
        .map((value) => `services:\n  gw:\n    image: tykio/tyk-gateway:${value}\n`),
      fc
        .jsonValue({ maxDepth: 3 })
        .map((value) => JSON.stringify({ tykUpgradeCollector: 1, sections: value })),
    );
    fc.assert(
      fc.property(fc.array(shaped, { minLength: 1, maxLength: 3 }), (texts) => {
        const files = texts.map((text, index) => ({ name: `f${index}`, text }));
        expectWellFormed(detectDeployment(files), files);
      }),
      { seed, numRuns: runs },
    );
  }, 60_000);

  it('never throws on real files cut or damaged anywhere', () => {
    fc.assert(
      fc.property(fc.array(damagedFile, { minLength: 1, maxLength: 3 }), (files) =>
        expectWellFormed(detectDeployment(files), files),
      ),
      { seed, numRuns: runs },
    );
  }, 60_000);

  it('never hands back a secret, wherever it is written', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9]{10,24}$/).map((value) => `Sx${value}`);
    fc.assert(
      fc.property(secret, secret, secret, (gatewaySecret, password, licence) => {
        const files: InputFile[] = [
          {
            name: 'docker-compose.yml',
            text: `services:\n  tyk-gateway:\n    image: tykio/tyk-gateway:v5.3.0\n    environment:\n      - TYK_GW_SECRET=${gatewaySecret}\n      - TYK_GW_STORAGE_ADDRS=redis:6379\n  tyk-dashboard:\n    image: tykio/tyk-dashboard:v5.3.0\n    environment:\n      TYK_DB_LICENSEKEY: \${DASH_LICENSE}\n      TYK_DB_MONGOURL: mongodb://tyk:${password}@mongo:27017/tyk_analytics\n`,
          },
          { name: '.env', text: `DASH_LICENSE=${licence}\n` },
          {
            name: 'tyk.conf',
            text: JSON.stringify({ secret: gatewaySecret, storage: { host: 'redis', password } }),
          },
          {
            name: 'broken.env',
            text: `TYK_GW_NODESECRET=${gatewaySecret}\nnot an assignment ${password}`,
          },
        ];
        const shown = JSON.stringify(detectDeployment(files));
        for (const value of [gatewaySecret, password, licence]) expect(shown).not.toContain(value);
      }),
      { seed, numRuns: 100 },
    );
  }, 60_000);
});
