import { describe, expect, it } from 'vitest';
import { AlarmBook } from '../../../electron/hub/alarms/alarm-book';
import { disagreement, GATE_POSITION_CONDITION, graceMs, recordDesired, sweepDrift } from '../../../electron/hub/schedules/desired-state';
import { ChangeSet } from '../../../electron/hub/store/change-set';
import { TerritoryState } from '../../../electron/hub/state/territory-state';
import { assetRecord } from '../../support/records';

const since = '2026-11-23T08:00:00.000Z';

describe('desired against reported', () => {
  it.each([
    [{ setpointC: 19 }, { setpointC: 19 }, undefined],
    [{ setpointC: 19 }, { setpointC: 19.2 }, undefined],
    [{ setpointC: 19 }, { setpointC: 17 }, 'Consigne relevée 17 °C, attendue 19 °C.'],
    [{ setpointC: 19.5 }, {}, undefined],
    [{ gateOpen: false }, { gateOpen: true }, 'Portail ouvert, attendu fermé.'],
    [{ dimPercent: 50 }, { dimPercent: 100 }, 'Éclairage relevé à 100 %, attendu à 50 %.'],
    [{ dimPercent: 0 }, { relayOn: true }, 'Éclairage allumé, attendu éteint.'],
    [{ dimPercent: 100 }, { relayOn: true }, undefined],
  ])('%j against %j: %s', (desired, metrics, message) => {
    expect(disagreement({ ...desired, source: 'command', since }, metrics)).toBe(message);
  });

  it('waits two uplink periods and a minute before calling it drift, then raises an alarm for a gate', () => {
    const state = new TerritoryState();
    const gate = assetRecord('gate', { metrics: { gateOpen: true } });
    gate.devices.push({ devEui: 'a84041229e3779b1', model: 'dragino-lt22222-l', assetId: gate.asset.id, uplinkPeriodS: 60, silent: false });
    state.addAsset(gate);
    const alarms = new AlarmBook(state);
    recordDesired(gate, { gateOpen: false, source: 'programme', since }, new ChangeSet());
    expect(graceMs(gate)).toBe(180_000);

    const t0 = Date.parse(since);
    sweepDrift(state, alarms, t0 + 170_000, new ChangeSet());
    expect(gate.asset.drift).toBeUndefined();
    const changes = new ChangeSet();
    sweepDrift(state, alarms, t0 + 181_000, changes);
    expect(gate.asset.drift).toEqual({ since: new Date(t0 + 181_000).toISOString(), message: 'Portail ouvert, attendu fermé.' });
    expect(alarms.isActive(gate.asset.id, GATE_POSITION_CONDITION)).toBe(true);
    expect(changes.drain().events.map((e) => e.body.type)).toEqual(['asset.updated', 'alarm.raised']);

    // The gate closes: drift and alarm clear.
    gate.asset.metrics = { gateOpen: false };
    sweepDrift(state, alarms, t0 + 200_000, new ChangeSet());
    expect(gate.asset.drift).toBeUndefined();
    expect(alarms.isActive(gate.asset.id, GATE_POSITION_CONDITION)).toBe(false);
  });

  it('starts afresh when something new is asked', () => {
    const school = assetRecord('building', { metrics: { setpointC: 17 } });
    school.asset.drift = { since, message: 'Consigne relevée 17 °C, attendue 19 °C.' };
    const changes = new ChangeSet();
    recordDesired(school, { setpointC: 20, source: 'command', since: '2026-11-23T09:00:00.000Z' }, changes);
    expect(school.asset).toMatchObject({ desired: { setpointC: 20, source: 'command' } });
    expect(school.asset.drift).toBeUndefined();
    expect(changes.drain().writes[0]?.sql).toMatch(/INSERT INTO desired_states/);
  });
});
