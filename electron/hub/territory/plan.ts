import type { Bounds } from './geometry';

export type TerritoryName = 'essonne' | 'finistere';
export const TERRITORY_NAMES: readonly TerritoryName[] = ['essonne', 'finistere'];

/** How many of each thing a demo territory holds, and what shapes its devices' behaviour. */
export interface TerritoryPlan {
  label: { fr: string; en: string };
  departements: string[];
  communesFile: string;
  /** School-holiday zone of the académie (Versailles: C, Rennes: B). */
  holidayZone: 'B' | 'C';
  /** Breton street and school names mixed in. */
  breton: boolean;
  cabinets: number;
  /** Street lamps as assets of their own (0: cabinets only carry a `lampCount`). */
  streetLamps: number;
  wasteContainers: number;
  schools: number;
  gyms: number;
  libraries: number;
  nurseries: number;
  cameras: number;
  /** Share of communes whose cemetery gate is motorised and supervised. */
  gateShare: number;
  gateways: number;
  /**
   * Multiplier on the demo uplink periods (thermostats excepted, so a setpoint still confirms
   * within a minute or two): keeps a 100k-asset territory's uplink rate bounded.
   */
  periodScale: number;
}

const PLANS: Record<TerritoryName, TerritoryPlan> = {
  // Essonne Numérique-like: a few thousand supervised assets over the 196 communes.
  essonne: {
    label: { fr: 'Essonne', en: 'Essonne' },
    departements: ['91'],
    communesFile: 'communes-91-essonne.geojson',
    holidayZone: 'C',
    breton: false,
    cabinets: 800,
    streetLamps: 0,
    wasteContainers: 1_000,
    schools: 420,
    gyms: 110,
    libraries: 90,
    nurseries: 90,
    cameras: 260,
    gateShare: 0.6,
    gateways: 40,
    periodScale: 1,
  },
  // SDEF scale: the whole département's public lighting, lamp by lamp.
  finistere: {
    label: { fr: 'Finistère', en: 'Finistère' },
    departements: ['29'],
    communesFile: 'communes-29-finistere.geojson',
    holidayZone: 'B',
    breton: true,
    cabinets: 3_900,
    streetLamps: 90_000,
    wasteContainers: 2_000,
    schools: 380,
    gyms: 130,
    libraries: 110,
    nurseries: 100,
    cameras: 400,
    gateShare: 0.6,
    gateways: 48,
    periodScale: 1.5,
  },
};

export function territoryPlan(name: TerritoryName): TerritoryPlan {
  return PLANS[name];
}

/** What a console needs to frame a demo territory before any asset arrives. */
export interface TerritoryInfo {
  name: TerritoryName;
  label: string;
  labelEn: string;
  departements: string[];
  /** [west, south, east, north] of all its communes, in degrees. */
  bounds: Bounds;
  holidayZone: 'B' | 'C';
}

/**
 * Splits `total` items over weighted bins: `minimum` each first, the rest proportionally, rounded by
 * largest remainder so the counts add up exactly (ties go to the earlier bin: deterministic).
 */
export function allocate(total: number, weights: readonly number[], minimum = 0): number[] {
  const counts = weights.map(() => minimum);
  const rest = total - minimum * weights.length;
  if (rest <= 0) return counts;
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => (rest * w) / sum);
  let given = 0;
  shares.forEach((share, i) => {
    const whole = Math.floor(share);
    counts[i] = (counts[i] ?? 0) + whole;
    given += whole;
  });
  const byRemainder = shares.map((share, i) => ({ i, r: share - Math.floor(share) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; k < rest - given; k++) {
    const entry = byRemainder[k % byRemainder.length];
    if (entry) counts[entry.i] = (counts[entry.i] ?? 0) + 1;
  }
  return counts;
}
