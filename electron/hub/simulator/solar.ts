/**
 * Sunrise and sunset from the standard sunrise equation (the NOAA/Meeus approximation: mean
 * anomaly, equation of the centre, ecliptic longitude, declination, hour angle for a solar
 * altitude of −0.833°, which accounts for refraction and the sun's radius). Accurate to about a
 * minute at French latitudes, which is what an astronomical clock in a lighting cabinet needs.
 */
const RAD = Math.PI / 180;
const J2000 = 2_451_545;
const DAY_MS = 86_400_000;
const UNIX_EPOCH_JULIAN = 2_440_587.5;

export interface SunTimes {
  /** UTC ms; undefined in polar day or night (never in France). */
  sunriseMs: number | undefined;
  sunsetMs: number | undefined;
}

/** Sunrise and sunset of the solar day around UTC instant `dayMs`, at (lon east, lat north). */
export function sunTimes(dayMs: number, lon: number, lat: number): SunTimes {
  const julianDay = Math.round(dayMs / DAY_MS + UNIX_EPOCH_JULIAN);
  const n = julianDay - J2000 + 0.0008;
  const meanSolarNoon = n - lon / 360;
  const meanAnomaly = (357.5291 + 0.98560028 * meanSolarNoon) % 360;
  const m = meanAnomaly * RAD;
  const centre = 1.9148 * Math.sin(m) + 0.02 * Math.sin(2 * m) + 0.0003 * Math.sin(3 * m);
  const eclipticLongitude = ((meanAnomaly + centre + 180 + 102.9372) % 360) * RAD;
  const transit = J2000 + meanSolarNoon + 0.0053 * Math.sin(m) - 0.0069 * Math.sin(2 * eclipticLongitude);
  const sinDeclination = Math.sin(eclipticLongitude) * Math.sin(23.4397 * RAD);
  const cosDeclination = Math.cos(Math.asin(sinDeclination));
  const cosHourAngle =
    (Math.sin(-0.833 * RAD) - Math.sin(lat * RAD) * sinDeclination) / (Math.cos(lat * RAD) * cosDeclination);
  if (cosHourAngle < -1 || cosHourAngle > 1) return { sunriseMs: undefined, sunsetMs: undefined };
  const halfDay = Math.acos(cosHourAngle) / RAD / 360;
  const toMs = (julian: number): number => (julian - UNIX_EPOCH_JULIAN) * DAY_MS;
  return { sunriseMs: toMs(transit - halfDay), sunsetMs: toMs(transit + halfDay) };
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
