import { parisTime } from '../clock';
import type { Rng } from '../../territory/random';

/**
 * A waste container filling up through the day (little at night) and emptied by the morning
 * collection round on its collection days. Most are collected before they are full; a few
 * (popular glass columns after a weekend) overflow, which is what the operators must see.
 */
export interface Bin {
  /** 0 empty … 1 full to the sensor's blind zone; above 1 it overflows. */
  fill: number;
  /** Fill gained per day of average use. */
  fillPerDay: number;
  /** Weekdays (0 = Sunday) of the collection round, and the local hour it passes. */
  collectionWeekdays: number[];
  roundHour: number;
  depthMm: number;
  /** Local date of the last collection, so a round empties a bin once. */
  collectedOn: string;
  atMs: number;
}

const STEP_MS = 20 * 60_000;
const DAY_MS = 86_400_000;
/** Sensor blind zone: the EM310-UDL cannot read closer than about 3 cm under its face. */
const BLIND_ZONE_MM = 30;

/** Use per hour relative to the daily mean: people drop rubbish by day, hardly at night. */
function usageFactor(hour: number): number {
  return hour >= 7 && hour < 22 ? 1.36 : 0.4;
}

const SCHEDULES: Record<string, { weekdays: number[][]; days: number }> = {
  'glass-column': { weekdays: [[1], [2], [3], [4], [5]], days: 7 },
  'household-bin': { weekdays: [[1, 4], [2, 5], [3, 6]], days: 3.5 },
  buried: { weekdays: [[1], [3], [5]], days: 7 },
};

/** A bin with its round and a fill rate that makes it 40–85 % full when collected (4 % overflow). */
export function createBin(containerType: string, depthMm: number, startMs: number, rng: Rng): Bin {
  const schedule = SCHEDULES[containerType] ?? { weekdays: [[1, 4]], days: 3.5 };
  const fillAtCollection = rng.chance(0.04) ? rng.between(1.05, 1.3) : rng.between(0.4, 0.85);
  const fillPerDay = fillAtCollection / schedule.days;
  return {
    fill: fillPerDay * rng.between(0, schedule.days),
    fillPerDay,
    collectionWeekdays: rng.pick(schedule.weekdays),
    roundHour: rng.between(5.5, 9),
    depthMm,
    collectedOn: '',
    atMs: startMs,
  };
}

export function advanceBin(bin: Bin, toMs: number): void {
  while (bin.atMs < toMs) {
    const stepMs = Math.min(STEP_MS, toMs - bin.atMs);
    const t = bin.atMs + stepMs;
    const local = parisTime(t);
    bin.fill = Math.min(1.4, bin.fill + (bin.fillPerDay * usageFactor(local.hour) * stepMs) / DAY_MS);
    const roundPassed = bin.collectionWeekdays.includes(local.weekday) && local.hour >= bin.roundHour;
    if (roundPassed && bin.collectedOn !== local.date) {
      bin.fill = 0.02;
      bin.collectedOn = local.date;
    }
    bin.atMs = t;
  }
}

/** What the ultrasonic sensor under the lid measures: the distance down to the waste. */
export function binDistanceMm(bin: Bin): number {
  return Math.round(Math.max(BLIND_ZONE_MM, bin.depthMm * (1 - Math.min(bin.fill, 1))));
}
