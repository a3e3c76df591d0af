/**
 * The scenario clock: the simulated day runs `speed` times faster than real time, so a whole
 * day of a territory plays in 24 minutes at the default speed of 60. Only the behaviour of the
 * devices follows it; uplinks are stamped with the real time at which they are published.
 */
export interface ScenarioClock {
  readonly speed: number;
  /** Scenario time (ms since the epoch, UTC) at real time `wallMs`. */
  scenarioAt(wallMs: number): number;
  /** Scenario time now. */
  now(): number;
}

export function createScenarioClock(startAtMs: number, speed: number, wallStartMs: number = Date.now()): ScenarioClock {
  if (!(speed > 0)) throw new RangeError(`speed doit être positif (reçu ${speed})`);
  const scenarioAt = (wallMs: number): number => startAtMs + (wallMs - wallStartMs) * speed;
  return { speed, scenarioAt, now: () => scenarioAt(Date.now()) };
}

export { DAY_MS, HOUR_MS, hourOf, parisInstant, parisOffsetMs, parisTime, type LocalTime } from '../../../shared/calendar/paris-time';
