import { beforeEach, describe, expect, it } from 'vitest';
import { AlarmBook } from '../../../electron/hub/alarms/alarm-book';
import { sweepAlarmTimers } from '../../../electron/hub/alarms/alarm-sweep';
import { MaintenanceBook } from '../../../electron/hub/alarms/maintenance-book';
import { sweepSilences } from '../../../electron/hub/ingest/silence';
import { evaluateAsset } from '../../../electron/hub/rules/evaluate';
import { ChangeSet } from '../../../electron/hub/store/change-set';
import { TerritoryState } from '../../../electron/hub/state/territory-state';
import { assetRecord } from '../../support/records';

const T0 = Date.parse('2026-11-23T08:00:00.000Z');
const at = (minutes: number) => T0 + minutes * 60_000;
const iso = (minutes: number) => new Date(at(minutes)).toISOString();

describe('maintenance windows', () => {
  let state: TerritoryState;
  let maintenance: MaintenanceBook;
  let alarms: AlarmBook;
  const school = assetRecord('building', { id: 'bld-1', commune: '91228' });
  const cabinet = assetRecord('lighting-cabinet', { id: 'cab-1', commune: '91228' });
  const lamp = assetRecord('street-lamp', { id: 'lamp-1', commune: '91228' });
  const elsewhere = assetRecord('building', { id: 'bld-2', commune: '91001' });

  beforeEach(() => {
    state = new TerritoryState();
    for (const record of [school, cabinet, lamp, elsewhere]) {
      record.asset.status = 'ok';
      record.asset.metrics = {};
      record.devices = [];
    }
    lamp.asset.parentId = cabinet.asset.id;
    for (const record of [school, cabinet, lamp, elsewhere]) state.addAsset(record);
    maintenance = new MaintenanceBook();
    alarms = new AlarmBook(state, { suppressor: maintenance });
  });

  const plan = (target: { assetId: string } | { commune: string }, fromMin: number, toMin: number, changes = new ChangeSet()) =>
    maintenance.create(target, '91228', iso(fromMin), iso(toMin), 'Remplacement des capteurs', 'operateur', iso(0), changes);
  const sweep = (minutes: number, changes = new ChangeSet()) => (sweepAlarmTimers(state, alarms, maintenance, at(minutes), changes), changes);
  const uplink = (record: typeof school, co2Ppm: number, minutes: number, changes = new ChangeSet()) => {
    record.asset.metrics = { co2Ppm };
    evaluateAsset(record, state, alarms, iso(minutes), changes);
    return changes;
  };
  const events = (changes: ChangeSet) => changes.drain().events.map((e) => e.body);

  it('journals the window and starts it only when its time comes', () => {
    const changes = new ChangeSet();
    const window = plan({ assetId: school.asset.id }, 10, 70, changes);
    expect(events(changes)).toEqual([{ type: 'maintenance.updated', window }]);
    sweep(5);
    expect(school.asset.status).toBe('ok');
    sweep(10);
    expect(school.asset.status).toBe('maintenance');
    expect(elsewhere.asset.status).toBe('ok');
  });

  it('raises no alarm while active but journals it as suppressed, once per condition', () => {
    const window = plan({ assetId: school.asset.id }, 0, 60);
    sweep(0);
    expect(events(uplink(school, 1800, 5))).toEqual([
      { type: 'alarm.suppressed', assetId: school.asset.id, commune: '91228', condition: 'co2.high', priority: 'medium', message: expect.stringContaining('CO₂ élevé'), windowId: window.id },
    ]);
    expect(events(uplink(school, 1900, 6))).toEqual([]);
    expect(state.alarms.size).toBe(0);
    expect(school.asset.status).toBe('maintenance');
  });

  it('evaluates the current values again at the end: what still holds raises normally', () => {
    plan({ assetId: school.asset.id }, 0, 60);
    sweep(0);
    uplink(school, 1800, 5);
    const end = events(sweep(60));
    expect(end).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'alarm.raised', alarm: expect.objectContaining({ condition: 'co2.high' }) })]));
    expect(school.asset.status).toBe('alarm');
  });

  it('raises nothing at the end when the condition went away meanwhile', () => {
    plan({ assetId: school.asset.id }, 0, 60);
    sweep(0);
    uplink(school, 1800, 5);
    uplink(school, 600, 30);
    sweep(60);
    expect(state.alarms.size).toBe(0);
    expect(school.asset.status).toBe('ok');
  });

  it('covers every asset of a commune, street lamps included, and no other commune', () => {
    plan({ commune: '91228' }, 0, 60);
    sweep(0);
    expect([school, cabinet, lamp].map((r) => r.asset.status)).toEqual(['maintenance', 'maintenance', 'maintenance']);
    expect(elsewhere.asset.status).toBe('ok');
    uplink(elsewhere, 1800, 1);
    expect(state.alarms.size).toBe(1);
    sweep(60);
    expect([school, cabinet, lamp].map((r) => r.asset.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('ends at once when deleted', () => {
    const window = plan({ assetId: school.asset.id }, 0, 60);
    sweep(0);
    uplink(school, 1800, 5);
    const changes = new ChangeSet();
    maintenance.delete(window, 'admin', iso(10), changes);
    sweepAlarmTimers(state, alarms, maintenance, at(10), changes);
    expect(events(changes)).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'maintenance.updated', window: expect.objectContaining({ deletedBy: 'admin' }) })]));
    expect(state.alarms.size).toBe(1);
    expect(maintenance.windows.size).toBe(0);
  });

  it('raises « pas de données » at the end for a device that went silent during the window', () => {
    school.devices.push({ devEui: '0000000000000001', model: 'milesight-am307', assetId: school.asset.id, uplinkPeriodS: 60, lastUplinkAt: at(0), silent: false });
    state.addDevice(school.devices.pop()!);
    plan({ assetId: school.asset.id }, 0, 60);
    sweep(0);
    sweepSilences(state, alarms, at(30), at(0), new ChangeSet());
    expect(state.alarms.size).toBe(0);
    sweep(60);
    expect([...state.alarms.values()].map((a) => a.condition)).toEqual(['device.silent']);
    expect(school.asset.status).toBe('stale');
  });

  it('counts a device declared while the hub runs as silent from its declaration, not from the hub’s start', () => {
    const device = { devEui: '0000000000000002', model: 'milesight-am307', assetId: school.asset.id, uplinkPeriodS: 60, declaredAt: at(120), silent: false };
    state.addDevice(device);
    sweepSilences(state, alarms, at(121), at(0), new ChangeSet());
    expect(device.silent).toBe(false);
    expect(state.alarms.size).toBe(0);
    sweepSilences(state, alarms, at(124), at(0), new ChangeSet());
    expect(device.silent).toBe(true);
    expect([...state.alarms.values()].map((a) => a.condition)).toEqual(['device.silent']);
  });
});
