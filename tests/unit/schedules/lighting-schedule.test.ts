import { describe, expect, it } from 'vitest';
import { parisInstant, parisTime } from '../../../shared/calendar/paris-time';
import { sunTimesOn } from '../../../shared/calendar/sun';
import { LightingSchedule } from '../../../shared/domain/schedules';
import { nightOf, resolveLighting } from '../../../shared/schedules/lighting-schedule';

const EVRY = { lon: 2.44, lat: 48.63 };
const BREST = { lon: -4.486, lat: 48.39 };
const at = (date: string, hhmm: string) => parisInstant(date, Number(hhmm.slice(0, 2)) + Number(hhmm.slice(3)) / 60);
const wall = (ms: number | undefined) => (ms === undefined ? undefined : `${parisTime(ms).date} ${String(Math.floor(parisTime(ms).hour)).padStart(2, '0')}:${String(Math.round((parisTime(ms).hour % 1) * 60)).padStart(2, '0')}`);

/** 100 % at dusk, 50 % from 23:00, 30 % from 01:00, on 10 min after sunset, off 10 min before sunrise. */
const commune = LightingSchedule.parse({
  switchOnAfterSunsetMin: 10,
  switchOffAfterSunriseMin: -10,
  duskPercent: 100,
  dimming: [{ from: '23:00', percent: 50 }, { from: '01:00', percent: 30 }],
  exceptions: [],
});
const withCutOff = LightingSchedule.parse({ ...commune, cutOff: { from: '01:00', to: '05:00' } });

describe('lighting schedule', () => {
  it('switches on 10 min after sunset and off 10 min before sunrise, at the cabinet’s place', () => {
    const night = nightOf(commune, '2026-11-23', EVRY.lon, EVRY.lat);
    expect(night.onMs - sunTimesOn('2026-11-23', EVRY.lon, EVRY.lat).sunsetMs!).toBe(10 * 60_000);
    expect(sunTimesOn('2026-11-24', EVRY.lon, EVRY.lat).sunriseMs! - night.offMs).toBe(10 * 60_000);
    // Brest is 7° further west: its lamps come on about half an hour later by the clock.
    const brest = nightOf(commune, '2026-11-23', BREST.lon, BREST.lat);
    expect((brest.onMs - night.onMs) / 60_000).toBeGreaterThan(20);
  });

  const sun = (date: string) => sunTimesOn(date, EVRY.lon, EVRY.lat);
  it.each([
    ['noon', '2026-11-23', '12:00', 0, 'day', () => sun('2026-11-23').sunsetMs! + 10 * 60_000],
    ['early evening', '2026-11-23', '20:00', 100, 'dusk', () => at('2026-11-23', '23:00')],
    ['after 23:00', '2026-11-24', '00:30', 50, 'dimming', () => at('2026-11-24', '01:00')],
    ['after 01:00', '2026-11-24', '03:00', 30, 'dimming', () => sun('2026-11-24').sunriseMs! - 10 * 60_000],
  ] as const)('%s on %s at %s: %i %% (%s)', (_what, date, time, percent, reason, next) => {
    const state = resolveLighting(commune, at(date, time), EVRY.lon, EVRY.lat);
    expect(state).toMatchObject({ percent, reason });
    expect(wall(state.next?.atMs)).toBe(wall(next()));
    expect(state.next?.atMs).toBe(next());
  });

  it('cuts the lamps off in the night window and brings them back at the level due then', () => {
    expect(resolveLighting(withCutOff, at('2026-11-24', '00:30'), EVRY.lon, EVRY.lat)).toMatchObject({ percent: 50, next: { atMs: at('2026-11-24', '01:00'), percent: 0 } });
    expect(resolveLighting(withCutOff, at('2026-11-24', '02:00'), EVRY.lon, EVRY.lat)).toMatchObject({ percent: 0, reason: 'cut-off', next: { atMs: at('2026-11-24', '05:00'), percent: 30 } });
    expect(resolveLighting(withCutOff, at('2026-11-24', '06:00'), EVRY.lon, EVRY.lat)).toMatchObject({ percent: 30, reason: 'dimming' });
  });

  it('does not light a summer night whose cut-off outlasts it', () => {
    // 21 June: the sun rises at about 05:47, the cut-off ends at 05:00, lamps stay off until day.
    const summer = LightingSchedule.parse({ ...withCutOff, cutOff: { from: '00:00', to: '06:00' } });
    const state = resolveLighting(summer, at('2026-06-22', '03:00'), EVRY.lon, EVRY.lat);
    expect(state).toMatchObject({ percent: 0, reason: 'cut-off' });
    expect(parisTime(state.next!.atMs)).toMatchObject({ date: '2026-06-22' });
    expect(parisTime(state.next!.atMs).hour).toBeGreaterThan(21); // next: the following dusk
  });

  it('takes a dimming step due before switch-on as the level the lamps come on at', () => {
    const june = LightingSchedule.parse({ ...commune, dimming: [{ from: '21:00', percent: 70 }] });
    expect(resolveLighting(june, at('2026-06-21', '22:30'), EVRY.lon, EVRY.lat)).toMatchObject({ percent: 70, reason: 'dimming' });
  });

  it.each([
    ['all-night', '2026-06-21', 'Fête de la musique', '2026-06-22', '02:00', 100],
    ['off', '2026-12-31', 'Panne programmée', '2026-12-31', '22:00', 0],
    ['no-cut-off', '2026-07-14', 'Fête nationale', '2026-07-15', '02:00', 30],
  ] as const)('applies a dated %s exception to the night it starts', (mode, date, label, day, time, percent) => {
    const schedule = LightingSchedule.parse({ ...withCutOff, exceptions: [{ date, mode, label }] });
    expect(resolveLighting(schedule, at(day, time), EVRY.lon, EVRY.lat)).toMatchObject({ percent, exception: label });
    // The next night is back to the schedule.
    const nextNight = resolveLighting(schedule, at(day, time) + 24 * 3_600_000, EVRY.lon, EVRY.lat);
    expect(nextNight.exception).toBeUndefined();
  });
});
