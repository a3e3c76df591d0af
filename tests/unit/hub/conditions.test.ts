import { describe, expect, it } from 'vitest';
import { CONDITIONS } from '../../../electron/hub/rules/conditions';
import { mergeObservations } from '../../../electron/hub/rules/derive';
import { deriveStatus, lampStatus } from '../../../electron/hub/rules/status';
import { ThresholdBook } from '../../../electron/hub/rules/threshold-book';
import type { AssetRecord } from '../../../electron/hub/state/records';
import type { MetricValues } from '../../../shared/domain/assets';
import { assetRecord } from '../../support/records';

const defaults = new ThresholdBook();

/** A condition judged with the shipped defaults, at a fixed time. */
const condition = (id: string) => {
  const found = CONDITIONS.find((c) => c.id === id);
  if (!found) throw new Error(`no condition ${id}`);
  const threshold = defaults.get(id)!;
  const context = { threshold, atMs: Date.parse('2026-11-23T10:00:00Z'), gateHours: () => undefined, settingsOf: (c: string) => defaults.get(c), active: new Set<string>() };
  return {
    holds: (metrics: MetricValues, record: AssetRecord, active: boolean) => found.holds(metrics, record, active, context),
    message: (metrics: MetricValues, record: AssetRecord) => found.message(metrics, record, threshold),
  };
};

describe('alarm conditions', () => {
  it.each([
    ['co2.high', 'building', { co2Ppm: 1499 }, false, false],
    ['co2.high', 'building', { co2Ppm: 1620 }, false, true],
    ['co2.high', 'building', { co2Ppm: 1450 }, true, true], // hysteresis: stays active above 1,400
    ['co2.high', 'building', { co2Ppm: 1350 }, true, false],
    ['bin.full', 'waste-container', { fillPercent: 92 }, false, true],
    ['bin.full', 'waste-container', { fillPercent: 85 }, true, true],
    ['bin.full', 'waste-container', { fillPercent: 20 }, true, false],
    ['camera.offline', 'camera', { online: false }, false, true],
    ['camera.offline', 'camera', { online: true }, true, false],
    ['cabinet.fault', 'lighting-cabinet', { faultActive: true }, false, true],
    ['battery.low', 'waste-container', { batteryPercent: 8 }, false, true],
    ['battery.low', 'waste-container', { batteryPercent: 12 }, true, true],
  ] as const)('%s on %s with %j (active: %s) holds: %s', (id, kind, metrics, active, expected) => {
    expect(condition(id).holds(metrics, assetRecord(kind), active)).toBe(expected);
  });

  it('has no opinion while the metric is unknown', () => {
    expect(condition('co2.high').holds({}, assetRecord('building'), false)).toBeUndefined();
  });

  it('compares a cabinet’s power with its own contracted power', () => {
    const cabinet = assetRecord('lighting-cabinet', { settings: { contractedPowerW: 4500 } });
    expect(condition('cabinet.power-overrun').holds({ powerW: 5120 }, cabinet, false)).toBe(true);
    expect(condition('cabinet.power-overrun').holds({ powerW: 4400 }, cabinet, false)).toBe(false);
    expect(condition('cabinet.power-overrun').message({ powerW: 5120 }, cabinet)).toBe(
      'Dépassement de puissance : 5\u202f120 W pour 4\u202f500 W souscrits',
    );
  });

  it.each([
    [{ relayOn: true, powerW: 1_484 }, false, false], // 20 lamps × 70 W plus ballast losses: healthy
    [{ relayOn: true, powerW: 1_113 }, false, true], // one line of four tripped
    [{ relayOn: true, powerW: 1_300 }, true, true], // hysteresis: clears only at 95 % of rated power
    [{ relayOn: false, powerW: 0 }, true, false], // switched off by day: not a fault
  ])('detects a tripped feeder line from %j (active: %s): %s', (metrics, active, expected) => {
    const cabinet = assetRecord('lighting-cabinet', { settings: { lampCount: 20, lampPowerW: 70 } });
    expect(condition('cabinet.feeder-fault').holds(metrics, cabinet, active)).toBe(expected);
  });

  it('writes messages with French number formats', () => {
    expect(condition('co2.high').message({ co2Ppm: 1620 }, assetRecord('building'))).toBe(
      'CO₂ élevé : 1\u202f620 ppm (seuil 1\u202f500 ppm)',
    );
  });
});

describe('derived values and status', () => {
  it('derives a bin’s fill level from the measured distance and its depth', () => {
    const bin = assetRecord('waste-container', { settings: { depthMm: 1800 } });
    expect(mergeObservations(bin, [{ metric: 'distanceMm', value: 450 }]).fillPercent).toBe(75);
    expect(mergeObservations(bin, [{ metric: 'distanceMm', value: 2500 }]).fillPercent).toBe(0);
  });

  it('shows the worst of active conditions and silence', () => {
    const bin = assetRecord('waste-container', { metrics: { fillPercent: 80 } });
    expect(deriveStatus(bin, [])).toBe('ok');
    expect(deriveStatus(bin, ['bin.nearly-full'])).toBe('warning');
    expect(deriveStatus(bin, ['bin.full'])).toBe('alarm');
    expect(deriveStatus(assetRecord('camera'), ['camera.offline'])).toBe('offline');
    const silent = assetRecord('building');
    silent.devices.push({ devEui: '0000000000000001', model: 'm', assetId: silent.asset.id, uplinkPeriodS: 60, silent: true });
    expect(deriveStatus(silent, [])).toBe('stale');
  });
});

describe('street lamps', () => {
  it.each([
    [['cabinet.fault'], 'ok', 'offline'],
    [['cabinet.feeder-fault'], 'alarm', 'warning'],
    [[], 'stale', 'stale'],
    [['cabinet.power-overrun'], 'alarm', 'ok'],
  ] as const)('under a cabinet with %j (status %s) are %s', (conditions, cabinetStatus, expected) => {
    const cabinet = assetRecord('lighting-cabinet');
    cabinet.asset.status = cabinetStatus;
    expect(lampStatus(cabinet, new Set(conditions))).toBe(expected);
  });
});
