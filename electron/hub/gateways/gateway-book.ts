import { z } from 'zod';
import type { Reception } from '../sources/types';
import type { ChangeSet } from '../store/change-set';
import type { Database } from '../store/db';
import type { AssetRecord, DeviceRecord } from '../state/records';
import type { TerritoryState } from '../state/territory-state';
import { gatewayAssetId, gatewayRecordAsset, type PlannedGateway } from './gateway-asset';

/** Receptions kept per (gateway, device): « best RSSI/SNR from the last uplinks » looks at these. */
export const RECENT_RECEPTIONS = 5;
/**
 * A gateway counts among a device's recent ones when it heard the device within this many of the
 * device's periods before its last uplink: a gateway it left (roaming, a new gateway nearer) drops out.
 */
const RECENT_PERIODS = 3;

export interface ReceptionSample {
  atMs: number;
  rssiDbm?: number;
  snrDb?: number;
}

/** What one gateway heard of one device. */
export interface GatewayLink {
  gatewayId: string;
  devEui: string;
  lastAtMs: number;
  uplinks: number;
  /** Newest last, at most `RECENT_RECEPTIONS`. */
  recent: ReceptionSample[];
}

/** A gateway as the hub learnt it from the uplinks' metadata. */
export interface GatewayRecord {
  id: string;
  assetId: string;
  locationSource: 'metadata' | 'plan' | 'estimated';
  firstSeenMs: number;
  lastSeenMs: number;
  uplinks: number;
  links: Map<string, GatewayLink>;
}

const GatewayRow = z.object({
  id: z.string(),
  asset_id: z.string(),
  location_source: z.enum(['metadata', 'plan', 'estimated']),
  first_seen_at: z.string(),
  last_seen_at: z.string(),
  uplinks: z.number(),
});
const LinkRow = z.object({ gateway_id: z.string(), dev_eui: z.string(), last_at: z.string(), uplinks: z.number(), recent: z.string() });
const Samples = z.array(z.object({ atMs: z.number(), rssiDbm: z.number().optional(), snrDb: z.number().optional() }));

/**
 * The LoRaWAN gateways of the territory, learnt from what the network server says about each
 * uplink (which gateways heard it, how well, where they stand), and which devices each heard.
 * Each gateway is also an asset of kind `gateway`, so it is on the map with its status and can
 * carry an alarm. Runs inside writer work only.
 */
export class GatewayBook {
  readonly gateways = new Map<string, GatewayRecord>();
  private readonly linksByDevice = new Map<string, Map<string, GatewayLink>>();

  constructor(
    private readonly state: TerritoryState,
    /** The demo's planned network: names, communes and positions of gateways the metadata leaves out. */
    private readonly planned: ReadonlyMap<string, PlannedGateway> = new Map(),
  ) {}

  static async load(db: Database, state: TerritoryState, planned?: ReadonlyMap<string, PlannedGateway>): Promise<GatewayBook> {
    const book = new GatewayBook(state, planned);
    for (const raw of await db.all('SELECT * FROM gateways')) {
      const row = GatewayRow.parse(raw);
      if (!state.assets.has(row.asset_id)) continue;
      book.gateways.set(row.id, {
        id: row.id,
        assetId: row.asset_id,
        locationSource: row.location_source,
        firstSeenMs: Date.parse(row.first_seen_at),
        lastSeenMs: Date.parse(row.last_seen_at),
        uplinks: row.uplinks,
        links: new Map(),
      });
    }
    for (const raw of await db.all('SELECT * FROM gateway_devices')) {
      const row = LinkRow.parse(raw);
      const gateway = book.gateways.get(row.gateway_id);
      if (!gateway) continue;
      book.addLink(gateway, {
        gatewayId: row.gateway_id,
        devEui: row.dev_eui,
        lastAtMs: Date.parse(row.last_at),
        uplinks: row.uplinks,
        recent: Samples.parse(JSON.parse(row.recent)),
      });
    }
    return book;
  }

  /** Records that these gateways heard the device at `atMs`; a gateway heard first becomes an asset. */
  hear(device: DeviceRecord, receptions: readonly Reception[], atMs: number, changes: ChangeSet): void {
    for (const reception of receptions) {
      const gateway = this.gateways.get(reception.gatewayId) ?? this.learn(reception, device, atMs, changes);
      if (!gateway) continue;
      if (reception.location && gateway.locationSource !== 'metadata') this.locate(gateway, reception.location, changes);
      gateway.lastSeenMs = Math.max(gateway.lastSeenMs, atMs);
      gateway.uplinks += 1;
      changes.upsert(`gateway|${gateway.id}`, gatewayWrite(gateway));
      const link = gateway.links.get(device.devEui) ?? this.addLink(gateway, { gatewayId: gateway.id, devEui: device.devEui, lastAtMs: atMs, uplinks: 0, recent: [] });
      link.lastAtMs = Math.max(link.lastAtMs, atMs);
      link.uplinks += 1;
      const sample: ReceptionSample = { atMs };
      if (reception.rssiDbm !== undefined) sample.rssiDbm = reception.rssiDbm;
      if (reception.snrDb !== undefined) sample.snrDb = reception.snrDb;
      link.recent.push(sample);
      if (link.recent.length > RECENT_RECEPTIONS) link.recent.splice(0, link.recent.length - RECENT_RECEPTIONS);
      changes.upsert(`gateway-device|${gateway.id}|${device.devEui}`, linkWrite(link));
    }
  }

