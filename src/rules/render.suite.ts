import type { Code, Heading, ListItem, Nodes, Paragraph, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlan } from './build-plan';
import { describeInput } from './input-matrix';
import { dataPlaneDefaults, defaultNames } from './names';
import { renderMarkdown, renderText } from './render';
import { matrixCases, matrixTimeLimit } from './test-support/matrix-plans';
import type { Advisory, Command, NormalizedInput, Plan, PlanInput, Step } from './types';

// A hand-made plan full of text that Markdown would misread, so the renderers are tested on their
// own, whatever the step catalogue happens to contain today.

const input: NormalizedInput = {
  model: 'self-managed-mdcb',
  install: 'helm',
  components: ['gateway', 'dashboard', 'mdcb'],
  usesGoPlugins: true,
  database: 'postgres',
  dataPlanes: [
    { name: 'eu-west', ...dataPlaneDefaults('eu-west', 2) },
    { name: 'us-east', ...dataPlaneDefaults('us-east', 2) },
  ],
  gateway: { from: '5.0.0', to: '5.3.0', isDefaultTarget: false },
  pump: null,
  mdcb: {
    from: '2.4.0',
    to: '2.5.0',
    isDefaultTarget: true,
    recommendedBy: 'the compatibility matrix',
  },
  strategy: 'downtime',
  downtimeMinutes: 90,
  names: {
    ...defaultNames('self-managed-mdcb', 'helm'),
    gatewayName: 'gateway',
    dashboardName: 'dashboard',
    pumpName: 'pump',
    mdcbName: 'mdcb',
  },
  images: { gateway: null, dashboard: null, pump: null, mdcb: null },
  architecture: 'amd64',
  sharesDatabase: false,
};

const awkwardLines = [
  '# not a heading',
  '- not a list',
  '+ not a list either',
  '* nor this',
  '1. not an ordered list',
  '2) nor this',
  '> not a quote',
  '<div>not HTML</div>',
  '```',
  '~~~',
  '---',
  '===',
  '| a | b |',
  '[ ] not a box, [link](http://example.com) not a link',
  '    four spaces are not code',
  'a *star* and _underscores_ and tyk_analytics.conf and ~strike~ and `tick`',
  'an &amp; entity and a back\\slash and a <desired-version> placeholder',
].join('\n');

const backupCommand: Command = {
  code: 'mkdir -p /var/backups/tyk-upgrade\nhelm get values tyk-cp -n tyk > /var/backups/tyk-upgrade/values.yaml',
  lang: 'bash',
  label: 'Save the values: # then check *them*',
};
const fencedCommand: Command = {
  code: "cat <<'EOF' > notes.md\n```bash\necho hi\n```\n\tindented with a tab\n\nEOF",
  lang: 'bash',
};
const longFenceCommand: Command = { code: 'echo "````" and ``` inline', lang: 'bash' };
const jsonCommand: Command = { code: '{\n  "status": "pass"\n}', lang: 'json' };
const yamlCommand: Command = {
  code: 'tyk-gateway:\n  gateway:\n    image:\n      tag: v5.3.0\n',
  lang: 'yaml',
  label: 'In values.yaml:',
};
const verifyCommand: Command = { code: 'curl -s http://localhost:8080/hello | jq .', lang: 'bash' };
const rollbackCommand: Command = { code: 'helm rollback tyk-cp -n tyk', lang: 'bash' };

const steps: readonly Step[] = [
  {
    id: 'backup-values',
    title: '# Back up *values* [first]',
    detail: awkwardLines,
    kind: 'backup',
    commands: [backupCommand, fencedCommand],
    verify: {
      commands: [{ code: 'ls -l /var/backups/tyk-upgrade', lang: 'bash' }],
      expect: '- values.yaml is there',
    },
    rollback: { detail: 'Nothing changed, so there is nothing to undo.', commands: [] },
  },
  {
    id: 'upgrade-gateway',
    title: 'Upgrade the Gateway',
    detail: 'Set the tag.\n\nThen run the upgrade.',
    kind: 'upgrade',
    component: 'gateway',
    plane: 'control',
    commands: [yamlCommand, longFenceCommand],
    verify: { commands: [verifyCommand, jsonCommand], expect: 'status is "pass"' },
    rollback: { detail: '1. Roll the release back.', commands: [rollbackCommand] },
  },
  {
    id: 'announce',
    title: 'Tell your users',
    detail: '',
    kind: 'communicate',
    commands: [],
  },
];

