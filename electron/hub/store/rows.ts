import type { Alarm } from '../../../shared/domain/alarms';
import type { AssetRecord, CommandRecord, DeviceRecord } from '../state/records';
import type { Write } from './db';

/** How each record is written: parameters only, one statement per kind of row. */

const UPSERT_ASSET = `INSERT INTO assets (id, kind, category, name, commune, lon, lat, parent_id, settings, status, metrics, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET status = excluded.status, metrics = excluded.metrics, updated_at = excluded.updated_at,
    name = excluded.name, settings = excluded.settings, lon = excluded.lon, lat = excluded.lat`;

export function assetWrite({ asset, settings }: AssetRecord): Write {
  return {
    sql: UPSERT_ASSET,
    params: [
      asset.id,
      asset.kind,
      asset.category ?? null,
      asset.name,
      asset.commune,
      asset.lon,
      asset.lat,
      asset.parentId ?? null,
      JSON.stringify(settings),
      asset.status,
      JSON.stringify(asset.metrics),
      asset.updatedAt,
    ],
  };
}

const UPSERT_DEVICE = `INSERT INTO devices (dev_eui, model, asset_id, uplink_period_s, gateway_id, last_uplink_at, last_fcnt,
    rssi_dbm, snr_db, battery_percent, battery_v, uplinks_lost, last_join_at, join_count)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (dev_eui) DO UPDATE SET last_uplink_at = excluded.last_uplink_at, last_fcnt = excluded.last_fcnt,
    gateway_id = excluded.gateway_id, rssi_dbm = excluded.rssi_dbm, snr_db = excluded.snr_db,
    battery_percent = excluded.battery_percent, battery_v = excluded.battery_v, uplinks_lost = excluded.uplinks_lost,
    last_join_at = excluded.last_join_at, join_count = excluded.join_count`;

export function deviceWrite(device: DeviceRecord): Write {
  return {
    sql: UPSERT_DEVICE,
    params: [
      device.devEui,
      device.model,
      device.assetId,
      device.uplinkPeriodS,
      device.gatewayId ?? null,
      device.lastUplinkAt === undefined ? null : new Date(device.lastUplinkAt).toISOString(),
      device.lastFCnt ?? null,
      device.rssiDbm ?? null,
      device.snrDb ?? null,
      device.batteryPercent ?? null,
      device.batteryV ?? null,
      device.uplinksLost ?? 0,
      device.lastJoinAt === undefined ? null : new Date(device.lastJoinAt).toISOString(),
      device.joinCount ?? 0,
    ],
  };
}

const UPSERT_ALARM = `INSERT INTO alarms (id, asset_id, commune, condition, priority, state, message, raised_at, last_at, count,
    cleared_at, acknowledged_by, acknowledged_at, comment, comments, shelved_by, shelved_at, shelved_until, shelve_reason,
    cause_alarm_id, chattering, cycles)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET state = excluded.state, message = excluded.message, last_at = excluded.last_at,
    count = excluded.count, cleared_at = excluded.cleared_at, acknowledged_by = excluded.acknowledged_by,
    acknowledged_at = excluded.acknowledged_at, comment = excluded.comment, priority = excluded.priority,
    comments = excluded.comments, shelved_by = excluded.shelved_by, shelved_at = excluded.shelved_at,
    shelved_until = excluded.shelved_until, shelve_reason = excluded.shelve_reason,
    cause_alarm_id = excluded.cause_alarm_id, chattering = excluded.chattering, cycles = excluded.cycles`;

export function alarmWrite(alarm: Alarm): Write {
  return {
    sql: UPSERT_ALARM,
    params: [
      alarm.id,
      alarm.assetId,
      alarm.commune,
      alarm.condition,
      alarm.priority,
      alarm.state,
      alarm.message,
      alarm.raisedAt,
      alarm.lastAt,
      alarm.count,
      alarm.clearedAt ?? null,
      alarm.acknowledgedBy ?? null,
      alarm.acknowledgedAt ?? null,
      alarm.comment ?? null,
      alarm.comments ? JSON.stringify(alarm.comments) : null,
      alarm.shelvedBy ?? null,
      alarm.shelvedAt ?? null,
      alarm.shelvedUntil ?? null,
      alarm.shelveReason ?? null,
      alarm.causeAlarmId ?? null,
      alarm.chattering ? 1 : null,
      alarm.cycles ?? null,
    ],
  };
}

const UPSERT_COMMAND = `INSERT INTO commands (id, asset_id, commune, type, params, state, requested_by, requested_at, updated_at,
    detail, history, dev_eui, expires_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at, detail = excluded.detail,
    history = excluded.history`;

export function commandWrite({ command, devEui, expiresAt }: CommandRecord): Write {
  return {
    sql: UPSERT_COMMAND,
    params: [
      command.id,
      command.assetId,
      command.commune,
      command.type,
      JSON.stringify(command.params),
      command.state,
      command.requestedBy,
      command.requestedAt,
      command.updatedAt,
      command.detail ?? null,
      JSON.stringify(command.history),
      devEui ?? null,
      new Date(expiresAt).toISOString(),
    ],
  };
}
