import { z } from 'zod';
import { Alarm, isAlarmKept } from '../../../shared/domain/alarms';
import { AssetKind, AssetStatus, BuildingCategory, MetricValues } from '../../../shared/domain/assets';
import { Command, isCommandFinal } from '../../../shared/domain/commands';
import type { Database } from '../store/db';
import type { AssetRecord, CommandRecord, DeviceRecord, Settings } from './records';

const SettingsSchema = z.record(z.string(), z.union([z.number(), z.string(), z.boolean()]));

const AssetRow = z.object({
  id: z.string(),
  kind: AssetKind,
  category: BuildingCategory.nullable(),
  name: z.string(),
  commune: z.string(),
  lon: z.number(),
  lat: z.number(),
  parent_id: z.string().nullable(),
  settings: z.string(),
  status: AssetStatus,
  metrics: z.string(),
  updated_at: z.string(),
});

const DeviceRow = z.object({
  dev_eui: z.string(),
  model: z.string(),
  asset_id: z.string(),
  uplink_period_s: z.number(),
  gateway_id: z.string().nullable(),
  last_uplink_at: z.string().nullable(),
  last_fcnt: z.number().nullable(),
  rssi_dbm: z.number().nullable(),
  snr_db: z.number().nullable(),
  battery_percent: z.number().nullable(),
  battery_v: z.number().nullable(),
  uplinks_lost: z.number(),
  last_join_at: z.string().nullable(),
  join_count: z.number(),
});

function json<T>(schema: z.ZodType<T>, text: string): T {
  return schema.parse(JSON.parse(text));
}

/**
 * The hub's working copy of the territory: every asset, device, alarm on the list and pending
 * command, loaded from SQLite at start and kept equal to it by the writer. Rules read it; only
 * work run by the writer changes it.
 */
export class TerritoryState {
  readonly assets = new Map<string, AssetRecord>();
  readonly devices = new Map<string, DeviceRecord>();
  /** Street lamps per feeder cabinet: their status follows the cabinet's. */
  readonly lampsByCabinet = new Map<string, AssetRecord[]>();
  /** Alarms on the operators' list (active, or cleared but not yet acknowledged), and shelved ones. */
  readonly alarms = new Map<string, Alarm>();
  /** Commands not yet final. */
  readonly commands = new Map<string, CommandRecord>();

  static async load(db: Database): Promise<TerritoryState> {
    const state = new TerritoryState();
    for (const raw of await db.all('SELECT * FROM assets')) {
      const row = AssetRow.parse(raw);
      state.addAsset({
        asset: {
          id: row.id,
          kind: row.kind,
          ...(row.category ? { category: row.category } : {}),
          name: row.name,
          commune: row.commune,
          lon: row.lon,
          lat: row.lat,
          status: row.status,
          metrics: json(MetricValues, row.metrics),
          updatedAt: row.updated_at,
          ...(row.parent_id ? { parentId: row.parent_id } : {}),
        },
        settings: json(SettingsSchema, row.settings) as Settings,
        devices: [],
      });
    }
    for (const raw of await db.all('SELECT * FROM devices')) {
      const row = DeviceRow.parse(raw);
      state.addDevice({
        devEui: row.dev_eui,
        model: row.model,
        assetId: row.asset_id,
        uplinkPeriodS: row.uplink_period_s,
        ...(row.gateway_id ? { gatewayId: row.gateway_id } : {}),
        ...(row.last_uplink_at ? { lastUplinkAt: Date.parse(row.last_uplink_at) } : {}),
        ...(row.last_fcnt !== null ? { lastFCnt: row.last_fcnt } : {}),
        ...(row.rssi_dbm !== null ? { rssiDbm: row.rssi_dbm } : {}),
        ...(row.snr_db !== null ? { snrDb: row.snr_db } : {}),
        ...(row.battery_percent !== null ? { batteryPercent: row.battery_percent } : {}),
        ...(row.battery_v !== null ? { batteryV: row.battery_v } : {}),
        ...(row.uplinks_lost > 0 ? { uplinksLost: row.uplinks_lost } : {}),
        ...(row.last_join_at ? { lastJoinAt: Date.parse(row.last_join_at) } : {}),
        ...(row.join_count > 0 ? { joinCount: row.join_count } : {}),
        silent: false,
      });
    }
    const alarmRows = await db.all(
      `SELECT * FROM alarms WHERE state IN ('unacknowledged', 'acknowledged', 'cleared-unacknowledged', 'shelved')`,
    );
    for (const raw of alarmRows) {
      const alarm = alarmFromRow(raw);
      if (isAlarmKept(alarm.state)) state.alarms.set(alarm.id, alarm);
    }
    const commandRows = await db.all(`SELECT * FROM commands WHERE state NOT IN ('confirmed', 'failed', 'expired', 'cancelled')`);
    for (const raw of commandRows) {
      const record = commandFromRow(raw);
      if (!isCommandFinal(record.command.state)) state.commands.set(record.command.id, record);
    }
    return state;
  }

