import { useId } from 'react';
import { formatMinutes, formatOffset, type ChangeEstimate, type ServiceGap } from '@/rules';

export type ChangeTimelineProps = {
  readonly estimate: ChangeEstimate;
  /** The caption, and the picture's accessible name. */
  readonly title?: string;
  /** Show the table of times under the picture (the printed cover); otherwise only screen readers get it. */
  readonly showTable?: boolean;
};

type Segment = {
  readonly key: string;
  readonly start: number;
  readonly minutes: number;
  readonly style: 'phase' | 'phase-alt' | 'gap' | 'window' | 'rollback';
};

type Row = { readonly key: string; readonly label: string; readonly segments: readonly Segment[] };

type TableRow = {
  readonly key: string;
  readonly part: string;
  readonly from: string;
  readonly to: string;
  readonly length: string;
};

// Sizes in CSS pixels; horizontal positions are percentages, so the picture fills any width while
// the text keeps its size (a 320 px phone and an A4 cover alike).
const font = 12;
const markerBand = 18;
const axisBand = 20;
const labelHeight = 15;
const barHeight = 12;
const rowGap = 9;
const rowPitch = labelHeight + barHeight + rowGap;
/** Labels longer than this are cut with an ellipsis; the table always has them whole. */
const maxLabel = 40;

const tickSteps = [5, 10, 15, 30, 60, 120, 180, 240, 360, 480, 720, 1440] as const;

function tickStep(span: number): number {
  return tickSteps.find((step) => span / step <= 6) ?? Math.ceil(span / 6 / 60) * 60;
}

function shortened(text: string, room: number): string {
  return text.length <= room ? text : `${text.slice(0, Math.max(1, room - 1)).trimEnd()}…`;
}

function labelled(title: string, minutes: number): string {
  const length = formatMinutes(minutes);
  return `${shortened(title, maxLabel - length.length - 3)} · ${length}`;
}

/** Short row labels, so that they fit a phone; the table gives each gap's full label. */
const gapRowLabels: Readonly<Record<ServiceGap['row'], string>> = {
  instances: 'Out of service, one instance at a time',
  'upgraded-side': 'Upgraded side, not yet live',
  'cut-over': 'Cut-over',
  outage: 'Every API unavailable',
};

function gapRows(gaps: readonly ServiceGap[]): readonly Row[] {
  const rows: readonly ServiceGap['row'][] = ['instances', 'upgraded-side', 'cut-over', 'outage'];
  return rows.flatMap((row): readonly Row[] => {
    const own = gaps.filter((gap) => gap.row === row);
    const first = own[0];
    if (first === undefined) return [];
    const segments = own.map((gap) => ({
      key: gap.id,
      start: gap.startMinute,
      minutes: gap.minutes,
      style: 'gap' as const,
    }));
    const label = own.length === 1 ? labelled(gapRowLabels[row], first.minutes) : gapRowLabels[row];
    return [{ key: row, label, segments }];
  });
}

function rowsOf(estimate: ChangeEstimate): readonly Row[] {
  const phases = estimate.phases.filter((phase) => phase.timing === 'change' && phase.minutes > 0);
  const phaseRows = phases.map((phase, index) => ({
    key: `phase-${phase.phaseId}`,
    label: labelled(phase.title, phase.minutes),
    segments: [
      {
        key: phase.phaseId,
        start: phase.startMinute,
        minutes: phase.minutes,
        style: index % 2 === 0 ? ('phase' as const) : ('phase-alt' as const),
      },
    ],
  }));
  const { window, rollback } = estimate;
  const windowRows: readonly Row[] =
    window.kind === 'no-window'
      ? []
      : [
          {
            key: 'window',
            label: labelled('Downtime window', window.windowMinutes),
            segments: [
              {
                key: 'window',
                start: window.opensAtMinute,
                minutes: window.windowMinutes,
                style: 'window',
              },
            ],
          },
        ];
  const rollbackRow: Row = {
    key: 'rollback',
    label: labelled('Full rollback, if needed', rollback.minutes),
    segments: [
      { key: 'rollback', start: rollback.fromMinute, minutes: rollback.minutes, style: 'rollback' },
    ],
  };
  return [...phaseRows, ...windowRows, ...gapRows(estimate.serviceGaps), rollbackRow];
}

