import type { BuildingCategory } from '../../../../shared/domain/assets';
import { parisTime } from '../clock';
import type { SchoolCalendar } from '../calendar';

/**
 * Indoor air of a room (a classroom, a town hall's offices): CO₂ builds up while people are in it
 * and the air renewal slowly brings it back to the outdoor level; temperature follows the
 * radiator thermostat's setpoint with the building's thermal inertia, plus the occupants' heat.
 * Each quantity relaxes exponentially towards its target (first-order model, stepped in scenario time).
 */
export interface Room {
  co2Ppm: number;
  temperatureC: number;
  humidityPercent: number;
  /** What the radiator thermostat regulates to (whole degrees on a WT101, tenths on a Vicki). */
  setpointC: number;
  /** Extra CO₂ at steady state with the room full: depends on room size, pupils and ventilation. */
  co2LoadPpm: number;
  /** Scenario time up to which the state is computed. */
  atMs: number;
}

const OUTDOOR_CO2_PPM = 420;
const STEP_MS = 5 * 60_000;
const MINUTE_MS = 60_000;
/** Time constants in minutes: a class fills a room with CO₂ faster than the air renewal clears it. */
const TAU_MIN = { co2Filling: 25, co2Clearing: 50, temperature: 60, humidity: 40 };

/** Share of the room's occupants present at a scenario instant, 0 (empty) to 1 (full). */
export type Occupancy = (utcMs: number) => number;

/** Moves a room's state forward to scenario time `toMs`. */
export function advanceRoom(room: Room, toMs: number, occupancy: Occupancy): void {
  while (room.atMs < toMs) {
    const stepMs = Math.min(STEP_MS, toMs - room.atMs);
    const t = room.atMs + stepMs;
    const occupied = occupancy(t);
    const relax = (value: number, target: number, tauMin: number): number =>
      target + (value - target) * Math.exp(-stepMs / MINUTE_MS / tauMin);
    room.co2Ppm = relax(room.co2Ppm, OUTDOOR_CO2_PPM + occupied * room.co2LoadPpm, occupied > 0 ? TAU_MIN.co2Filling : TAU_MIN.co2Clearing);
    room.temperatureC = relax(room.temperatureC, room.setpointC + occupied * 0.8, TAU_MIN.temperature);
    room.humidityPercent = relax(room.humidityPercent, 42 + occupied * 10, TAU_MIN.humidity);
    room.atMs = t;
  }
}

/** Valve opening a radiator thermostat would hold for the gap between setpoint and room. */
export function valveOpeningPercent(room: Room): number {
  return Math.round(Math.min(100, Math.max(0, (room.setpointC - room.temperatureC) * 45 + 15)));
}

/** Opening hours of each kind of building: [weekdays, [from, to] local hours, share of occupants]. */
const OPENING: Record<Exclude<BuildingCategory, 'school'>, { days: number[]; hours: [number, number][]; share: number }> = {
  'town-hall': { days: [1, 2, 3, 4, 5], hours: [[8.5, 12], [13.5, 17.5]], share: 0.6 },
  library: { days: [2, 3, 4, 5, 6], hours: [[10, 18]], share: 0.5 },
  nursery: { days: [1, 2, 3, 4, 5], hours: [[7.5, 19]], share: 0.8 },
  gym: { days: [0, 1, 2, 3, 4, 5, 6], hours: [[8, 12], [17, 22]], share: 0.7 },
  other: { days: [1, 2, 3, 4, 5], hours: [[9, 17]], share: 0.5 },
};

/** Who is in a building of this category at a given instant. */
export function buildingOccupancy(category: BuildingCategory, calendar: SchoolCalendar): Occupancy {
  if (category === 'school') {
    return (utcMs) => {
      const local = parisTime(utcMs);
      return calendar.inClass(local.date, local.weekday, local.hour) ? 1 : 0;
    };
  }
  const opening = OPENING[category];
  return (utcMs) => {
    const local = parisTime(utcMs);
    if (!opening.days.includes(local.weekday)) return 0;
    return opening.hours.some(([from, to]) => local.hour >= from && local.hour < to) ? opening.share : 0;
  };
}
