import { z } from 'zod';
import type { TerritorySeed } from '../territory/types';
import type { Database, Write } from '../store/db';
import { assetWrite, deviceWrite } from '../store/rows';
import { gatewayAssetId } from '../gateways/gateway-asset';

/**
 * Writes a demo territory into an empty database: assets (status ok, no readings yet), their
 * devices, the planned LoRaWAN gateways (on the map from the first snapshot, so that learning
 * them from the uplinks' metadata does not rebuild every console's map), and which territory it is. No journal events: a console's first snapshot shows it.
 */
export async function seedTerritory(db: Database, seed: TerritorySeed, now = new Date()): Promise<void> {
  const at = now.toISOString();
  const writes: Write[] = [
    { sql: 'INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)', params: ['territory', seed.name] },
    { sql: 'INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)', params: ['communes', JSON.stringify(seed.communes)] },
  ];
  for (const a of seed.assets) {
    writes.push(
      assetWrite({
        asset: {
          id: a.id,
          kind: a.kind,
          ...(a.category ? { category: a.category } : {}),
          name: a.name,
          commune: a.commune,
          lon: a.lon,
          lat: a.lat,
          status: 'ok',
          metrics: {},
          updatedAt: at,
          ...(a.parentId ? { parentId: a.parentId } : {}),
        },
        settings: a.settings ?? {},
        devices: [],
      }),
    );
  }
  for (const g of seed.gateways) {
    writes.push(
      assetWrite({
        asset: {
          id: gatewayAssetId(g.id),
          kind: 'gateway',
          name: g.name ?? `Passerelle LoRaWAN ${g.id}`,
          commune: g.commune,
          lon: g.lon,
          lat: g.lat,
          status: 'ok',
          metrics: {},
          updatedAt: at,
        },
        settings: { gatewayEui: g.id },
        devices: [],
      }),
    );
  }
  for (const d of seed.devices) {
    writes.push(
      deviceWrite({
        devEui: d.devEui,
        model: d.model,
        assetId: d.assetId,
        uplinkPeriodS: d.uplinkPeriodS,
        ...(d.gatewayId ? { gatewayId: d.gatewayId } : {}),
        silent: false,
      }),
    );
  }
  await db.transaction(writes);
}

export async function seededTerritory(db: Database): Promise<string | undefined> {
  const row = await db.get<{ value: string }>(`SELECT value FROM meta WHERE key = 'territory'`);
  return row?.value;
}

const Communes = z.array(z.object({ code: z.string(), name: z.string() }));

/** The communes of the seeded territory with their names. */
export async function seededCommunes(db: Database): Promise<{ code: string; name: string }[]> {
  const row = await db.get<{ value: string }>(`SELECT value FROM meta WHERE key = 'communes'`);
  return row ? Communes.parse(JSON.parse(row.value)) : [];
}
