// The messages for the "tell the stakeholders" steps: before the change (what, when, the impact of
// the strategy, who to contact) and after it. Plain text for e-mail and chat, Markdown for issues
// and wikis; both say the same. The user's details are echoed as typed, escaped for Markdown.
import { componentLabel } from './catalog/components';
import { findModel } from './catalog/models';
import { formatMinutes } from './estimate/duration';
import {
  addMinutes,
  formatDateTime,
  formatRange,
  formatTime,
  parseLocalDateTime,
  type LocalDateTime,
} from './estimate/local-date-time';
import type { ChangeEstimate } from './estimate/types';
import { markdownInline } from './render';
import type { Plan } from './types';

/** What the change record knows about the change (issue 11's cover fields). All optional. */
export type ChangeDetails = {
  /** ISO local date-time (`2026-03-07T22:00`); any other text is shown as typed. */
  readonly windowStart?: string;
  readonly windowEnd?: string;
  /** A person, a team or a channel. */
  readonly contact?: string;
  readonly environment?: string;
  readonly ticket?: string;
  readonly operator?: string;
  readonly approver?: string;
};

export const announcementStepIds = ['announce-upgrade', 'announce-complete'] as const;
export type AnnouncementStepId = (typeof announcementStepIds)[number];

export type Announcement = {
  readonly stepId: AnnouncementStepId;
  readonly subject: string;
  /** Starts with the subject, for pasting into chat; an e-mail can take the rest. */
  readonly text: string;
  readonly markdown: string;
};

type Block =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] };

const maxDetailLength = 200;

/** A detail as one printable line: control characters and runs of spaces become one space. */
function cleanDetail(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  // eslint-disable-next-line no-control-regex
  const line = raw.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
  return line.length > maxDetailLength ? `${line.slice(0, maxDetailLength)}…` : line;
}

/** A window end: either a date-time or the words the user typed. */
type When = { readonly at: LocalDateTime | null; readonly text: string };

function whenOf(raw: unknown): When | null {
  const text = cleanDetail(raw);
  return text === '' ? null : { at: parseLocalDateTime(text), text };
}

const shown = (when: When): string => (when.at === null ? when.text : formatDateTime(when.at));

function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

type Context = {
  readonly plan: Plan;
  readonly estimate: ChangeEstimate;
  readonly start: When | null;
  readonly end: When | null;
  readonly contact: string;
  readonly environment: string;
  readonly ticket: string;
  readonly operator: string;
  readonly approver: string;
};

const onEnvironment = (c: Context): string => (c.environment === '' ? '' : ` on ${c.environment}`);
const ticketSuffix = (c: Context): string => (c.ticket === '' ? '' : ` (${c.ticket})`);

function deployment(plan: Plan): string {
  const model = findModel(plan.input.model).label;
  const planes = plan.input.dataPlanes.map((plane) => plane.name);
  if (planes.length === 0) return model;
  return `${model}; data plane${planes.length === 1 ? '' : 's'} ${listOf(planes)}`;
}

function rollbackNote(estimate: ChangeEstimate): string {
  return `a rollback, if one is needed, about ${formatMinutes(estimate.rollback.minutes)} more`;
}

function whenText(c: Context): string {
  const work = `The work is estimated at about ${formatMinutes(c.estimate.totalMinutes)}; ${rollbackNote(c.estimate)}.`;
  const { start, end } = c;
  if (start !== null && end !== null) {
    const range =
      start.at !== null && end.at !== null
        ? formatRange(start.at, end.at)
        : `${shown(start)} to ${shown(end)}`;
    return `${range}. ${work}`;
  }
  if (start !== null && start.at !== null) {
    const window = c.estimate.window;
    if (window.kind !== 'no-window') {
      const closesAt = window.opensAtMinute + window.windowMinutes;
      const from = `From ${formatDateTime(start.at)} until about`;
      // An announcement never promises an end the estimate already overruns.
      return closesAt >= c.estimate.totalMinutes
        ? `${from} ${formatTime(addMinutes(start.at, closesAt))}, the end of the downtime window. ${work}`
        : `${from} ${formatTime(addMinutes(start.at, c.estimate.totalMinutes))}, later than the end of the ${window.windowMinutes}-minute downtime window. ${work}`;
    }
    const until = addMinutes(start.at, c.estimate.totalMinutes);
    return `From ${formatDateTime(start.at)} until about ${formatTime(until)} (an estimate); ${rollbackNote(c.estimate)}.`;
  }
  if (start !== null) return `From ${start.text}. ${work}`;
  if (end !== null) return `Finished by ${shown(end)}. ${work}`;
  return `The date and time follow in a separate message. ${work}`;
}

