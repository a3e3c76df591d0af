import { Body, Observer, SearchRiseSet } from 'astronomy-engine';
import { parisInstant } from './paris-time';

/**
 * Sunrise and sunset at a cabinet's location, from astronomy-engine (VSOP87 positions, refraction
 * and the sun's apparent radius included): what an astronomical clock switches street lighting on.
 */
export interface SunTimes {
  /** UTC ms; undefined in polar day or night (never in France). */
  sunriseMs: number | undefined;
  sunsetMs: number | undefined;
}

/**
 * A day's times change by under a second within 100 m, and the search costs tens of microseconds:
 * remember them per day and place (rounded to 0.001°), so thousands of cabinets stepping through
 * a simulated day stay cheap. Bounded: cleared whole when full.
 */
const MAX_CACHED_DAYS = 50_000;
const cache = new Map<string, SunTimes>();

/** Sunrise and sunset of local Paris date `YYYY-MM-DD` at (lon east, lat north), sea level. */
export function sunTimesOn(date: string, lon: number, lat: number): SunTimes {
  const key = `${date}|${lon.toFixed(3)}|${lat.toFixed(3)}`;
  let times = cache.get(key);
  if (!times) {
    if (cache.size >= MAX_CACHED_DAYS) cache.clear();
    cache.set(key, (times = searchSunTimes(date, lon, lat)));
  }
  return times;
}

function searchSunTimes(date: string, lon: number, lat: number): SunTimes {
  const observer = new Observer(lat, lon, 0);
  const midnight = new Date(parisInstant(date, 0));
  const rise = SearchRiseSet(Body.Sun, observer, +1, midnight, 1);
  const set = SearchRiseSet(Body.Sun, observer, -1, midnight, 1);
  return { sunriseMs: rise?.date.getTime(), sunsetMs: set?.date.getTime() };
}