const advisories: readonly Advisory[] = [
  { id: 'info-one', severity: 'info', title: 'An info', detail: 'Background.' },
  {
    id: 'critical-one',
    severity: 'critical',
    title: 'Python is gone',
    detail: '# extend the image',
    component: 'gateway',
    version: '5.3.0',
  },
  { id: 'warning-one', severity: 'warning', title: 'Distroless images', detail: 'No shell.' },
  { id: 'critical-two', severity: 'critical', title: 'Second critical', detail: '' },
];

const plan: Plan = {
  input,
  title: 'Upgrade Tyk Self-Managed with MDCB # from 5.0.0 to 5.3.0',
  versions: [
    { component: 'mdcb', from: '2.4.0', to: '2.5.0' },
    { component: 'dashboard', from: '5.0.0', to: '5.3.0' },
    { component: 'gateway', from: '5.0.0', to: '5.3.0' },
  ],
  stops: [],
  advisories,
  phases: [
    {
      id: 'prepare',
      kind: 'prepare',
      title: 'Prepare *carefully*',
      detail: '> read this first',
      steps: [steps[0] as Step],
    },
    {
      id: 'control-plane',
      kind: 'control-plane',
      title: 'Control plane',
      detail: '',
      steps: [steps[1] as Step, steps[2] as Step],
    },
  ],
  warnings: [{ field: 'names.gatewayHost', message: 'is the <default> *localhost*' }],
};

/** Every command of a plan in reading order: the step's own, then Verify's, then Rollback's. */
function commandsInOrder(subject: Plan): readonly Command[] {
  return subject.phases.flatMap((phase) =>
    phase.steps.flatMap((step) => [
      ...step.commands,
      ...(step.verify?.commands ?? []),
      ...(step.rollback?.commands ?? []),
    ]),
  );
}

function allSteps(subject: Plan): readonly Step[] {
  return subject.phases.flatMap((phase) => phase.steps);
}

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
}

function nodesOf<T extends Nodes['type']>(
  tree: Root,
  type: T,
): readonly Extract<Nodes, { type: T }>[] {
  const found: Extract<Nodes, { type: T }>[] = [];
  walk(tree, (node) => {
    if (node.type === type) found.push(node as Extract<Nodes, { type: T }>);
  });
  return found;
}

