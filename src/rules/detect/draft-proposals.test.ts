import { describe, expect, it } from 'vitest';
import { copyAnswers, defaultAnswers } from '../answers';
import type { DraftAnswers } from '../types';
import { detectDeployment } from './detect';
import {
  applyProposals,
  defaultChoices,
  draftProposals,
  editProblems,
  otherEvidence,
} from './draft-proposals';
import { ossStack, proStack } from './fixtures/compose';
import type { DetectedDeployment } from './types';

function detected(): DetectedDeployment {
  const result = detectDeployment(proStack);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

function draftWith(patch: Partial<DraftAnswers>): DraftAnswers {
  return copyAnswers({ ...defaultAnswers, ...patch });
}

describe('draftProposals', () => {
  it('proposes every answer of the compose stack against a fresh draft', () => {
    const proposals = draftProposals(detected(), defaultAnswers);
    expect(proposals.map(({ id, value, current, status }) => [id, value, current, status])).toEqual(
      [
        ['model', 'Tyk Self-Managed', 'Tyk Self-Managed', 'same'],
        ['install', 'Docker Compose', 'Docker Compose', 'same'],
        ['components', 'Gateway, Dashboard, Pump', 'Dashboard, Gateway, Pump', 'same'],
        ['database', 'PostgreSQL', 'MongoDB', 'new'],
        ['gateway.from', '5.8.0', '', 'new'],
        ['pump.from', '1.11.0', '', 'new'],
        ['names.gatewayName', 'tyk-gateway', '', 'new'],
        ['names.dashboardName', 'tyk-dashboard', '', 'new'],
        ['names.pumpName', 'tyk-pump', '', 'new'],
        ['names.gatewayPort', '8080', '', 'new'],
        ['names.dashboardPort', '3000', '', 'new'],
        ['names.redisHost', 'tyk-redis', '', 'new'],
        ['names.redisPort', '6379', '', 'new'],
        ['names.databaseHost', 'tyk-postgres', '', 'new'],
        ['names.databaseName', 'tyk_analytics', '', 'new'],
      ],
    );
  });

  it('carries the evidence of each answer', () => {
    const proposal = draftProposals(detected(), defaultAnswers).find(
      (candidate) => candidate.id === 'gateway.from',
    );
    expect(proposal?.evidence).toEqual([
      {
        field: 'gateway.from',
        value: '5.8.0',
        file: '.env',
        where: 'line 3 (GATEWAY_VERSION)',
        note: 'image tag v5.8.0; GATEWAY_VERSION sets the tag of tyk-gateway in docker-compose.yml',
      },
    ]);
  });

  it.each<[string, Partial<DraftAnswers>, string, string, string]>([
    [
      'a typed version that differs',
      { gateway: { from: '5.3.0', to: '' } },
      'gateway.from',
      '5.3.0',
      'conflict',
    ],
    [
      'a typed version with a v that matches',
      { gateway: { from: 'v5.8.0', to: '5.9.0' } },
      'gateway.from',
      'v5.8.0',
      'same',
    ],
    ['a database the user chose', { database: 'mongodb' }, 'database', 'MongoDB', 'new'],
    [
      'a typed Redis host',
      { names: { redisHost: 'redis.internal' } },
      'names.redisHost',
      'redis.internal',
      'conflict',
    ],
    ['another installation', { install: 'helm' }, 'install', 'Helm', 'conflict'],
  ])('%s', (_name, patch, id, current, status) => {
    const proposal = draftProposals(detected(), draftWith(patch)).find(
      (candidate) => candidate.id === id,
    );
    expect([proposal?.current, proposal?.status]).toEqual([current, status]);
  });

  it('chooses new answers by default and never a conflict', () => {
    const draft = draftWith({ gateway: { from: '5.3.0', to: '' }, names: { redisHost: 'r1' } });
    expect(defaultChoices(draftProposals(detected(), draft))).toEqual([
      'database',
      'pump.from',
      'names.gatewayName',
      'names.dashboardName',
      'names.pumpName',
      'names.gatewayPort',
      'names.dashboardPort',
      'names.redisPort',
      'names.databaseHost',
      'names.databaseName',
    ]);
  });

  it('lists what the wizard does not ask for apart', () => {
    const result = detected();
    expect(
      otherEvidence(result, draftProposals(result, defaultAnswers)).map((item) => item.field),
    ).toEqual([
      'images.gateway',
      'images.dashboard',
      'images.pump',
      'compose.tagVariables.gateway',
      'compose.tagVariables.dashboard',
      'compose.envFiles.gateway',
      'compose.envFiles.dashboard',
      'compose.envFiles.pump',
      'redis.version',
      'fips',
    ]);
  });
});

describe('applyProposals', () => {
  it('writes the chosen answers into the draft', () => {
    const next = applyProposals(defaultAnswers, detected(), [
      'database',
      'gateway.from',
      'names.redisHost',
      'names.gatewayPort',
    ]);
    expect(next).toEqual({
      ...defaultAnswers,
      database: 'postgres',
      gateway: { from: '5.8.0', to: '' },
      names: { redisHost: 'tyk-redis', gatewayPort: '8080' },
    });
  });

  it('keeps what the user typed when the conflict is not chosen', () => {
    const draft = draftWith({
      gateway: { from: '5.3.0', to: '5.9.0' },
      names: { redisHost: 'r1' },
    });
    const next = applyProposals(draft, detected(), ['names.redisPort']);
    expect([next.gateway, next.names]).toEqual([
      { from: '5.3.0', to: '5.9.0' },
      { redisHost: 'r1', redisPort: '6379' },
    ]);
  });

  it('replaces a typed answer only when its conflict is chosen, keeping the target', () => {
    const draft = draftWith({ gateway: { from: '5.3.0', to: '5.9.0' } });
    expect(applyProposals(draft, detected(), ['gateway.from']).gateway).toEqual({
      from: '5.8.0',
      to: '5.9.0',
    });
  });

  it('fits components and installation to a detected model', () => {
    const result = detectDeployment(ossStack);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const ids = draftProposals(result, defaultAnswers).map((proposal) => proposal.id);
    const next = applyProposals(defaultAnswers, result, ids);
    expect([next.model, next.components, next.names.redisHost]).toEqual([
      'oss',
      ['gateway'],
      'tyk-redis',
    ]);
  });

  it('leaves the draft alone when nothing is chosen', () => {
    expect(applyProposals(defaultAnswers, detected(), [])).toEqual(defaultAnswers);
  });
});

describe('edited proposals', () => {
  it('lets versions and names be changed, not the choices', () => {
    const editable = draftProposals(detected(), defaultAnswers)
      .filter((proposal) => proposal.isEditable)
      .map((proposal) => proposal.id);
    expect(editable).toEqual([
      'gateway.from',
      'pump.from',
      'names.gatewayName',
      'names.dashboardName',
      'names.pumpName',
      'names.gatewayPort',
      'names.dashboardPort',
      'names.redisHost',
      'names.redisPort',
      'names.databaseHost',
      'names.databaseName',
    ]);
  });

  it('applies the typed value over the files’ value, only when chosen', () => {
    const edits = { 'gateway.from': '5.8.1', 'names.redisHost': 'redis.internal' };
    const next = applyProposals(defaultAnswers, detected(), ['gateway.from'], edits);
    expect([next.gateway.from, next.names.redisHost]).toEqual(['5.8.1', undefined]);
  });

  it('ignores an edit of a choice', () => {
    const next = applyProposals(defaultAnswers, detected(), ['database'], { database: 'sqlite' });
    expect(next.database).toBe('postgres');
  });

  it.each<[string, Readonly<Record<string, string>>, readonly string[]]>([
    ['a good version and port', { 'gateway.from': '5.8.1', 'names.gatewayPort': '8081' }, []],
    [
      'a version that is not one',
      { 'gateway.from': 'abc' },
      [
        'gateway.from: Current Gateway and Dashboard version: Gateway "abc" is not a version. Type a release such as 5.14.0, a line such as 5.14 for its newest patch, or latest.',
      ],
    ],
    [
      'an emptied version',
      { 'gateway.from': '' },
      ['gateway.from: Enter the Gateway and Dashboard version you run now, for example 5.3.0.'],
    ],
    [
      'a port out of range and a host with a space',
      { 'names.gatewayPort': '99999', 'names.redisHost': 'bad host' },
      [
        'names.gatewayPort: Gateway port: "99999" is not a port: use a whole number from 1 to 65535.',
        'names.redisHost: Redis host: "bad host" contains a space, which cannot go into a shell command.',
      ],
    ],
  ])('checks %s with the wizard’s messages', (_name, edits, expected) => {
    const chosen = ['gateway.from', 'names.gatewayPort', 'names.redisHost'];
    const problems = editProblems(defaultAnswers, detected(), chosen, edits);
    expect(problems.map((problem) => `${problem.field}: ${problem.message}`)).toEqual(expected);
  });

  it('does not check an edit left unticked', () => {
    expect(editProblems(defaultAnswers, detected(), [], { 'gateway.from': 'abc' })).toEqual([]);
  });
});
