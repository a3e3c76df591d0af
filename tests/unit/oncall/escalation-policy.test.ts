import { describe, expect, it } from 'vitest';
import type { Alarm, AlarmPriority, AlarmState } from '../../../shared/domain/alarms';
import { DEFAULT_ESCALATION_POLICY, dueLevel, parseEscalationDelays, type EscalationProgress } from '../../../electron/hub/oncall/escalation-policy';

const RAISED = Date.parse('2026-11-23T02:00:00Z');
const MIN = 60_000;
const alarm = (priority: AlarmPriority, state: AlarmState = 'unacknowledged'): Alarm => ({
  id: 'al-1',
  assetId: 'cam-1',
  commune: '91377',
  condition: 'camera.offline',
  priority,
  state,
  message: 'Caméra hors ligne',
  raisedAt: new Date(RAISED).toISOString(),
  lastAt: new Date(RAISED).toISOString(),
  count: 1,
});
const at = (minutes: number) => RAISED + minutes * MIN;

describe('when escalation is due (injected clock)', () => {
  it.each([
    ['critical', 4.99, undefined],
    ['critical', 5, 1],
    ['high', 14, undefined],
    ['high', 15, 1],
    ['medium', 59, undefined],
    ['medium', 60, 1],
    ['low', 24 * 60, undefined],
  ] as const)('%s alarm unacknowledged for %s min → level %s', (priority, minutes, level) => {
    expect(dueLevel(alarm(priority), undefined, DEFAULT_ESCALATION_POLICY, at(minutes))).toBe(level);
  });

  it('calls level 2 a further delay after level 1 was told, not after the alarm was raised', () => {
    const toldLate: EscalationProgress = { level: 1, atMs: at(30) };
    expect(dueLevel(alarm('critical'), toldLate, DEFAULT_ESCALATION_POLICY, at(44))).toBeUndefined();
    expect(dueLevel(alarm('critical'), toldLate, DEFAULT_ESCALATION_POLICY, at(45))).toBe(2);
  });

  it('stops after level 2', () => {
    expect(dueLevel(alarm('critical'), { level: 2, atMs: at(20) }, DEFAULT_ESCALATION_POLICY, at(600))).toBeUndefined();
  });

  it.each(['acknowledged', 'cleared-unacknowledged', 'cleared', 'shelved'] as const)('never escalates an alarm %s', (state) => {
    expect(dueLevel(alarm('critical', state), undefined, DEFAULT_ESCALATION_POLICY, at(600))).toBeUndefined();
    expect(dueLevel(alarm('critical', state), { level: 1, atMs: at(5) }, DEFAULT_ESCALATION_POLICY, at(600))).toBeUndefined();
  });
});

describe('BEFFROI_ESCALATION_DELAYS_MIN', () => {
  it('overrides the priorities it names and keeps the others', () => {
    expect(parseEscalationDelays('critical=2, low=120')).toEqual({ critical: 2, high: 15, medium: 60, low: 120 });
    expect(parseEscalationDelays('medium=off')).toEqual({ critical: 5, high: 15, medium: null, low: null });
    expect(parseEscalationDelays(undefined)).toEqual(DEFAULT_ESCALATION_POLICY.delaysMin);
  });

  it.each(['urgent=5', 'critical', 'critical=-1', 'high=bientôt'])('refuses « %s » with a message that says what is expected', (text) => {
    expect(() => parseEscalationDelays(text)).toThrow(/attendu/);
  });
});