function tableOf(estimate: ChangeEstimate): readonly TableRow[] {
  const span = (key: string, part: string, start: number, minutes: number): TableRow => ({
    key,
    part,
    from: formatOffset(start),
    to: formatOffset(start + minutes),
    length: formatMinutes(minutes),
  });
  const point = estimate.pointOfNoReturn;
  const { window, rollback } = estimate;
  return [
    ...estimate.phases
      .filter((phase) => phase.timing === 'change')
      .map((phase) =>
        span(`phase-${phase.phaseId}`, phase.title, phase.startMinute, phase.minutes),
      ),
    ...(point === null
      ? []
      : [
          {
            key: 'point-of-no-return',
            part: `Point of no return: after “${point.stepTitle}”`,
            from: formatOffset(point.atMinute),
            to: '',
            length: '',
          },
        ]),
    ...(window.kind === 'no-window'
      ? []
      : [span('window', 'Downtime window', window.opensAtMinute, window.windowMinutes)]),
    ...estimate.serviceGaps.map((gap) =>
      span(`gap-${gap.id}`, `Out of service: ${gap.label}`, gap.startMinute, gap.minutes),
    ),
    span(
      'rollback',
      'Full rollback from the worst point, if needed',
      rollback.fromMinute,
      rollback.minutes,
    ),
  ];
}

function summaryOf(estimate: ChangeEstimate): string {
  const point = estimate.pointOfNoReturn;
  const phases = estimate.phases.filter((phase) => phase.timing === 'change').length;
  return [
    `The change takes about ${formatMinutes(estimate.totalMinutes)} in ${phases} phases.`,
    point === null ? '' : `The point of no return is at ${formatOffset(point.atMinute)}.`,
    `A full rollback from the worst point, at ${formatOffset(estimate.rollback.fromMinute)}, takes ${formatMinutes(estimate.rollback.minutes)} more.`,
  ]
    .filter((sentence) => sentence !== '')
    .join(' ');
}

const segmentLook: Readonly<
  Record<Segment['style'], { readonly fillOpacity: number; readonly dash?: string }>
> = {
  phase: { fillOpacity: 0.15 },
  'phase-alt': { fillOpacity: 0.35 },
  gap: { fillOpacity: 0.7 },
  window: { fillOpacity: 0, dash: '4 3' },
  rollback: { fillOpacity: 1 },
};

