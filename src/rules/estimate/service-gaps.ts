// What is out of service when, per strategy: the outage of a downtime window, the upgraded side
// and the cut-over of blue-green, or each instance replaced in turn by a rolling upgrade.
import { componentLabel } from '../catalog/components';
import type { Plan } from '../types';
import { sumParts, type Scale } from './scale';
import { endOf, isComponent, type TimedStep } from './timed-steps';
import type { ServiceGap } from './types';

function siteText(entry: TimedStep): string {
  if (entry.phase.kind === 'data-plane' && entry.phase.id.startsWith('data-plane-')) {
    return ` on data plane ${entry.phase.id.slice('data-plane-'.length)}`;
  }
  return entry.step.plane === 'control' ? ' on the control plane' : '';
}

export function serviceGaps(
  plan: Plan,
  timed: readonly TimedStep[],
  scale: Scale,
): readonly ServiceGap[] {
  const change = timed.filter((entry) => entry.timing === 'change');
  const total = change.reduce((sum, entry) => sum + entry.minutes, 0);
  const find = (id: string) => change.find((entry) => entry.step.id === id);
  switch (plan.input.strategy) {
    case 'downtime': {
      const open = find('open-maintenance-window');
      const close = find('close-maintenance-window');
      const firstUpgrade = change.find((entry) => entry.step.kind === 'upgrade');
      const start = open?.startMinute ?? firstUpgrade?.startMinute ?? 0;
      const end = close === undefined ? total : endOf(close);
      return [
        {
          id: 'outage',
          row: 'outage',
          label: 'Every API unavailable',
          startMinute: start,
          minutes: end - start,
        },
      ];
    }
    case 'blue-green': {
      const switchStep = find('blue-green-switch-traffic');
      if (switchStep === undefined) return [];
      const built = find('blue-green-build-idle')?.startMinute ?? 0;
      const switchStart = switchStep.startMinute ?? 0;
      return [
        {
          id: 'upgraded-side',
          row: 'upgraded-side',
          label: 'Upgraded side: not live until the switch',
          startMinute: built,
          minutes: switchStart - built,
        },
        {
          id: 'cut-over',
          row: 'cut-over',
          label:
            'Cut-over: traffic moves to the upgraded side; the old side stays ready to switch back',
          startMinute: switchStart,
          minutes: switchStep.minutes,
        },
      ];
    }
    case 'rolling':
      return change.flatMap((entry): readonly ServiceGap[] => {
        const component = entry.step.component;
        if (entry.source !== 'upgrade' || !isComponent(component)) return [];
        const onceParts = entry.parts.filter((part) => part.per !== 'instance');
        const eachParts = entry.parts.filter((part) => part.per === 'instance');
        const first = (entry.startMinute ?? 0) + sumParts(onceParts, 1, scale);
        const each = sumParts(eachParts, 1, scale);
        return Array.from({ length: entry.instances }, (_, index) => ({
          id: `${entry.step.id}-instance-${index + 1}`,
          row: 'instances' as const,
          label: `${componentLabel(component)} instance ${index + 1} of ${entry.instances}${siteText(entry)}`,
          startMinute: first + index * each,
          minutes: each,
        }));
      });
  }
}
