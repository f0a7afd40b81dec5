// The words a reader sees for an answer's field: messages name fields by path (`gateway.to`), which
// stays for links and JSON; screens, paper and Markdown say "Target Gateway version".
import { nameFields } from './catalog/name-fields';
import { planeFields } from './catalog/plane-fields';

const fixedLabels: Readonly<Record<string, string>> = {
  model: 'Deployment model',
  install: 'Installation',
  components: 'Components',
  usesGoPlugins: 'Go plugins',
  database: 'Dashboard database',
  dataPlanes: 'Data planes',
  strategy: 'Upgrade strategy',
  downtimeMinutes: 'Downtime window',
  names: 'Your names',
  images: 'Image repositories',
  architecture: 'Gateway architecture',
  sharesDatabase: 'Shared database',
  link: 'The link',
  'link.schema': 'The link',
  gateway: 'Gateway versions',
  pump: 'Pump versions',
  mdcb: 'MDCB versions',
};

const componentWords: Readonly<Record<string, string>> = {
  gateway: 'Gateway',
  pump: 'Pump',
  mdcb: 'MDCB',
};

const dataPlaneParts: Readonly<Record<string, string>> = {
  name: 'name',
  ...Object.fromEntries(planeFields.map((entry) => [entry.id, entry.label])),
};

/** The label of a field path as `validate` and the link reader name it; never the path itself. */
export function fieldLabel(field: string): string {
  const fixed = fixedLabels[field];
  if (fixed !== undefined) return fixed;
  const version = /^(gateway|pump|mdcb)\.(from|to)$/.exec(field);
  if (version !== null) {
    const [, component = '', end] = version;
    return `${end === 'from' ? 'Current' : 'Target'} ${componentWords[component] ?? component} version`;
  }
  const plane = /^dataPlanes\[(\d+)\](?:\.(\w+))?$/.exec(field);
  if (plane !== null) {
    const number = Number(plane[1]) + 1;
    const part = plane[2] === undefined ? undefined : dataPlaneParts[plane[2]];
    return part === undefined ? `Data plane ${number}` : `Data plane ${number}: ${part}`;
  }
  if (field.startsWith('names.')) {
    const id = field.slice('names.'.length);
    return nameFields.find((entry) => entry.id === id)?.label ?? 'One of your names';
  }
  return 'This answer';
}
