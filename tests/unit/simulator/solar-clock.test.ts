import { describe, expect, it } from 'vitest';
import { lightsOn, sunTimes } from '../../../electron/hub/simulator/solar';
import { parisInstant, parisTime, hourOf } from '../../../electron/hub/simulator/clock';

const PARIS = { lon: 2.3522, lat: 48.8566 };
const minutesOf = (utcMs: number | undefined): number => {
  if (utcMs === undefined) throw new Error('no sun event');
  return Math.round(parisTime(utcMs).hour * 60);
};
const hm = (hhmm: string): number => Math.round(hourOf(hhmm) * 60);

describe('sunrise and sunset in Paris', () => {
  // Published ephemerides for Paris, local time, rounded to the minute: the solstices, and the
  // sunsets ephemeride.com gave for the end of October 2023 (as quoted in the regional press).
  it.each([
    ['2025-06-21', 'sunrise', '05:47'],
    ['2025-06-21', 'sunset', '21:58'],
    ['2025-12-21', 'sunrise', '08:42'],
    ['2025-12-21', 'sunset', '16:56'],
    ['2023-10-29', 'sunset', '17:36'],
    ['2023-11-01', 'sunset', '17:30'],
    ['2023-11-03', 'sunset', '17:27'],
  ] as const)('on %s the %s is at %s (±3 min)', (date, event, time) => {
    const times = sunTimes(parisInstant(date, 12), PARIS.lon, PARIS.lat);
    const computed = minutesOf(event === 'sunrise' ? times.sunriseMs : times.sunsetMs);
    expect(Math.abs(computed - hm(time))).toBeLessThanOrEqual(3);
  });

  it('sets later in Brest than in Paris (west), by about 25 minutes', () => {
    const paris = sunTimes(parisInstant('2025-06-21', 12), PARIS.lon, PARIS.lat);
    const brest = sunTimes(parisInstant('2025-06-21', 12), -4.486, 48.39);
    const lagMin = ((brest.sunsetMs ?? 0) - (paris.sunsetMs ?? 0)) / 60_000;
    expect(lagMin).toBeGreaterThan(20);
    expect(lagMin).toBeLessThan(35);
  });

  it('has the lights on at 22:00 and off at noon', () => {
    expect(lightsOn(parisInstant('2026-01-13', 22), PARIS.lon, PARIS.lat)).toBe(true);
    expect(lightsOn(parisInstant('2026-01-13', 12), PARIS.lon, PARIS.lat)).toBe(false);
    expect(lightsOn(parisInstant('2026-01-13', 5), PARIS.lon, PARIS.lat)).toBe(true);
  });
});

describe('Paris local time', () => {
  it.each([
    ['2026-01-13T09:00:00Z', '2026-01-13', 2, 10],
    ['2026-07-01T09:00:00Z', '2026-07-01', 3, 11],
    ['2026-03-29T00:59:00Z', '2026-03-29', 0, 1 + 59 / 60],
    ['2026-03-29T01:00:00Z', '2026-03-29', 0, 3],
    ['2026-10-25T00:59:00Z', '2026-10-25', 0, 2 + 59 / 60],
    ['2026-10-25T01:00:00Z', '2026-10-25', 0, 2],
    ['2026-12-31T23:30:00Z', '2027-01-01', 5, 0.5],
  ])('%s is %s (weekday %i) at %f h', (iso, date, weekday, hour) => {
    const local = parisTime(Date.parse(iso));
    expect(local.date).toBe(date);
    expect(local.weekday).toBe(weekday);
    expect(local.hour).toBeCloseTo(hour, 6);
  });

  it('turns a local time back into the instant, in winter and in summer', () => {
    expect(new Date(parisInstant('2026-01-13', 8.5)).toISOString()).toBe('2026-01-13T07:30:00.000Z');
    expect(new Date(parisInstant('2026-07-01', 8.5)).toISOString()).toBe('2026-07-01T06:30:00.000Z');
  });
});
