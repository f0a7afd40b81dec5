// The collector's JSON document: the raw outputs it gathered, each read back through the same
// readers as a file the user would give, so a pasted collector fills the same answers.
import { isJsonRecord, type JsonDocument } from './json-reader';
import { rank, type Observations } from './observations';
import { shortText } from './text';

export const collectorSchemaVersion = 1;

/** A part of a collector document, read like a file of its own. */
export type CollectorSection = {
  readonly name: string;
  readonly text: string;
  /** Sections whose content alone does not say what they are. */
  readonly hint: 'database-version' | 'plugin-summary' | null;
  readonly database: 'mongodb' | 'postgres' | null;
};

const installs = ['docker', 'docker-compose', 'kubernetes', 'helm', 'rpm', 'deb'] as const;

export function expandCollector(
  file: string,
  doc: JsonDocument,
  observations: Observations,
): readonly CollectorSection[] {
  const root = doc.value;
  if (!isJsonRecord(root)) return [];
  const version = root['tykUpgradeCollector'];
  if (version !== collectorSchemaVersion) {
    observations.notice(
      file,
      'unused',
      `${file} comes from collector version ${String(version)}; this reader knows version ${collectorSchemaVersion} and read what it could.`,
    );
  }
  const install = root['install'];
  if (typeof install === 'string' && (installs as readonly string[]).includes(install)) {
    const line = doc.lines.get('install');
    observations.add({
      field: 'install',
      value: install,
      file,
      where: line === undefined ? 'key install' : `line ${line} (install)`,
      rank: rank.collected,
      note: 'the collector was run for this installation type',
    });
  }
  const machine = typeof root['architecture'] === 'string' ? root['architecture'] : '';
  const architecture = /aarch64|arm64/.test(machine)
    ? 'arm64'
    : /x86_64|amd64/.test(machine)
      ? 'amd64'
      : null;
  if (architecture !== null && (install === 'rpm' || install === 'deb')) {
    observations.add({
      field: 'architecture',
      value: architecture,
      file,
      where: 'key architecture',
      rank: rank.collected,
      note: `uname -m on the machine the collector ran on says ${machine.replace(/[^\w-]/g, '')}`,
    });
  }
  const sections = Array.isArray(root['sections']) ? root['sections'] : [];
  const result: CollectorSection[] = [];
  sections.forEach((section, index) => {
    if (!isJsonRecord(section)) return;
    const text = section['text'];
    const name = typeof section['name'] === 'string' ? section['name'] : `section ${index + 1}`;
    if (typeof text !== 'string' || text.trim() === '') return;
    const hint = section['kind'];
    const database = section['database'];
    result.push({
      name: `${file} › ${shortText(name, 120)}`,
      text,
      hint: hint === 'database-version' || hint === 'plugin-summary' ? hint : null,
      database: database === 'mongodb' || database === 'postgres' ? database : null,
    });
  });
  observations.readings.push({
    file,
    kind: 'collector',
    summary: `collector output (${typeof install === 'string' ? install.replace(/[^\w-]/g, '') : 'unknown installation'}) with ${result.length} parts`,
  });
  return result;
}
