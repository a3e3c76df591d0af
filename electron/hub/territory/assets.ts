import type { AssetSeed } from './types';
import type { Commune } from './communes';
import { sitePointIn } from './communes';
import { ofCommune } from './communeNames';
import type { TerritoryPlan } from './plan';
import type { Rng } from './random';
import * as names from './names';

/** Everything the builders of one commune's assets share. */
export interface CommuneContext {
  commune: Commune;
  /** Name with its article, as printed (« Les Ulis »). */
  label: string;
  plan: TerritoryPlan;
  rng: Rng;
  /** Names already given in this commune, so two schools do not share one. */
  usedNames: Set<string>;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function uniqueName(ctx: CommuneContext, make: () => string): string {
  let name = make();
  for (let i = 0; i < 8 && ctx.usedNames.has(name); i++) name = make();
  if (ctx.usedNames.has(name)) name = `${name} (${ctx.usedNames.size + 1})`;
  ctx.usedNames.add(name);
  return name;
}

function at(ctx: CommuneContext): { lon: number; lat: number } {
  const [lon, lat] = sitePointIn(ctx.commune, ctx.rng);
  return { lon, lat };
}

export function townHall(ctx: CommuneContext): AssetSeed {
  const [lon, lat] = ctx.commune.centre;
  return {
    id: `bld-${ctx.commune.code}-001`,
    kind: 'building',
    category: 'town-hall',
    name: uniqueName(ctx, () => `Mairie ${ofCommune(ctx.label)}`),
    commune: ctx.commune.code,
    lon,
    lat,
    settings: { openingHours: 'lu-ve 08:30-12:00 13:30-17:30', setpointMinC: 16, setpointMaxC: 22 },
  };
}

/** A village has one primary school; towns pair nursery (maternelle) and elementary schools. */
export function schools(ctx: CommuneContext, count: number): AssetSeed[] {
  return Array.from({ length: count }, (_, i): AssetSeed => {
    const level: names.SchoolLevel = count === 1 ? 'primaire' : i % 2 === 0 ? 'elementaire' : 'maternelle';
    return {
      id: `sch-${ctx.commune.code}-${pad(i + 1, 3)}`,
      kind: 'building',
      category: 'school',
      name: uniqueName(ctx, () => names.schoolName(level, ctx.rng, ctx.plan.breton)),
      commune: ctx.commune.code,
      ...at(ctx),
      settings: {
        level,
        zone: ctx.plan.holidayZone,
        setpointMinC: 16,
        setpointMaxC: 22,
        openingHours: 'lu-ma-je-ve 08:30-16:30, me 08:30-11:30',
        classrooms: level === 'maternelle' ? ctx.rng.int(3, 6) : ctx.rng.int(5, 12),
      },
    };
  });
}

export type OtherBuilding = 'gym' | 'library' | 'nursery';
const OTHER_HOURS: Record<OtherBuilding, string> = {
  gym: 'lu-di 08:00-22:00',
  library: 'ma-sa 10:00-18:00',
  nursery: 'lu-ve 07:30-19:00',
};

/** Gyms, libraries and nurseries, numbered after the town hall (`bld-<INSEE>-002`…). */
export function otherBuildings(ctx: CommuneContext, categories: readonly OtherBuilding[]): AssetSeed[] {
  return categories.map((category, i): AssetSeed => ({
    id: `bld-${ctx.commune.code}-${pad(i + 2, 3)}`,
    kind: 'building',
    category,
    name: uniqueName(ctx, () =>
      category === 'gym' ? names.gymName(ctx.rng) : category === 'library' ? names.libraryName(ctx.rng) : names.nurseryName(ctx.rng),
    ),
    commune: ctx.commune.code,
    ...at(ctx),
    settings: { openingHours: OTHER_HOURS[category], setpointMinC: 16, setpointMaxC: 22 },
  }));
}

/** Contracted power steps of a lighting supply (kVA ≈ kW for resistive and LED loads). */
const CONTRACT_STEPS_W = [3_000, 6_000, 9_000, 12_000, 15_000, 18_000, 24_000, 30_000, 36_000];

/**
 * Lighting cabinets (« armoires d'éclairage public »). `lampCounts` gives each cabinet's lamps when
 * the territory has lamp assets; otherwise a plausible number is drawn.
 */
export function cabinets(ctx: CommuneContext, count: number, lampCounts?: readonly number[]): AssetSeed[] {
  return Array.from({ length: count }, (_, i): AssetSeed => {
    const lampCount = lampCounts?.[i] ?? ctx.rng.int(12, 60);
    // Older sodium lanterns draw 100–150 W, LED retrofits 40–70 W.
    const lampPowerW = ctx.rng.chance(0.55) ? ctx.rng.pick([40, 50, 60, 70]) : ctx.rng.pick([100, 150]);
    const needW = lampCount * lampPowerW * 1.25;
    const contractedPowerW = CONTRACT_STEPS_W.find((step) => step >= needW) ?? Math.ceil(needW / 6_000) * 6_000;
    const street = names.street(ctx.rng, ctx.plan.breton);
    return {
      id: `cab-${ctx.commune.code}-${pad(i + 1, 3)}`,
      kind: 'lighting-cabinet',
      name: `Armoire EP n° ${i + 1} – ${street}`,
      commune: ctx.commune.code,
      ...at(ctx),
      settings: { lampCount, lampPowerW, contractedPowerW, street, dimmable: lampPowerW <= 70 },
    };
  });
}

type ContainerType = 'glass-column' | 'household-bin' | 'buried';
const CONTAINERS: Record<ContainerType, { label: string; depthMm: [number, number]; capacityL: number }> = {
  'glass-column': { label: 'Colonne à verre', depthMm: [1_650, 1_900], capacityL: 3_000 },
  'household-bin': { label: 'Bac ordures ménagères', depthMm: [950, 1_100], capacityL: 660 },
  buried: { label: 'Conteneur enterré', depthMm: [2_200, 2_600], capacityL: 5_000 },
};

/** Waste containers with an ultrasonic level sensor; `depthMm` is sensor-to-bottom, read by the fill rule. */
export function wasteContainers(ctx: CommuneContext, count: number): AssetSeed[] {
  return Array.from({ length: count }, (_, i): AssetSeed => {
    const roll = ctx.rng.next();
    const type: ContainerType = roll < 0.45 ? 'glass-column' : roll < 0.85 ? 'household-bin' : 'buried';
    const spec = CONTAINERS[type];
    const place = ctx.rng.chance(0.5) ? names.publicPlace(ctx.rng) : names.street(ctx.rng, ctx.plan.breton);
    return {
      id: `bin-${ctx.commune.code}-${pad(i + 1, 3)}`,
      kind: 'waste-container',
      name: `${spec.label} – ${place}`,
      commune: ctx.commune.code,
      ...at(ctx),
      settings: {
        containerType: type,
        depthMm: Math.round(ctx.rng.between(spec.depthMm[0], spec.depthMm[1]) / 10) * 10,
        capacityL: spec.capacityL,
      },
    };
  });
}

export function cameras(ctx: CommuneContext, count: number): AssetSeed[] {
  return Array.from({ length: count }, (_, i): AssetSeed => ({
    id: `cam-${ctx.commune.code}-${pad(i + 1, 3)}`,
    kind: 'camera',
    name: uniqueName(ctx, () => `Caméra – ${names.publicPlace(ctx.rng)}`),
    commune: ctx.commune.code,
    ...at(ctx),
    settings: { recording: true },
  }));
}

/** The motorised gate of the communal cemetery, opened in the morning and closed at evening. */
export function cemeteryGate(ctx: CommuneContext): AssetSeed {
  return {
    id: `gate-${ctx.commune.code}-1`,
    kind: 'gate',
    name: `Portail du cimetière ${ofCommune(ctx.label)}`,
    commune: ctx.commune.code,
    ...at(ctx),
    settings: { openAt: '08:00', closeAt: ctx.rng.pick(['17:30', '18:00', '19:00']) },
  };
}