/** A picture of the change: phases as bands, the point of no return, the way back, what is out of service. */
export function ChangeTimeline({
  estimate,
  title = 'Timeline of the change',
  showTable = false,
}: ChangeTimelineProps) {
  // useId's characters are not all valid in url(#…), so keep letters and digits only.
  const id = `change-timeline-${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  const rows = rowsOf(estimate);
  const { window, rollback, pointOfNoReturn: point } = estimate;
  const span = Math.max(
    1,
    estimate.totalMinutes,
    rollback.fromMinute + rollback.minutes,
    window.kind === 'no-window' ? 0 : window.opensAtMinute + window.windowMinutes,
  );
  const x = (minute: number): number => 1 + (98 * minute) / span;
  const width = (minutes: number): number => Math.max(0.3, (98 * minutes) / span);
  const step = tickStep(span);
  const ticks = Array.from({ length: Math.floor(span / step) + 1 }, (_, index) => index * step);
  const top = markerBand + axisBand;
  const height = top + rows.length * rowPitch;
  const pointX = point === null ? null : x(point.atMinute);

  return (
    // With its table the figure is longer than the room left on most pages: on paper the chart
    // stays with its caption and the table may go on over the break, rather than leave a half page.
    <figure
      aria-labelledby={`${id}-caption`}
      className={`print:text-black ${showTable ? '' : 'break-inside-avoid'}`}
    >
      <figcaption id={`${id}-caption`} className="mb-2 font-semibold break-after-avoid">
        {title}
      </figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        width="100%"
        height={height}
        className="block"
        fontSize={font}
        fill="currentColor"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summaryOf(estimate)}</desc>
        <defs>
          <pattern
            id={`${id}-hatch`}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line x1="0" y1="0" x2="0" y2="6" stroke="currentColor" strokeWidth="2" />
          </pattern>
        </defs>

        {ticks.map((tick, index) => {
          const tickX = x(tick);
          const anchor = index === 0 ? 'start' : tickX > 92 ? 'end' : 'middle';
          return (
            <g key={tick}>
              <text x={`${tickX}%`} y={markerBand + 13} textAnchor={anchor}>
                {formatOffset(tick)}
              </text>
              <line
                x1={`${tickX}%`}
                x2={`${tickX}%`}
                y1={top - 3}
                y2={height}
                stroke="currentColor"
                strokeOpacity="0.35"
                strokeDasharray="1 3"
              />
            </g>
          );
        })}

        {rows.map((row, index) => {
          const rowTop = top + index * rowPitch;
          return (
            <g key={row.key}>
              <text x="1%" y={rowTop + labelHeight - 3}>
                {row.label}
              </text>
              {row.segments.map((segment) => {
                const look = segmentLook[segment.style];
                return (
                  <rect
                    key={segment.key}
                    x={`${x(segment.start)}%`}
                    y={rowTop + labelHeight}
                    width={`${width(segment.minutes)}%`}
                    height={barHeight}
                    fill={segment.style === 'rollback' ? `url(#${id}-hatch)` : 'currentColor'}
                    fillOpacity={look.fillOpacity}
                    stroke="currentColor"
                    strokeWidth={segment.style === 'window' ? 1.5 : 1}
                    {...(look.dash === undefined ? {} : { strokeDasharray: look.dash })}
                  />
                );
              })}
            </g>
          );
        })}

        {point === null || pointX === null ? null : (
          <g>
            <line
              x1={`${pointX}%`}
              x2={`${pointX}%`}
              y1={markerBand - 2}
              y2={height}
              stroke="currentColor"
              strokeWidth="2"
              strokeDasharray="6 3"
            />
            {/* Anchored so that the label fits beside the line even on a 320 px phone. */}
            <text
              x={`${pointX}%`}
              y={markerBand - 6}
              textAnchor={pointX < 30 ? 'start' : pointX > 70 ? 'end' : 'middle'}
              fontWeight="bold"
            >
              {`Point of no return ${formatOffset(point.atMinute)}`}
            </text>
          </g>
        )}
      </svg>

      {/* Hidden in a box of its own: a table does not shrink to the one pixel of `sr-only`, and
          would widen the page on a phone. */}
      <div className={showTable ? undefined : 'sr-only'}>
        <table className="mt-3 w-full border-collapse text-left text-sm">
          <caption className={showTable ? 'mb-1 text-left font-semibold' : undefined}>
            {`${title}: times from the start`}
          </caption>
          <thead>
            <tr className="border-b border-current">
              <th scope="col" className="py-1 pr-3 font-semibold">
                Part
              </th>
              <th scope="col" className="py-1 pr-3 font-semibold">
                From
              </th>
              <th scope="col" className="py-1 pr-3 font-semibold">
                To
              </th>
              <th scope="col" className="py-1 font-semibold">
                Length
              </th>
            </tr>
          </thead>
          <tbody>
            {tableOf(estimate).map((row) => (
              <tr key={row.key} className="border-b border-current/30 align-top">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {row.part}
                </th>
                <td className="py-1 pr-3 tabular-nums">{row.from}</td>
                <td className="py-1 pr-3 tabular-nums">{row.to}</td>
                <td className="py-1 tabular-nums">{row.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
