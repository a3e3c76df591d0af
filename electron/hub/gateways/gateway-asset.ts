import type { Reception } from '../sources/types';
import type { AssetRecord } from '../state/records';
import type { TerritorySeed } from '../territory/types';

/** A gateway of the demo's planned network (name, commune, position). */
export type PlannedGateway = TerritorySeed['gateways'][number];

/** The asset id of a gateway: its EUI (or TTS gateway id) behind a prefix, safe for the map. */
export function gatewayAssetId(gatewayId: string): string {
  return `gw-${gatewayId.toLowerCase().replace(/[^a-z0-9._-]/g, '-')}`.slice(0, 64);
}

/**
 * The map asset of a gateway heard for the first time. Where it stands: the network server's
 * metadata when it gives a position, else the planned network, else (estimated) the position of
 * the first device heard through it. Its commune (who may see it) comes from the plan, else from
 * that first device.
 */
export function gatewayRecordAsset(
  reception: Reception,
  planned: PlannedGateway | undefined,
  heardFrom: AssetRecord,
  at: string,
): { record: AssetRecord; locationSource: 'metadata' | 'plan' | 'estimated' } {
  const position = reception.location ?? (planned ? { lon: planned.lon, lat: planned.lat } : undefined);
  const locationSource = reception.location ? 'metadata' : planned ? 'plan' : 'estimated';
  return {
    locationSource,
    record: {
      asset: {
        id: gatewayAssetId(reception.gatewayId),
        kind: 'gateway',
        name: planned?.name ?? `Passerelle LoRaWAN ${reception.gatewayId}`,
        commune: planned?.commune ?? heardFrom.asset.commune,
        lon: position?.lon ?? heardFrom.asset.lon,
        lat: position?.lat ?? heardFrom.asset.lat,
        status: 'ok',
        metrics: {},
        updatedAt: at,
      },
      settings: { gatewayEui: reception.gatewayId },
      devices: [],
    },
  };
}
