import { beforeEach, describe, expect, it } from 'vitest';
import { AlarmBook } from '../../../electron/hub/alarms/alarm-book';
import { MaintenanceBook } from '../../../electron/hub/alarms/maintenance-book';
import { sweepAlarmTimers } from '../../../electron/hub/alarms/alarm-sweep';
import { CONDITIONS } from '../../../electron/hub/rules/conditions';
import { evaluateAsset } from '../../../electron/hub/rules/evaluate';
import { ThresholdBook } from '../../../electron/hub/rules/threshold-book';
import { ChangeSet } from '../../../electron/hub/store/change-set';
import { TerritoryState } from '../../../electron/hub/state/territory-state';
import type { GateHours } from '../../../shared/domain/schedules';
import { THRESHOLD_DEFINITIONS, effectiveThreshold, thresholdProblem } from '../../../shared/domain/thresholds';
import { assetRecord } from '../../support/records';

/** The injected clock: seconds after 08:00 UTC (09:00 in Paris) on a Monday of November. */
const T0 = Date.parse('2026-11-23T08:00:00.000Z');
const iso = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

describe('thresholds with a delay and hysteresis', () => {
  let state: TerritoryState;
  let thresholds: ThresholdBook;
  let alarms: AlarmBook;
  let maintenance: MaintenanceBook;
  const school = assetRecord('building', { id: 'bld-1' });

  beforeEach(() => {
    state = new TerritoryState();
    school.asset.metrics = {};
    school.asset.status = 'ok';
    state.addAsset(school);
    thresholds = new ThresholdBook();
    maintenance = new MaintenanceBook();
    alarms = new AlarmBook(state, { thresholds, suppressor: maintenance });
  });

  const uplink = (seconds: number, co2Ppm: number) => {
    school.asset.metrics = { co2Ppm };
    evaluateAsset(school, state, alarms, iso(seconds), new ChangeSet());
  };
  const sweep = (seconds: number) => sweepAlarmTimers(state, alarms, maintenance, T0 + seconds * 1000, new ChangeSet());
  const setCo2 = (override: Parameters<ThresholdBook['set']>[1]) => thresholds.set('co2.high', override, 'admin', iso(0), new ChangeSet());

  it.each([
    ['no delay: the first reading past the threshold raises', 0, [[0, 1600]], undefined, true],
    ['delay not run out yet', 120, [[0, 1600], [60, 1600]], undefined, false],
    ['an uplink after the delay raises', 120, [[0, 1600], [130, 1600]], undefined, true],
    ['the sweep raises once the delay ran out', 120, [[0, 1600]], 125, true],
    ['a sweep before the delay does nothing', 120, [[0, 1600]], 60, false],
    ['a dip between clear and raise keeps the pending raise (hysteresis)', 120, [[0, 1600], [60, 1450]], 125, true],
    ['a reading below the clear value cancels it', 120, [[0, 1600], [60, 1350]], 125, false],
    ['after a cancel the delay starts over', 120, [[0, 1600], [60, 1350], [100, 1600]], 125, false],
    ['…and raises a full delay after it held again', 120, [[0, 1600], [60, 1350], [100, 1600]], 225, true],
  ] as const)('%s (delay %i s)', (_what, delaySeconds, readings, sweepAt, raised) => {
    setCo2({ delaySeconds });
    for (const [seconds, ppm] of readings) uplink(seconds, ppm);
    if (sweepAt !== undefined) sweep(sweepAt);
    expect(alarms.isActive(school.asset.id, 'co2.high')).toBe(raised);
  });

  it('dates the alarm when the delay ran out, not when the condition started', () => {
    setCo2({ delaySeconds: 120 });
    uplink(0, 1600);
    sweep(125);
    expect(alarms.activeAlarm(school.asset.id, 'co2.high')?.raisedAt).toBe(iso(125));
  });

  it.each([
    // raise 1,200 and clear 1,000 set by an admin
    [[1100], false],
    [[1200], true],
    [[1250, 1100], true], // stays active above the clear value
    [[1250, 1000], true], // at the clear value still holds
    [[1250, 990], false],
  ] as const)('with raise 1 200 / clear 1 000, readings %j leave the alarm active: %s', (readings, active) => {
    setCo2({ raise: 1200, clear: 1000 });
    readings.forEach((ppm, i) => uplink(i * 60, ppm));
    expect(alarms.isActive(school.asset.id, 'co2.high')).toBe(active);
  });

  it('applies a change at once: a reading that did not raise before does now, with the new priority and threshold', () => {
    uplink(0, 1300);
    expect(alarms.isActive(school.asset.id, 'co2.high')).toBe(false);
    setCo2({ raise: 1200, clear: 1100, priority: 'high' });
    uplink(60, 1300);
    const alarm = alarms.activeAlarm(school.asset.id, 'co2.high');
    expect(alarm?.priority).toBe('high');
    expect(alarm?.message).toBe('CO₂ élevé : 1\u202f300 ppm (seuil 1\u202f200 ppm)');
  });

  it.each([
    // fill readings in order → active conditions after the last
    [[80], ['bin.nearly-full']],
    [[80, 93], ['bin.full']], // the full alarm takes over; the nearly-full one clears
    [[95], ['bin.full']], // straight to full: one alarm, not two
    [[95, 85], ['bin.full']], // within bin.full's hysteresis: still full only
    [[95, 78], ['bin.nearly-full']],
    [[95, 10], []],
  ] as const)('a bin filled to %j has %j active', (fills, expected) => {
    const bin = assetRecord('waste-container', { id: 'bin-1' });
    state.addAsset(bin);
    fills.forEach((fillPercent, i) => {
      bin.asset.metrics = { fillPercent };
      evaluateAsset(bin, state, alarms, iso(i * 60), new ChangeSet());
    });
    expect([...alarms.activeConditions('bin-1')].sort()).toEqual(expected);
    if (expected[0] === 'bin.nearly-full') {
      expect(alarms.activeAlarm('bin-1', 'bin.nearly-full')?.priority).toBe('low');
      expect(bin.asset.status).toBe('warning');
    }
  });
});

