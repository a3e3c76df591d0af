import { parisTime } from '../../../shared/calendar/paris-time';
import { sunTimesOn, type SunTimes } from '../../../shared/calendar/sun';

export type { SunTimes };

/** Sunrise and sunset of the local (Paris) day of UTC instant `dayMs`, at (lon east, lat north). */
export function sunTimes(dayMs: number, lon: number, lat: number): SunTimes {
  return sunTimesOn(parisTime(dayMs).date, lon, lat);
}

/**
 * Whether a cabinet's astronomical clock has the lights on: from a little after sunset to a
 * little before sunrise (the usual offsets keep lamps off in twilight that is still bright).
 */
export function lightsOn(utcMs: number, lon: number, lat: number, offsetMin = 10): boolean {
  const { sunriseMs, sunsetMs } = sunTimes(utcMs, lon, lat);
  if (sunriseMs === undefined || sunsetMs === undefined) return false;
  const offsetMs = offsetMin * 60_000;
  return utcMs < sunriseMs - offsetMs || utcMs > sunsetMs + offsetMs;
}