  /** Gateways that heard the device in its last uplinks; none when it was never heard through one. */
  recentGateways(device: DeviceRecord): GatewayRecord[] {
    const links = this.linksByDevice.get(device.devEui);
    if (!links || links.size === 0) {
      const known = device.gatewayId ? this.gateways.get(device.gatewayId) : undefined;
      return known ? [known] : [];
    }
    const newest = Math.max(...[...links.values()].map((l) => l.lastAtMs));
    const since = newest - device.uplinkPeriodS * 1000 * RECENT_PERIODS;
    return [...links.values()]
      .filter((l) => l.lastAtMs >= since)
      .sort((a, b) => b.lastAtMs - a.lastAtMs)
      .map((l) => this.gateways.get(l.gatewayId))
      .filter((g): g is GatewayRecord => g !== undefined);
  }

  /** What each gateway heard of this device, most recent first. */
  linksOf(devEui: string): GatewayLink[] {
    return [...(this.linksByDevice.get(devEui)?.values() ?? [])].sort((a, b) => b.lastAtMs - a.lastAtMs);
  }

  byAssetId(assetId: string): GatewayRecord | undefined {
    for (const gateway of this.gateways.values()) if (gateway.assetId === assetId) return gateway;
    return undefined;
  }

  /** The shortest uplink period among the devices a gateway heard: how often it should hear something. */
  expectedPeriodS(gateway: GatewayRecord): number | undefined {
    let shortest: number | undefined;
    for (const devEui of gateway.links.keys()) {
      const period = this.state.devices.get(devEui)?.uplinkPeriodS;
      if (period !== undefined && (shortest === undefined || period < shortest)) shortest = period;
    }
    return shortest;
  }

  private learn(reception: Reception, device: DeviceRecord, atMs: number, changes: ChangeSet): GatewayRecord | undefined {
    const heardFrom = this.state.assets.get(device.assetId);
    if (!heardFrom) return undefined;
    const assetId = gatewayAssetId(reception.gatewayId);
    const { record, locationSource } = gatewayRecordAsset(reception, this.planned.get(reception.gatewayId), heardFrom, new Date(atMs).toISOString());
    // A demo territory seeds its planned gateways: already on the map, placed by the plan.
    const seeded = this.state.assets.get(assetId)?.asset.kind === 'gateway';
    if (!seeded) {
      this.state.addAsset(record);
      changes.asset(record);
    }
    const source = seeded ? (reception.location ? 'metadata' : 'plan') : locationSource;
    const gateway: GatewayRecord = { id: reception.gatewayId, assetId, locationSource: source, firstSeenMs: atMs, lastSeenMs: atMs, uplinks: 0, links: new Map() };
    this.gateways.set(gateway.id, gateway);
    return gateway;
  }

  /** The metadata now says where a gateway stands: better than a plan or a guess. */
  private locate(gateway: GatewayRecord, location: { lon: number; lat: number }, changes: ChangeSet): void {
    const record: AssetRecord | undefined = this.state.assets.get(gateway.assetId);
    gateway.locationSource = 'metadata';
    if (!record || (record.asset.lon === location.lon && record.asset.lat === location.lat)) return;
    record.asset.lon = location.lon;
    record.asset.lat = location.lat;
    changes.asset(record);
  }

  private addLink(gateway: GatewayRecord, link: GatewayLink): GatewayLink {
    gateway.links.set(link.devEui, link);
    const byDevice = this.linksByDevice.get(link.devEui) ?? new Map<string, GatewayLink>();
    byDevice.set(gateway.id, link);
    this.linksByDevice.set(link.devEui, byDevice);
    return link;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

function gatewayWrite(g: GatewayRecord) {
  return {
    sql: `INSERT INTO gateways (id, asset_id, location_source, first_seen_at, last_seen_at, uplinks) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET location_source = excluded.location_source, last_seen_at = excluded.last_seen_at, uplinks = excluded.uplinks`,
    params: [g.id, g.assetId, g.locationSource, iso(g.firstSeenMs), iso(g.lastSeenMs), g.uplinks],
  };
}

function linkWrite(l: GatewayLink) {
  const last = l.recent[l.recent.length - 1];
  return {
    sql: `INSERT INTO gateway_devices (gateway_id, dev_eui, last_at, uplinks, rssi_dbm, snr_db, recent) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (gateway_id, dev_eui) DO UPDATE SET last_at = excluded.last_at, uplinks = excluded.uplinks,
        rssi_dbm = excluded.rssi_dbm, snr_db = excluded.snr_db, recent = excluded.recent`,
    params: [l.gatewayId, l.devEui, iso(l.lastAtMs), l.uplinks, last?.rssiDbm ?? null, last?.snrDb ?? null, JSON.stringify(l.recent)],
  };
}
