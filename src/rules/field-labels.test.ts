import { describe, expect, it } from 'vitest';
import { fieldLabel } from './field-labels';

describe('fieldLabel', () => {
  it.each([
    ['gateway.to', 'Target Gateway version'],
    ['gateway.from', 'Current Gateway version'],
    ['pump.to', 'Target Pump version'],
    ['mdcb.from', 'Current MDCB version'],
    ['model', 'Deployment model'],
    ['downtimeMinutes', 'Downtime window'],
    ['dataPlanes[0].release', 'Data plane 1: Helm release name'],
    ['dataPlanes[2]', 'Data plane 3'],
    ['dataPlanes[1].context', 'Data plane 2: Context'],
    ['dataPlanes[0].redisPort', 'Data plane 1: Redis port'],
    ['names.namespace', 'Kubernetes namespace'],
    ['names.no-such-name', 'One of your names'],
    ['link', 'The link'],
    ['link.schema', 'The link'],
    ['something.new', 'This answer'],
  ])('%s reads "%s"', (field, label) => {
    expect(fieldLabel(field)).toBe(label);
  });
});
