import type { AssetSeed, DeviceSeed, TerritorySeed } from './types';
import type { Commune } from './communes';
import { distanceSquaredM2, offsetMetres, insideShape, type Position } from './geometry';
import type { TerritoryPlan } from './plan';
import { createRng, type Rng } from './random';
import { displayName } from './communeNames';

/** Device model ids, as the codecs register them. */
export const MODELS = {
  airQuality: 'milesight-am307',
  /** Schools' radiator thermostat: takes setpoints to the tenth of a degree (19,5 °C). */
  thermostat: 'mclimate-vicki',
  /** The older heads one school in five still has: whole degrees only. */
  legacyThermostat: 'milesight-wt101',
  binLevel: 'milesight-em310-udl',
  cabinetController: 'milesight-ws558',
  gateController: 'dragino-lt22222-l',
  camera: 'vms-camera',
} as const;
export type ModelId = (typeof MODELS)[keyof typeof MODELS];

/**
 * Vendor prefixes (IEEE OUI) and one model byte, so DevEUIs look like the field's: Milesight 24e124,
 * MClimate 70b3d52d, Dragino a84041, Axis (the cameras' ids in the video management system) accc8e.
 */
const EUI_PREFIX: Record<ModelId, string> = {
  'milesight-am307': '24e12473',
  'milesight-wt101': '24e12410',
  'mclimate-vicki': '70b3d52d',
  'milesight-em310-udl': '24e12431',
  'milesight-ws558': '24e12455',
  'dragino-lt22222-l': 'a8404122',
  'vms-camera': 'accc8eff',
};
/** Kerlink (7076ff) gateway EUIs. */
const GATEWAY_PREFIX = '7076ff00';

/** Demo uplink periods in seconds of real time; see the plan's `periodScale`. */
const PERIOD_S: Record<ModelId, [number, number]> = {
  // A thermostat takes a downlink after its next uplink: 20–40 s keeps a setpoint round trip short.
  'milesight-wt101': [20, 40],
  'mclimate-vicki': [20, 40],
  'milesight-am307': [30, 90],
  'milesight-em310-udl': [60, 180],
  'milesight-ws558': [30, 60],
  'dragino-lt22222-l': [60, 60],
  'vms-camera': [30, 30],
};

/** A 32-bit sequence number scrambled (odd multiplier: a bijection), so neighbours do not look sequential. */
function eui(prefix: string, sequence: number): string {
  const scrambled = Math.imul(sequence + 1, 0x9e3779b1) >>> 0;
  return prefix + scrambled.toString(16).padStart(8, '0');
}

/**
 * Gateways on high points of the busiest communes, spread out: each next site is the commune
 * that maximises (distance to the nearest chosen site) × weight^¼, starting from the heaviest.
 */
export function placeGateways(communes: readonly Commune[], weights: readonly number[], count: number): TerritorySeed['gateways'] {
  const chosen: Position[] = [];
  const gateways: TerritorySeed['gateways'] = [];
  const rng = createRng(`gateways:${communes[0]?.code ?? ''}`);
  const taken = new Set<number>();
  while (gateways.length < Math.min(count, communes.length)) {
    let best = -1;
    let bestScore = -1;
    communes.forEach((commune, i) => {
      if (taken.has(i)) return;
      const nearestM2 = chosen.length === 0 ? 1 : Math.min(...chosen.map((p) => distanceSquaredM2(p, commune.centre)));
      const score = Math.sqrt(nearestM2) * Math.pow(weights[i] ?? 1, 0.25);
      if (score > bestScore) [best, bestScore] = [i, score];
    });
    const commune = communes[best];
    if (!commune) break;
    taken.add(best);
    const site = nearbyInside(commune, rng);
    chosen.push(site);
    gateways.push({
      id: eui(GATEWAY_PREFIX, gateways.length),
      name: `Passerelle LoRaWAN – ${displayName(commune.name)}`,
      lon: site[0],
      lat: site[1],
      commune: commune.code,
    });
  }
  return gateways;
}

/** A few hundred metres off the centre (a water tower, a church steeple), still inside. */
function nearbyInside(commune: Commune, rng: Rng): Position {
  for (let i = 0; i < 10; i++) {
    const p = offsetMetres(commune.centre[0], commune.centre[1], rng.between(-400, 400), rng.between(-400, 400));
    if (insideShape(p[0], p[1], commune.shape)) return p;
  }
  return commune.centre;
}

/** Every fifth school (never the first) still has the older whole-degree heads. */
const LEGACY_THERMOSTAT_EVERY = 5;

const isThermostat = (model: ModelId): boolean => model === MODELS.thermostat || model === MODELS.legacyThermostat;

/**
 * Which models report for an asset: schools have classroom air AND a radiator thermostat, a
 * Vicki, or a WT101 in one school in five (`schoolIndex`: the school's rank in generation order).
 */
function modelsFor(asset: AssetSeed, schoolIndex: number): ModelId[] {
  switch (asset.kind) {
    case 'building': {
      if (asset.category !== 'school') return [MODELS.airQuality];
      const legacy = schoolIndex % LEGACY_THERMOSTAT_EVERY === LEGACY_THERMOSTAT_EVERY - 1;
      return [MODELS.airQuality, legacy ? MODELS.legacyThermostat : MODELS.thermostat];
    }
    case 'waste-container':
      return [MODELS.binLevel];
    case 'lighting-cabinet':
      return [MODELS.cabinetController];
    case 'gate':
      return [MODELS.gateController];
    case 'camera':
      return [MODELS.camera];
    case 'street-lamp':
    case 'gateway':
      return [];
  }
}

/** One device per model per asset, with its demo period and its nearest gateway. */
export function attachDevices(assets: readonly AssetSeed[], gateways: TerritorySeed['gateways'], plan: TerritoryPlan, rng: Rng): DeviceSeed[] {
  const sequence = new Map<ModelId, number>();
  const devices: DeviceSeed[] = [];
  let schools = 0;
  for (const asset of assets) {
    const schoolIndex = asset.category === 'school' ? schools++ : -1;
    for (const model of modelsFor(asset, schoolIndex)) {
      const n = sequence.get(model) ?? 0;
      sequence.set(model, n + 1);
      const [min, max] = PERIOD_S[model];
      const scale = isThermostat(model) ? 1 : plan.periodScale;
      const device: DeviceSeed = {
        devEui: eui(EUI_PREFIX[model], n),
        model,
        assetId: asset.id,
        uplinkPeriodS: Math.round(rng.between(min, max) * scale),
      };
      // Cameras talk to the video management system over IP, not through a LoRaWAN gateway.
      if (model !== MODELS.camera) device.gatewayId = nearestGateway([asset.lon, asset.lat], gateways);
      devices.push(device);
    }
  }
  return devices;
}

function nearestGateway(position: Position, gateways: TerritorySeed['gateways']): string | undefined {
  let best: string | undefined;
  let bestM2 = Infinity;
  for (const gateway of gateways) {
    const d = distanceSquaredM2(position, [gateway.lon, gateway.lat]);
    if (d < bestM2) [best, bestM2] = [gateway.id, d];
  }
  return best;
}