/** The clock time `minute` minutes into the change, when the start is a date-time. */
function clockAt(c: Context, minute: number): string | null {
  const at = c.start?.at ?? null;
  return at === null ? null : formatTime(addMinutes(at, minute));
}

function impactBefore(c: Context): string {
  const { estimate, plan } = c;
  switch (plan.input.strategy) {
    case 'rolling':
      return 'No interruption expected: the instances are upgraded one at a time behind the load balancer, so the APIs stay available. While it runs, some requests are answered by the old version and some by the new.';
    case 'blue-green': {
      const cutOver = estimate.serviceGaps.find((gap) => gap.row === 'cut-over');
      const clock = cutOver === undefined ? null : clockAt(c, cutOver.startMinute);
      const when =
        cutOver === undefined
          ? 'near the end'
          : clock === null
            ? `about ${formatMinutes(cutOver.startMinute)} after the start`
            : `at about ${clock}`;
      return `A short cut-over: the upgrade runs on a copy of the environment, and traffic moves to it ${when}. Requests in flight at that moment may fail and should be retried. Please avoid changing APIs, policies or keys during the change: changes made on the live side meanwhile may not reach the upgraded side.`;
    }
    case 'downtime': {
      const window = estimate.window;
      const outage = estimate.serviceGaps.find((gap) => gap.row === 'outage');
      const opens = outage?.startMinute ?? 0;
      const planned = outage?.minutes ?? 0;
      const length =
        window.kind === 'no-window'
          ? `for about ${formatMinutes(planned)}`
          : planned > window.windowMinutes
            ? `for about ${formatMinutes(planned)}, longer than the agreed ${window.windowMinutes}-minute window`
            : `for up to ${window.windowMinutes} minutes`;
      const clock = clockAt(c, opens);
      const from = clock === null ? '' : ` from about ${clock}`;
      const page = plan.phases.some((phase) =>
        phase.steps.some((step) => step.id === 'open-maintenance-window'),
      )
        ? '; clients get a maintenance page instead'
        : '';
      return `An outage: the APIs are unavailable${from} ${length}${page}.`;
    }
  }
}

function impactAfter(c: Context): string {
  const tell = 'If an API behaves differently from before, please tell us.';
  switch (c.plan.input.strategy) {
    case 'rolling':
      return `Nothing changes in how the APIs are called. ${tell}`;
    case 'blue-green':
      return `Traffic now goes to the upgraded environment; the old one stays ready for a quick switch back for a few days. ${tell}`;
    case 'downtime':
      return `The APIs are available again. ${tell}`;
  }
}