describe('the shared thresholds table', () => {
  it.each(CONDITIONS.map((c) => [c.id, c] as const))('describes %s as the rules apply it (kinds, status)', (id, condition) => {
    const definition = THRESHOLD_DEFINITIONS.get(id)!;
    expect(definition.kinds).toEqual(condition.kinds);
    expect(definition.status).toBe(condition.status);
  });
});

describe('threshold validation', () => {
  const check = (condition: string, settings: { raise?: number; clear?: number; delaySeconds?: number }) => {
    const definition = THRESHOLD_DEFINITIONS.get(condition)!;
    return thresholdProblem(definition, { ...effectiveThreshold(definition, undefined), ...settings });
  };

  it.each([
    ['co2.high', { raise: 1500, clear: 1400 }, undefined],
    ['co2.high', { raise: 1500, clear: 1500 }, undefined],
    ['co2.high', { raise: 1500, clear: 1600 }, 'La valeur de retour (1\u202f600 ppm) doit être inférieure ou égale au seuil (1\u202f500 ppm).'],
    ['battery.low', { raise: 20, clear: 15 }, 'La valeur de retour (15 %) doit être supérieure ou égale au seuil (20 %).'],
    ['bin.full', { raise: 120 }, 'Le seuil doit être entre 0 et 100 %.'],
    ['co2.high', { clear: 19.5 }, 'La valeur de retour doit être entre 400 et 10\u202f000 ppm.'],
    ['gate.position', { delaySeconds: 30 }, 'Cette condition n’a pas de délai réglable.'],
  ] as const)('%s with %j: %s', (condition, settings, problem) => {
    expect(check(condition, settings)).toBe(problem);
  });
});

describe('intrusion on a cemetery gate', () => {
  // 10:00 and 22:00 in Paris (UTC+1 in November).
  const IN_HOURS = '2026-11-23T09:00:00.000Z';
  const OUT_OF_HOURS = '2026-11-23T21:00:00.000Z';
  const NOON_TO_FIVE: GateHours = { seasons: [{ from: '01-01', label: 'Hiver', open: '12:00', close: '17:00' }], exceptions: [] };

  const judge = (metrics: { gateOpen: boolean }, at: string, options: { commandedOpen?: boolean; hours?: GateHours } = {}) => {
    const state = new TerritoryState();
    const gate = assetRecord('gate', { id: 'gate-1', settings: { openAt: '08:00', closeAt: '18:00' }, metrics });
    if (options.commandedOpen) gate.asset.desired = { gateOpen: true, source: 'command', since: at };
    state.addAsset(gate);
    const thresholds = new ThresholdBook();
    thresholds.gateHours = () => options.hours;
    const alarms = new AlarmBook(state, { thresholds });
    evaluateAsset(gate, state, alarms, at, new ChangeSet());
    return alarms.activeAlarm('gate-1', 'intrusion');
  };

  it.each([
    ['open within its opening hours', { gateOpen: true }, IN_HOURS, {}, false],
    ['open outside its opening hours', { gateOpen: true }, OUT_OF_HOURS, {}, true],
    ['commanded open outside its opening hours', { gateOpen: true }, OUT_OF_HOURS, { commandedOpen: true }, false],
    ['closed outside its opening hours', { gateOpen: false }, OUT_OF_HOURS, {}, false],
    ['open at 10:00 when its programme opens it at noon', { gateOpen: true }, IN_HOURS, { hours: NOON_TO_FIVE }, true],
  ] as const)('%s: intrusion %s', (_what, metrics, at, options: { commandedOpen?: boolean; hours?: GateHours }, intrusion) => {
    const alarm = judge(metrics, at, options);
    expect(alarm !== undefined).toBe(intrusion);
    if (alarm) expect(alarm.priority).toBe('critical');
  });
});
