import { describe, expect, it } from 'vitest';
import { buildPlan } from '../build-plan';
import type { PlanInput } from '../types';
import { estimatePlan } from './estimate';
import type { WindowFit } from './types';

function windowOf(input: PlanInput): WindowFit {
  const result = buildPlan(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return estimatePlan(result.plan).window;
}

const dockerDowntime = (downtimeMinutes: number): PlanInput => ({
  model: 'self-managed',
  install: 'docker',
  components: ['gateway', 'dashboard', 'pump'],
  usesGoPlugins: false,
  database: 'postgres',
  gateway: { from: '5.2.5', to: '5.3.0' },
  pump: { from: '1.8.0' },
  strategy: 'downtime',
  downtimeMinutes,
});

// Self-Managed on Docker (see the hand-checked row of estimate.test.ts): the rehearsal backups and
// their restore test come first (minutes 3 to 40), traffic stops at minute 40, the final backups
// take 8 minutes and traffic reopens at 92; the worst point is minute 89, the rollback 38 minutes
// and reopening 3 more, so a worst case of 89 - 40 + 38 + 3 = 90 minutes in the window.
const dockerSuggestions = [
  {
    id: 'longer-window',
    text: 'Ask for a window of at least 1 h 30 min: the upgrade and a full rollback, rounded up to the quarter hour.',
    minutes: 90,
  },
  {
    id: 'blue-green',
    text: 'Use blue-green instead: upgrade a copy while the live side serves, so users only see the cut-over.',
    minutes: null,
  },
  {
    // The Pump upgrade (5) and its way back (3).
    id: 'companion-window',
    text: 'Upgrade Pump (1.8.0 to 1.9.0) in a window of its own: about 8 min less in this window, its rollback included.',
    minutes: 8,
  },
];

describe('the downtime window', () => {
  it('is too short for the upgrade itself', () => {
    expect(windowOf(dockerDowntime(45))).toEqual({
      kind: 'too-short',
      windowMinutes: 45,
      opensAtMinute: 40,
      plannedMinutes: 52,
      worstCaseMinutes: 90,
      spareMinutes: -45,
      message:
        'The upgrade alone is estimated at 52 min, longer than the 45-minute window; with a full rollback from the worst point it needs 1 h 30 min.',
      suggestions: dockerSuggestions,
    });
  });

  it('holds the upgrade but not a rollback', () => {
    expect(windowOf(dockerDowntime(60))).toEqual({
      kind: 'too-short',
      windowMinutes: 60,
      opensAtMinute: 40,
      plannedMinutes: 52,
      worstCaseMinutes: 90,
      spareMinutes: -30,
      message:
        'The 60-minute window holds the upgrade (about 52 min) but not a full rollback from the worst point: that needs 1 h 30 min in all, 30 min more than the window.',
      suggestions: dockerSuggestions,
    });
  });

  it('holds the upgrade and a rollback, with time to spare', () => {
    expect(windowOf(dockerDowntime(90))).toMatchObject({ kind: 'fits', spareMinutes: 0 });
    expect(windowOf(dockerDowntime(180))).toEqual({
      kind: 'fits',
      windowMinutes: 180,
      opensAtMinute: 40,
      plannedMinutes: 52,
      worstCaseMinutes: 90,
      spareMinutes: 90,
      message:
        'The 180-minute window holds the upgrade (about 52 min) and a full rollback from the worst point (1 h 30 min in all), with 1 h 30 min to spare.',
      suggestions: [],
    });
  });

  it('suggests fewer changes in one window: MDCB, the later data planes, the Go plugins', () => {
    const fit = windowOf({
      model: 'self-managed-mdcb',
      install: 'deb',
      components: ['gateway', 'dashboard', 'mdcb', 'pump'],
      usesGoPlugins: true,
      dataPlanes: [{ name: 'eu-west' }, { name: 'us-east' }],
      gateway: { from: '5.8.0', to: '5.14.0' },
      mdcb: { from: '2.6.0', to: '2.12.0' },
      pump: { from: '1.16.0', to: '1.16.0' },
      strategy: 'downtime',
      downtimeMinutes: 90,
    });
    // Traffic stops at 54, after the rehearsal backups (each site's Redis among them), and
    // reopens at 190; worst point 182, rollback 74 (each site's Redis restored), reopening 3.
    expect(fit).toMatchObject({
      kind: 'too-short',
      opensAtMinute: 54,
      plannedMinutes: 136,
      worstCaseMinutes: 205,
      message:
        'The upgrade alone is estimated at 2 h 16 min, longer than the 90-minute window; with a full rollback from the worst point it needs 3 h 25 min.',
    });
    expect(fit.kind === 'no-window' ? [] : fit.suggestions.slice(2)).toEqual([
      {
        // MDCB 2 + 5, back 1 + 4.
        id: 'companion-window',
        text: 'Upgrade MDCB (2.6.0 to 2.12.0) in a window of its own before this one: about 12 min less in this window, its rollback included.',
        minutes: 12,
      },
      {
        // The plugin check 5 and the Gateway 7 on us-east, and the Gateway's way back 5: the one
        // bundle switch is on the control plane (issue 9). Pump stays on 1.16.0, so it is not
        // suggested.
        id: 'data-plane-windows',
        text: 'Upgrade data plane us-east in a window of its own after this one: about 17 min less in this window, rollback included.',
        minutes: 17,
      },
      {
        id: 'go-plugins-ahead',
        text: 'Build, bundle and upload the Go plugins before the window: nothing running changes until the APIs switch bundles. About 36 min less in the window.',
        minutes: 36,
      },
    ]);
  });

  it('does not apply to rolling and blue-green upgrades', () => {
    expect(windowOf({ ...dockerDowntime(60), strategy: 'rolling' })).toEqual({ kind: 'no-window' });
    expect(windowOf({ ...dockerDowntime(60), strategy: 'blue-green' })).toEqual({
      kind: 'no-window',
    });
  });
});