/** The text with a full stop, unless it already ends a sentence. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function contactBlocks(c: Context): readonly Block[] {
  const people =
    c.operator !== '' && c.approver !== ''
      ? `Carried out by ${c.operator}; approved by ${c.approver}.`
      : c.operator !== ''
        ? `Carried out by ${c.operator}.`
        : c.approver !== ''
          ? `Approved by ${c.approver}.`
          : '';
  return [
    { kind: 'heading', text: 'Contact' },
    {
      kind: 'paragraph',
      text: `Questions or problems: ${c.contact === '' ? 'reply to this message.' : sentence(c.contact)}`,
    },
    ...(people === '' ? [] : [{ kind: 'paragraph' as const, text: people }]),
    ...(c.ticket === ''
      ? []
      : [{ kind: 'paragraph' as const, text: `Change ticket: ${c.ticket}` }]),
  ];
}

function before(c: Context): { readonly subject: string; readonly blocks: readonly Block[] } {
  const changed = c.plan.versions.filter((version) => version.from !== version.to);
  const unchanged = c.plan.versions.filter((version) => version.from === version.to);
  const startAt = c.start?.at ?? null;
  const endAt = c.end?.at ?? null;
  const date =
    c.start === null
      ? 'date to be confirmed'
      : startAt !== null && endAt !== null
        ? formatRange(startAt, endAt)
        : shown(c.start);
  return {
    subject: `Planned Tyk upgrade${onEnvironment(c)}: ${date}${ticketSuffix(c)}`,
    blocks: [
      {
        kind: 'paragraph',
        text: `We will upgrade Tyk${onEnvironment(c)} (${deployment(c.plan)}).`,
      },
      { kind: 'heading', text: 'What changes' },
      {
        kind: 'list',
        items: [
          ...changed.map(
            (version) =>
              `${componentLabel(version.component)} from ${version.from} to ${version.to}`,
          ),
          ...unchanged.map(
            (version) => `${componentLabel(version.component)} stays on ${version.from}`,
          ),
        ],
      },
      { kind: 'heading', text: 'When' },
      { kind: 'paragraph', text: whenText(c) },
      { kind: 'heading', text: 'Expected impact' },
      { kind: 'paragraph', text: impactBefore(c) },
      ...contactBlocks(c),
    ],
  };
}

function after(c: Context): { readonly subject: string; readonly blocks: readonly Block[] } {
  return {
    subject: `Tyk upgrade complete${onEnvironment(c)}${ticketSuffix(c)}`,
    blocks: [
      { kind: 'paragraph', text: `The upgrade of Tyk${onEnvironment(c)} is complete.` },
      { kind: 'heading', text: 'What changed' },
      {
        kind: 'list',
        items: c.plan.versions.map((version) =>
          version.from === version.to
            ? `${componentLabel(version.component)}: still ${version.from}`
            : `${componentLabel(version.component)}: now ${version.to} (was ${version.from})`,
        ),
      },
      { kind: 'heading', text: 'What to expect' },
      { kind: 'paragraph', text: impactAfter(c) },
      ...contactBlocks(c),
    ],
  };
}

/** Blocks as text: a heading sits right above what it heads; other blocks are a blank line apart. */
function renderBlocks(
  subject: string,
  blocks: readonly Block[],
  line: {
    readonly subject: (text: string) => string;
    readonly heading: (text: string) => string;
    readonly paragraph: (text: string) => string;
    readonly item: (text: string) => string;
    readonly gapAfterHeading: boolean;
  },
): string {
  const lines: string[] = [line.subject(subject)];
  let afterHeading = false;
  for (const block of blocks) {
    if (!afterHeading || line.gapAfterHeading) lines.push('');
    afterHeading = block.kind === 'heading';
    if (block.kind === 'heading') lines.push(line.heading(block.text));
    else if (block.kind === 'paragraph') lines.push(line.paragraph(block.text));
    else lines.push(...block.items.map(line.item));
  }
  return `${lines.join('\n')}\n`;
}

/** The message for one of the plan's "tell the stakeholders" steps, with the user's details filled in. */
export function announcementFor(
  plan: Plan,
  estimate: ChangeEstimate,
  details: ChangeDetails,
  stepId: AnnouncementStepId = 'announce-upgrade',
): Announcement {
  const c: Context = {
    plan,
    estimate,
    start: whenOf(details.windowStart),
    end: whenOf(details.windowEnd),
    contact: cleanDetail(details.contact),
    environment: cleanDetail(details.environment),
    ticket: cleanDetail(details.ticket),
    operator: cleanDetail(details.operator),
    approver: cleanDetail(details.approver),
  };
  const { subject, blocks } = stepId === 'announce-complete' ? after(c) : before(c);
  return {
    stepId: stepId === 'announce-complete' ? 'announce-complete' : 'announce-upgrade',
    subject,
    text: renderBlocks(subject, blocks, {
      subject: (text) => text,
      heading: (text) => text,
      paragraph: (text) => text,
      item: (text) => `- ${text}`,
      gapAfterHeading: false,
    }),
    markdown: renderBlocks(subject, blocks, {
      subject: (text) => `**${markdownInline(text)}**`,
      heading: (text) => `**${markdownInline(text)}**`,
      paragraph: (text) => markdownInline(text),
      item: (text) => `- ${markdownInline(text)}`,
      gapAfterHeading: true,
    }),
  };
}
