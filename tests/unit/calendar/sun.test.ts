import { describe, expect, it } from 'vitest';
import { hourOf, parisTime } from '../../../shared/calendar/paris-time';
import { sunTimesOn } from '../../../shared/calendar/sun';

const minutesOf = (utcMs: number | undefined): number => {
  if (utcMs === undefined) throw new Error('no sun event');
  return Math.round(parisTime(utcMs).hour * 60);
};

/**
 * Published ephemerides, local time to the minute: Paris at the 2025 solstices and late October
 * 2023 (ephemeride.com as quoted by the regional press); two Breton communes in June 2018, as
 * Paysan Breton printed them (« Le jour le plus long »: 22 h 24 at Landunvez, 22 h 10 at
 * La Roche-Bernard).
 */
describe('sunrise and sunset against published ephemerides', () => {
  it.each([
    ['Paris', 2.3522, 48.8566, '2025-06-21', 'sunrise', '05:47'],
    ['Paris', 2.3522, 48.8566, '2025-06-21', 'sunset', '21:58'],
    ['Paris', 2.3522, 48.8566, '2025-12-21', 'sunrise', '08:42'],
    ['Paris', 2.3522, 48.8566, '2025-12-21', 'sunset', '16:56'],
    ['Paris', 2.3522, 48.8566, '2023-10-29', 'sunset', '17:36'],
    ['Paris', 2.3522, 48.8566, '2023-11-03', 'sunset', '17:27'],
    ['Landunvez', -4.7466, 48.5333, '2018-06-21', 'sunset', '22:24'],
    ['La Roche-Bernard', -2.3, 47.518, '2018-06-21', 'sunset', '22:10'],
  ] as const)('%s (%s, %s) on %s: %s at %s (±2 min)', (_name, lon, lat, date, event, time) => {
    const times = sunTimesOn(date, lon, lat);
    const computed = minutesOf(event === 'sunrise' ? times.sunriseMs : times.sunsetMs);
    expect(Math.abs(computed - Math.round(hourOf(time) * 60))).toBeLessThanOrEqual(2);
  });

  it('gives the sunrise and sunset of the asked local day, across the October clock change', () => {
    for (const date of ['2026-10-24', '2026-10-25', '2026-10-26']) {
      const { sunriseMs, sunsetMs } = sunTimesOn(date, 2.44, 48.63); // Évry-Courcouronnes
      expect(parisTime(sunriseMs!).date).toBe(date);
      expect(parisTime(sunsetMs!).date).toBe(date);
    }
    // Summer time ends on the 25th: the sun rises an hour earlier by the clock the next day.
    const before = parisTime(sunTimesOn('2026-10-24', 2.44, 48.63).sunriseMs!).hour;
    const after = parisTime(sunTimesOn('2026-10-26', 2.44, 48.63).sunriseMs!).hour;
    expect(before - after).toBeGreaterThan(0.9);
  });
});
