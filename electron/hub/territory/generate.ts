import type { AssetSeed, TerritorySeed } from './types';
import { loadCommunes, type Commune } from './communes';
import { displayName } from './communeNames';
import { communeWeight } from './population';
import { allocate, territoryPlan, type TerritoryInfo, type TerritoryName } from './plan';
import { createRng } from './random';
import { unionBounds } from './geometry';
import * as build from './assets';
import { streetLamps } from './lamps';
import { attachDevices, placeGateways } from './network';

const communesByFile = new Map<string, Commune[]>();

function communesOf(name: TerritoryName): Commune[] {
  const file = territoryPlan(name).communesFile;
  let communes = communesByFile.get(file);
  if (!communes) {
    communes = loadCommunes(file);
    communesByFile.set(file, communes);
  }
  return communes;
}

/** Label, département codes and bounds of a demo territory, to frame the map before data arrives. */
export function territoryInfo(name: TerritoryName): TerritoryInfo {
  const plan = territoryPlan(name);
  return {
    name,
    label: plan.label.fr,
    labelEn: plan.label.en,
    departements: plan.departements,
    bounds: unionBounds(communesOf(name).map((c) => c.bounds)),
    holidayZone: plan.holidayZone,
  };
}

/**
 * Builds a demo territory: assets spread over the communes by (rough) population, each inside its
 * commune's outline, with their devices and the LoRaWAN gateways. Deterministic: the same name
 * gives the same territory, ids and DevEUIs on every run.
 */
export function generateTerritory(name: TerritoryName): TerritorySeed {
  const plan = territoryPlan(name);
  const communes = communesOf(name);
  const weights = communes.map((c) => communeWeight(c.name, c.areaKm2));
  const townWeights = weights.map((w) => Math.pow(w, 1.3));
  const perCommune = {
    cabinets: allocate(plan.cabinets, weights, 1),
    bins: allocate(plan.wasteContainers, weights, 1),
    schools: allocate(plan.schools, weights, 1),
    gyms: allocate(plan.gyms, townWeights),
    libraries: allocate(plan.libraries, townWeights),
    nurseries: allocate(plan.nurseries, townWeights),
    cameras: allocate(plan.cameras, townWeights),
  };
  const lampCounts = plan.streetLamps > 0 ? lampsPerCabinet(name, plan.cabinets, plan.streetLamps) : undefined;

  const assets: AssetSeed[] = [];
  const lamps: AssetSeed[] = [];
  let cabinetIndex = 0;
  communes.forEach((commune, i) => {
    const count = (list: number[]): number => list[i] ?? 0;
    const ctx: build.CommuneContext = {
      commune,
      label: displayName(commune.name),
      plan,
      rng: createRng(`${name}:${commune.code}`),
      usedNames: new Set(),
    };
    const others: build.OtherBuilding[] = [
      ...Array<build.OtherBuilding>(count(perCommune.gyms)).fill('gym'),
      ...Array<build.OtherBuilding>(count(perCommune.libraries)).fill('library'),
      ...Array<build.OtherBuilding>(count(perCommune.nurseries)).fill('nursery'),
    ];
    const cabinetCount = count(perCommune.cabinets);
    const cabinets = build.cabinets(ctx, cabinetCount, lampCounts?.slice(cabinetIndex, cabinetIndex + cabinetCount));
    cabinetIndex += cabinetCount;
    assets.push(
      build.townHall(ctx),
      ...build.schools(ctx, count(perCommune.schools)),
      ...build.otherBuildings(ctx, others),
      ...cabinets,
      ...build.wasteContainers(ctx, count(perCommune.bins)),
      ...build.cameras(ctx, count(perCommune.cameras)),
    );
    if (ctx.rng.chance(plan.gateShare)) assets.push(build.cemeteryGate(ctx));
    if (lampCounts) {
      const lampRng = createRng(`${name}:${commune.code}:lamps`);
      let number = 1;
      for (const cabinet of cabinets) {
        const n = typeof cabinet.settings?.lampCount === 'number' ? cabinet.settings.lampCount : 0;
        for (const lamp of streetLamps(cabinet, commune, n, number, lampRng)) lamps.push(lamp);
        number += n;
      }
    }
  });
  assets.push(...lamps);

  const gateways = placeGateways(communes, weights, plan.gateways);
  return {
    name,
    communes: communes.map((c) => ({ code: c.code, name: displayName(c.name) })),
    assets,
    devices: attachDevices(assets, gateways, plan, createRng(`${name}:devices`)),
    gateways,
  };
}

/** Cabinet sizes vary (a hamlet's 6 lanterns, a boulevard's 50) but add up to the lamp total. */
function lampsPerCabinet(name: TerritoryName, cabinets: number, lamps: number): number[] {
  const rng = createRng(`${name}:lamp-counts`);
  const raw = Array.from({ length: cabinets }, () => Math.exp(rng.gaussian() * 0.5));
  return allocate(lamps, raw, 4);
}