describe('renderMarkdown', () => {
  const markdown = renderMarkdown(plan);
  // A CommonMark parser, not the renderer's own idea of Markdown, reads the runbook back.
  const tree = fromMarkdown(markdown);

  it('gives back every command exactly, with its language, in order', () => {
    const blocks = nodesOf(tree, 'code').map((code: Code) => ({
      code: code.value,
      lang: code.lang,
    }));
    expect(blocks).toEqual(
      commandsInOrder(plan).map((command) => ({ code: command.code, lang: command.lang })),
    );
  });

  it('uses a fence longer than any run of backticks in the command', () => {
    expect(markdown).toContain('  ````bash\n  cat <<');
    expect(markdown).toContain('  `````bash\n  echo "````"');
  });

  it('keeps plain text plain: no HTML, no stray headings, lists, quotes, rules or tables', () => {
    expect(nodesOf(tree, 'html')).toEqual([]);
    // GFM's tables and strikethrough are not CommonMark, so check their escapes in the source.
    expect(markdown).toContain('\\| a \\| b \\|');
    expect(markdown).toContain('\\~strike\\~');
    expect(nodesOf(tree, 'blockquote')).toEqual([]);
    expect(nodesOf(tree, 'thematicBreak')).toEqual([]);
    expect(nodesOf(tree, 'link')).toEqual([]);
    expect(nodesOf(tree, 'emphasis')).toEqual([]);
    // No code span of its own: ids and field paths are not for readers (issue 11).
    expect(nodesOf(tree, 'inlineCode').map((code) => code.value)).toEqual([]);
    const detail = nodesOf(tree, 'paragraph').find((paragraph: Paragraph) =>
      toString(paragraph).startsWith('# not'),
    );
    expect(detail === undefined ? null : toString(detail)).toBe(
      awkwardLines
        .split('\n')
        .map((line) => line.trim())
        .join('\n'),
    );
  });

  it('renders the title, the fixed sections and each phase as headings, text unchanged', () => {
    const headings = nodesOf(tree, 'heading').map((heading: Heading) => [
      heading.depth,
      toString(heading),
    ]);
    expect(headings).toEqual([
      [1, plan.title],
      [2, 'Summary'],
      [2, 'Warnings'],
      [2, 'Advisories'],
      [3, 'Critical'],
      [3, 'Warning'],
      [3, 'Info'],
      [2, 'Prepare *carefully*'],
      [2, 'Control plane'],
    ]);
  });

  it('makes each step a task-list item numbered across the plan, without its id', () => {
    const items = nodesOf(tree, 'listItem')
      .map((item: ListItem) => item.children[0])
      .filter((first): first is Paragraph => first?.type === 'paragraph')
      .map((first) => toString(first))
      .filter((text) => text.startsWith('[ ]'));
    expect(items).toEqual([
      '[ ] 1. # Back up *values* [first]',
      '[ ] 2. Upgrade the Gateway',
      '[ ] 3. Tell your users',
    ]);
    // Step ids are for links and JSON, never for a reader (issue 11).
    expect(markdown).toContain('- [ ] **2. Upgrade the Gateway**\n');
    expect(markdown).not.toContain('upgrade-gateway');
  });

  it('summarises the deployment and the versions', () => {
    for (const line of [
      '- **Deployment model:** Tyk Self-Managed with MDCB',
      '- **Installation:** Helm',
      '- **Database:** PostgreSQL',
      '- **Go plugins:** in use',
      '- **Data planes:** eu-west, us-east',
      '- **Strategy:** Downtime window',
      '- **Window:** 90 minutes',
      '  - MDCB: 2.4.0 → 2.5.0 (recommended by the compatibility matrix)',
      '  - Gateway: 5.0.0 → 5.3.0',
    ]) {
      expect(markdown.split('\n')).toContain(line);
    }
  });

  it('lists the advisories by severity, critical first', () => {
    const order = ['Python is gone', 'Second critical', 'Distroless images', 'An info'].map(
      (title) => markdown.indexOf(`- **${title}**`),
    );
    expect(order.every((position) => position > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(markdown).toContain('- **Python is gone** (Gateway, from 5.3.0)\n');
    expect(markdown).not.toContain('critical-one');
  });

  it('says so when no advisory applies', () => {
    expect(renderMarkdown({ ...plan, advisories: [] })).toContain(
      'No advisories apply to this upgrade.',
    );
  });

  it('shows Verify with the expected answer and Rollback with its detail', () => {
    expect(markdown).toContain('  **Verify:**\n');
    expect(markdown).toContain('  Expected: status is "pass"\n');
    expect(markdown).toContain('  Expected: \\- values.yaml is there\n');
    expect(markdown).toContain('  **Rollback:** 1\\. Roll the release back.\n');
  });

  it('is deterministic and leaves the plan alone', () => {
    const before = structuredClone(plan);
    expect(renderMarkdown(plan)).toBe(markdown);
    expect(renderMarkdown(structuredClone(plan))).toBe(markdown);
    expect(plan).toEqual(before);
  });

  it('ends with exactly one newline and has no trailing spaces', () => {
    expect(markdown.endsWith('\n')).toBe(true);
    expect(markdown.endsWith('\n\n')).toBe(false);
    expect(markdown.split('\n').filter((line) => line !== line.trimEnd())).toEqual([]);
  });
});

describe('renderText', () => {
  const text = renderText(plan);
  const lines = text.split('\n');

  it('adds no Markdown syntax of its own', () => {
    // The fixture's text is full of Markdown on purpose, so look at a plan whose text is plain words.
    const plain = (value: string): string => value.replace(/[^A-Za-z0-9 .\n-]/g, '');
    const plainCommand = (command: Command): Command => ({
      code: plain(command.code),
      lang: command.lang,
    });
    const plainPlan: Plan = {
      ...plan,
      title: plain(plan.title),
      advisories: plan.advisories.map((advisory) => ({
        ...advisory,
        title: plain(advisory.title),
        detail: plain(advisory.detail),
      })),
      warnings: [],
      phases: plan.phases.map((phase) => ({
        ...phase,
        title: plain(phase.title),
        detail: plain(phase.detail),
        steps: phase.steps.map((step) => ({
          ...step,
          title: plain(step.title),
          detail: plain(step.detail).replace(/^[\d-]+\.?/gm, ''),
          commands: step.commands.map(plainCommand),
          ...(step.verify === undefined
            ? {}
            : { verify: { commands: step.verify.commands.map(plainCommand), expect: 'fine' } }),
          ...(step.rollback === undefined
            ? {}
            : { rollback: { commands: step.rollback.commands.map(plainCommand), detail: 'undo' } }),
        })),
      })),
    };
    const output = renderText(plainPlan);
    expect(output).not.toMatch(/^\s*(#|>|- |\* |\d+\. )/m);
    expect(output).not.toMatch(/[`*_\\]/);
    expect(output).not.toContain('- [ ]');
    expect(output).toContain('[ ] 1. Back up values first\n');
  });

  it('prints every command indented by four spaces, line by line', () => {
    for (const command of commandsInOrder(plan)) {
      const block = command.code
        .split('\n')
        .map((line) => (line === '' ? '' : `    ${line}`))
        .join('\n');
      expect(text).toContain(block);
    }
  });

  it('numbers the steps as the Markdown does', () => {
    const numbered = lines
      .filter((line) => line.startsWith('[ ] '))
      .map((line) => line.replace(/ {2}\(.*\)$/, ''));
    expect(numbered).toEqual(
      allSteps(plan).map((step, index) => `[ ] ${index + 1}. ${step.title}`),
    );
    expect(lines).toContain('[ ] 2. Upgrade the Gateway');
    expect(text).not.toContain('upgrade-gateway');
  });

  it('names the phases, the summary and the advisories', () => {
    expect(lines).toContain('PHASE 1 OF 2: Prepare *carefully*');
    expect(lines).toContain('PHASE 2 OF 2: Control plane');
    expect(lines).toContain('  Deployment model: Tyk Self-Managed with MDCB');
    expect(lines).toContain(
      '  MDCB:             2.4.0 -> 2.5.0 (recommended by the compatibility matrix)',
    );
    expect(lines).toContain('  [critical] Python is gone (Gateway, from 5.3.0)');
    expect(lines).toContain('  Gateway host: is the <default> *localhost*');
    expect(text).not.toContain('names.gatewayHost');
    expect(lines).toContain('  Expected: status is "pass"');
    expect(lines).toContain('  Rollback: 1. Roll the release back.');
  });

  it('is deterministic and ends with one newline', () => {
    expect(renderText(structuredClone(plan))).toBe(text);
    expect(text.endsWith('\n') && !text.endsWith('\n\n')).toBe(true);
  });
});

// The same checks on plans the rules really build.

function builtPlan(input: PlanInput): Plan {
  const result = buildPlan(input);
  if (!result.ok) throw new Error(`${describeInput(input)}: ${JSON.stringify(result.errors)}`);
  return result.plan;
}

/**
 * Fenced blocks read the way CommonMark reads them: a fence of three or more backticks opens, a
 * fence at least as long closes, and the opening fence's indentation is taken off each line.
 */
function fencedBlocks(
  markdown: string,
): readonly { readonly code: string; readonly lang: string }[] {
  const blocks: { code: string; lang: string }[] = [];
  let open: { indent: number; fence: number; lang: string; lines: string[] } | null = null;
  for (const line of markdown.split('\n')) {
    if (open === null) {
      const opening = /^( *)(`{3,})([^`\s]*)\s*$/.exec(line);
      if (opening !== null) {
        open = {
          indent: opening[1]?.length ?? 0,
          fence: opening[2]?.length ?? 0,
          lang: opening[3] ?? '',
          lines: [],
        };
      }
      continue;
    }
    const closing = /^ *(`{3,})\s*$/.exec(line);
    if (closing !== null && (closing[1]?.length ?? 0) >= open.fence) {
      blocks.push({ code: open.lines.join('\n'), lang: open.lang });
      open = null;
      continue;
    }
    const leading = /^ */.exec(line)?.[0].length ?? 0;
    open.lines.push(line.slice(Math.min(leading, open.indent)));
  }
  expect(open).toBeNull();
  return blocks;
}

/**
 * The runbook a person has read line by line (src/rules/__snapshots__/sample-plan.md): Debian
 * packages with Pump, across the 5.3.0 migration of Tyk OAS definitions. A change to it is a change
 * to what users paste into their terminals, so it is reviewed, not just accepted.
 */
const samplePlanInput: PlanInput = {
  model: 'self-managed',
  install: 'deb',
  components: ['gateway', 'dashboard', 'pump'],
  usesGoPlugins: false,
  database: 'mongodb',
  gateway: { from: '5.2.5', to: '5.3.0' },
  pump: { from: '1.8.0' },
  strategy: 'rolling',
};

describe('the reviewed sample runbook', () => {
  it('is the Markdown in the reviewed file', async () => {
    await expect(renderMarkdown(builtPlan(samplePlanInput))).toMatchFileSnapshot(
      './__snapshots__/sample-plan.md',
    );
  });

  it('leaves a version at the start of a line as it is, and still makes no ordered list', () => {
    const markdown = renderMarkdown(builtPlan(samplePlanInput));
    expect(markdown).toContain('\n  5.3.0 must be in this list\n');
    expect(markdown).not.toMatch(/^\s*\d+\\\./m);
    expect(nodesOf(fromMarkdown(markdown), 'list').some((list) => list.ordered === true)).toBe(
      false,
    );
  });
});

describe('runbooks of real plans', () => {
  // The shared plans of the matrix may be built here first.
  beforeAll(() => void matrixCases(), matrixTimeLimit);

  // Every 25th deployment of the matrix: all models, installations and strategies come round.
  const plansOfSample = (): readonly (readonly [PlanInput, Plan])[] =>
    matrixCases()
      .filter((_case, index) => index % 25 === 0)
      .map(({ input, plan }) => [input, plan] as const);
  // Rendering a hundred plans (and building the matrix, when no suite before did) takes seconds on
  // two quiet cores, and may take a minute on a loaded machine.
  const slow = 120_000;
  const richest: readonly PlanInput[] = [
    samplePlanInput,
    {
      model: 'self-managed-mdcb',
      install: 'helm',
      components: ['gateway', 'dashboard', 'pump', 'mdcb'],
      usesGoPlugins: true,
      database: 'postgres',
      dataPlanes: [{ name: 'eu-west' }, { name: 'us-east' }],
      gateway: { from: '4.0.0', to: '5.14.0' },
      pump: { from: '1.9.0' },
      mdcb: { from: '2.4.0' },
      strategy: 'downtime',
      downtimeMinutes: 120,
    },
    {
      model: 'self-managed',
      install: 'docker-compose',
      components: ['gateway', 'dashboard', 'pump'],
      usesGoPlugins: true,
      database: 'mongodb',
      gateway: { from: '5.2.5', to: '5.3.0' },
      pump: { from: '1.8.0' },
      strategy: 'blue-green',
    },
    {
      model: 'cloud',
      components: ['dashboard', 'gateway'],
      usesGoPlugins: true,
      gateway: { from: '5.0.0', to: '5.3.0' },
      strategy: 'rolling',
    },
  ];

  it(
    'give back every command, in order, in a CommonMark parse',
    () => {
      for (const input of richest) {
        const plan = builtPlan(input);
        const blocks = nodesOf(fromMarkdown(renderMarkdown(plan)), 'code').map((code: Code) => ({
          code: code.value,
          lang: code.lang,
        }));
        expect(blocks, describeInput(input)).toEqual(
          commandsInOrder(plan).map(({ code, lang }) => ({ code, lang })),
        );
      }
    },
    slow,
  );

  it(
    'give back every command across the matrix, with continuous numbering',
    () => {
      expect(plansOfSample().length).toBeGreaterThan(100);
      for (const [input, plan] of plansOfSample()) {
        const markdown = renderMarkdown(plan);
        expect(fencedBlocks(markdown), describeInput(input)).toEqual(
          commandsInOrder(plan).map(({ code, lang }) => ({ code, lang })),
        );
        const numbers = Array.from(markdown.matchAll(/^- \[ \] \*\*(\d+)\. /gm), (match) =>
          Number(match[1]),
        );
        expect(numbers).toEqual(allSteps(plan).map((_step, index) => index + 1));
        const text = renderText(plan);
        const textNumbers = Array.from(text.matchAll(/^\[ \] (\d+)\. /gm), (match) =>
          Number(match[1]),
        );
        expect(textNumbers).toEqual(numbers);
      }
    },
    slow,
  );

  it(
    'never break out of a step in the text runbook: command lines keep their indentation',
    () => {
      for (const [, plan] of plansOfSample()) {
        const lines = new Set(renderText(plan).split('\n'));
        for (const command of commandsInOrder(plan)) {
          for (const line of command.code.split('\n'))
            if (line !== '') expect(lines.has(`    ${line}`)).toBe(true);
        }
      }
    },
    slow,
  );
});
