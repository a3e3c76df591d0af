import { describe, expect, it } from 'vitest';
import { parisInstant } from '../../../shared/calendar/paris-time';
import { programmeOutlook } from '../../../electron/hub/schedules/programme-targets';
import { describeOutlook } from '../../../electron/hub/schedules/programmes';
import { assetRecord } from '../../support/records';

const schedule = { switchOnAfterSunsetMin: 10, switchOffAfterSunriseMin: -10, duskPercent: 100, dimming: [{ from: '23:00', percent: 50 }], exceptions: [] };

describe('programme outlook', () => {
  it('asks a dimmable cabinet for the level, and a switch-only one for on or off', () => {
    const at = parisInstant('2026-11-23', 23.5);
    const dimmable = assetRecord('lighting-cabinet');
    dimmable.asset.accepts = [{ type: 'lighting.dim', dimmable: true }];
    expect(programmeOutlook(dimmable, { lighting: schedule }, at, []).targets).toEqual([{ type: 'lighting.dim', percent: 50 }]);
    const switchOnly = assetRecord('lighting-cabinet');
    switchOnly.asset.accepts = [{ type: 'lighting.dim', dimmable: false }];
    expect(programmeOutlook(switchOnly, { lighting: schedule }, at, []).targets).toEqual([{ type: 'lighting.dim', percent: 100 }]);
  });

  it('keeps an override without a weekly programme until it ends', () => {
    const school = assetRecord('building');
    const now = parisInstant('2026-11-23', 10);
    const outlook = programmeOutlook(school, { override: { celsius: 21, untilMs: now + 3_600_000 } }, now, []);
    expect(outlook).toMatchObject({ targets: [{ type: 'heating.setpoint', celsius: 21 }], nextChangeMs: now + 3_600_000 });
    expect(programmeOutlook(school, { override: { celsius: 21, untilMs: now - 1 } }, now, []).targets).toEqual([]);
  });

  it('says in French what a lighting schedule does now and next', () => {
    const cabinet = assetRecord('lighting-cabinet');
    cabinet.asset.accepts = [{ type: 'lighting.dim', dimmable: true }];
    const outlook = programmeOutlook(cabinet, { lighting: schedule }, parisInstant('2026-11-23', 22), []);
    expect(describeOutlook({ type: 'lighting.schedule', schedule }, outlook)).toBe('Programme enregistré. Maintenant : allumé à 100 %. Ensuite : 50 % lundi 23 novembre à 23 h 00.');
    expect(describeOutlook({ type: 'lighting.schedule', schedule: null }, undefined)).toBe('Programme retiré : l’équipement garde son dernier réglage.');
  });
});