  addAsset(record: AssetRecord): void {
    this.assets.set(record.asset.id, record);
    const parentId = record.asset.parentId;
    if (record.asset.kind === 'street-lamp' && parentId) {
      const lamps = this.lampsByCabinet.get(parentId) ?? [];
      lamps.push(record);
      this.lampsByCabinet.set(parentId, lamps);
    }
  }

  addDevice(device: DeviceRecord): void {
    this.devices.set(device.devEui, device);
    this.assets.get(device.assetId)?.devices.push(device);
  }

  removeDevice(device: DeviceRecord): void {
    this.devices.delete(device.devEui);
    const record = this.assets.get(device.assetId);
    if (record) record.devices = record.devices.filter((d) => d !== device);
  }
}

const NullableString = z.string().nullable();

export function alarmFromRow(raw: unknown): Alarm {
  const row = z
    .object({
      id: z.string(),
      asset_id: z.string(),
      commune: z.string(),
      condition: z.string(),
      priority: z.string(),
      state: z.string(),
      message: z.string(),
      raised_at: z.string(),
      last_at: z.string(),
      count: z.number(),
      cleared_at: NullableString,
      acknowledged_by: NullableString,
      acknowledged_at: NullableString,
      comment: NullableString,
      comments: NullableString.optional(),
      shelved_by: NullableString.optional(),
      shelved_at: NullableString.optional(),
      shelved_until: NullableString.optional(),
      shelve_reason: NullableString.optional(),
      cause_alarm_id: NullableString.optional(),
      chattering: z.number().nullable().optional(),
      cycles: z.number().nullable().optional(),
    })
    .parse(raw);
  return Alarm.parse({
    id: row.id,
    assetId: row.asset_id,
    commune: row.commune,
    condition: row.condition,
    priority: row.priority,
    state: row.state,
    message: row.message,
    raisedAt: row.raised_at,
    lastAt: row.last_at,
    count: row.count,
    clearedAt: row.cleared_at ?? undefined,
    acknowledgedBy: row.acknowledged_by ?? undefined,
    acknowledgedAt: row.acknowledged_at ?? undefined,
    comment: row.comment ?? undefined,
    comments: row.comments ? JSON.parse(row.comments) : undefined,
    shelvedBy: row.shelved_by ?? undefined,
    shelvedAt: row.shelved_at ?? undefined,
    shelvedUntil: row.shelved_until ?? undefined,
    shelveReason: row.shelve_reason ?? undefined,
    causeAlarmId: row.cause_alarm_id ?? undefined,
    chattering: row.chattering ? true : undefined,
    cycles: row.cycles ?? undefined,
  });
}

export function commandFromRow(raw: unknown): CommandRecord {
  const row = z
    .object({
      id: z.string(),
      asset_id: z.string(),
      commune: z.string(),
      type: z.string(),
      params: z.string(),
      state: z.string(),
      requested_by: z.string(),
      requested_at: z.string(),
      updated_at: z.string(),
      detail: NullableString,
      history: z.string(),
      dev_eui: NullableString,
      expires_at: z.string(),
    })
    .parse(raw);
  const command = Command.parse({
    id: row.id,
    assetId: row.asset_id,
    commune: row.commune,
    type: row.type,
    params: JSON.parse(row.params),
    state: row.state,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    updatedAt: row.updated_at,
    detail: row.detail ?? undefined,
    history: JSON.parse(row.history),
  });
  return { command, ...(row.dev_eui ? { devEui: row.dev_eui } : {}), expiresAt: Date.parse(row.expires_at) };
}
