import type { AssetKind, BuildingCategory } from '../../../shared/domain/assets';

/**
 * A demo territory as seeded into an empty data directory: the assets on the map and the devices
 * that report for them. Generated deterministically (same name, same territory) so tests and
 * benchmarks see the same places.
 */
export interface TerritorySeed {
  name: 'essonne' | 'finistere';
  /** Communes that have demo assets, with their name (for labels and the `elu-<INSEE>` accounts). */
  communes: { code: string; name: string }[];
  assets: AssetSeed[];
  devices: DeviceSeed[];
  /**
   * LoRaWAN gateways of the demo network; devices report through the nearest one. `id` is the
   * gateway EUI (16 hex digits), as a network server reports it in `rxInfo`.
   */
  gateways: { id: string; name?: string; lon: number; lat: number; commune: string }[];
}

export interface AssetSeed {
  id: string;
  kind: AssetKind;
  category?: BuildingCategory;
  name: string;
  commune: string;
  lon: number;
  lat: number;
  parentId?: string;
  /** Per-asset settings the rules and commands read (e.g. heating bounds, bin depth, contracted power). */
  settings?: Record<string, number | string | boolean>;
}

export interface DeviceSeed {
  devEui: string;
  model: string;
  assetId: string;
  /** How often it reports, in seconds of real time (compressed for the demo). */
  uplinkPeriodS: number;
  gatewayId?: string;
}
