import type { Observation } from '../../../shared/domain/metrics';
import type { AlarmBook } from '../alarms/alarm-book';
import { getCodec } from '../codecs/registry';
import { PayloadError, type DecodedUplink } from '../codecs/types';
import { mergeObservations } from '../rules/derive';
import { evaluateAsset } from '../rules/evaluate';
import type { GatewayBook } from '../gateways/gateway-book';
import type { Reception, Uplink } from '../sources/types';
import type { ChangeSet } from '../store/change-set';
import type { Write } from '../store/db';
import type { DeviceRecord } from '../state/records';
import type { TerritoryState } from '../state/territory-state';

/** What ingest has seen, for `/api/health` and the logs. */
export interface IngestCounters {
  uplinks: number;
  unknownDevices: number;
  malformed: number;
  duplicates: number;
}

/**
 * A frame-counter jump larger than this is a counter reset (the device rejoined) or garbage, not
 * lost uplinks: at one uplink a minute it would be more than two weeks of silence.
 */
const MAX_PLAUSIBLE_GAP = 20_000;

/** Uplinks the network never delivered between two frame counters (gateway down, out of coverage). */
export function lostBetween(previousFCnt: number | undefined, fCnt: number): number {
  if (previousFCnt === undefined) return 0;
  const gap = fCnt - previousFCnt - 1;
  return gap > 0 && gap < MAX_PLAUSIBLE_GAP ? gap : 0;
}

/**
 * Whether the device joined (or rejoined) since its last uplink: its next uplink opens a new
 * session, whose frame counter restarts at 0. The old session's counter says nothing about it.
 */
export function joinedSinceLastUplink(device: DeviceRecord): boolean {
  return device.lastJoinAt !== undefined && (device.lastUplinkAt === undefined || device.lastJoinAt >= device.lastUplinkAt);
}

/**
 * Uplinks lost before this one: after a join, counted from the new session's first counter (0),
 * so a rejoin's counter reset is never taken for a gap nor hides the uplinks lost right after it.
 */
export function uplinksLost(device: DeviceRecord, fCnt: number): number {
  return joinedSinceLastUplink(device) ? lostBetween(-1, fCnt) : lostBetween(device.lastFCnt, fCnt);
}

export type ObservationListener = (device: DeviceRecord, observations: readonly Observation[], at: string, changes: ChangeSet) => void;

/**
 * One uplink through decode → rules: the device is heard, its payload decoded by its model's
 * codec into observations, the asset's values and alarms updated. Runs inside writer work.
 * Returns the reason an uplink was not applied, for the caller to log.
 */
export function applyUplink(
  uplink: Uplink,
  state: TerritoryState,
  alarms: AlarmBook,
  counters: IngestCounters,
  changes: ChangeSet,
  onObservations: ObservationListener,
  gateways?: GatewayBook,
): string | undefined {
  counters.uplinks += 1;
  const device = state.devices.get(uplink.devEui);
  if (!device) {
    counters.unknownDevices += 1;
    // Kept for an admin to adopt the device, never silently dropped.
    changes.write(quarantineWrite(uplink));
    return `appareil inconnu ${uplink.devEui} : mis en quarantaine`;
  }
  const heardAt = Date.parse(uplink.receivedAt);
  if (isRedelivery(device, uplink.fCnt, heardAt)) {
    counters.duplicates += 1;
    return undefined;
  }
  const record = state.assets.get(device.assetId);
  if (!record) return `appareil ${uplink.devEui} rattaché à un équipement absent`;

  const at = new Date(Number.isFinite(heardAt) ? heardAt : Date.now()).toISOString();
  const lost = uplinksLost(device, uplink.fCnt);
  device.lastUplinkAt = Date.parse(at);
  device.lastFCnt = uplink.fCnt;
  device.silent = false;
  if (device.gatewayId !== uplink.gatewayId && uplink.gatewayId) device.gatewayId = uplink.gatewayId;
  // The device's own health rides its row write (below and at commit): no statement of its own.
  if (uplink.rssiDbm !== undefined) device.rssiDbm = uplink.rssiDbm;
  if (uplink.snrDb !== undefined) device.snrDb = uplink.snrDb;
  if (lost > 0) device.uplinksLost = (device.uplinksLost ?? 0) + lost;
  changes.device(device);
  gateways?.hear(device, receptionsOf(uplink), device.lastUplinkAt, changes);

  let decoded: DecodedUplink;
  try {
    decoded = decode(device, uplink);
  } catch (error) {
    if (!(error instanceof PayloadError)) throw error;
    counters.malformed += 1;
    // The device was heard all the same: it is not silent, only its payload is unreadable.
    evaluateAsset(record, state, alarms, at, changes);
    return error.message;
  }
  for (const { metric, value } of decoded.observations) {
    if (metric === 'batteryPercent' && typeof value === 'number') device.batteryPercent = value;
    if (metric === 'batteryV' && typeof value === 'number') device.batteryV = value;
  }
  const observations = [...decoded.observations];
  if (uplink.rssiDbm !== undefined) observations.push({ metric: 'rssiDbm', value: uplink.rssiDbm });
  if (uplink.snrDb !== undefined) observations.push({ metric: 'snrDb', value: uplink.snrDb });
  if (lost > 0) {
    const before = record.asset.metrics.uplinksLost;
    observations.push({ metric: 'uplinksLost', value: (typeof before === 'number' ? before : 0) + lost });
  }
  record.asset.metrics = mergeObservations(record, observations);
  record.asset.updatedAt = at;
  changes.asset(record);
  evaluateAsset(record, state, alarms, at, changes);
  onObservations(device, decoded.observations, at, changes);
  return undefined;
}

/** Every gateway that heard the uplink; a source that only names the best one gives that one. */
function receptionsOf(uplink: Uplink): Reception[] {
  if (uplink.receptions) return uplink.receptions;
  if (!uplink.gatewayId) return [];
  const reception: Reception = { gatewayId: uplink.gatewayId };
  if (uplink.rssiDbm !== undefined) reception.rssiDbm = uplink.rssiDbm;
  if (uplink.snrDb !== undefined) reception.snrDb = uplink.snrDb;
  return [reception];
}

/**
 * An uplink the hub already applied, delivered again: the broker redelivers every QoS 1 message
 * it holds no acknowledgement for after a reconnection (broker restart, network cut), and the
 * hub acknowledges only after the commit, so the last few may come twice, possibly after newer
 * ones. Same frame counter, or an older counter with a network-server time no later than the
 * last one applied. A device that rejoined restarts its counter with a later time: not a repeat.
 * Once a join is recorded, an uplink timed before it belongs to the finished session: the network
 * server published it before the join, so the hub applied it before the join too.
 */
export function isRedelivery(device: DeviceRecord, fCnt: number, heardAtMs: number): boolean {
  if (device.lastJoinAt !== undefined && Number.isFinite(heardAtMs)) {
    if (heardAtMs < device.lastJoinAt) return true;
    if (joinedSinceLastUplink(device)) return false;
  }
  if (device.lastFCnt === undefined) return false;
  if (fCnt === device.lastFCnt && fCnt !== 0) return true;
  return fCnt <= device.lastFCnt && device.lastUplinkAt !== undefined && Number.isFinite(heardAtMs) && heardAtMs <= device.lastUplinkAt;
}

function quarantineWrite(uplink: Uplink): Write {
  const at = Number.isFinite(Date.parse(uplink.receivedAt)) ? uplink.receivedAt : new Date().toISOString();
  const hex = uplink.bytes ? Buffer.from(uplink.bytes).toString('hex') : null;
  return {
    // A redelivery (same network-server time or older) is not a new uplink: the row stays as is.
    sql: `INSERT INTO quarantine (dev_eui, first_at, last_at, count, f_port, payload_hex, gateway_id, rssi_dbm) VALUES (?, ?, ?, 1, ?, ?, ?, ?)
      ON CONFLICT (dev_eui) DO UPDATE SET last_at = excluded.last_at, count = count + 1, f_port = excluded.f_port,
        payload_hex = excluded.payload_hex, gateway_id = excluded.gateway_id, rssi_dbm = excluded.rssi_dbm
      WHERE excluded.last_at > quarantine.last_at`,
    params: [uplink.devEui, at, at, uplink.fPort, hex, uplink.gatewayId ?? null, uplink.rssiDbm ?? null],
  };
}

function decode(device: DeviceRecord, uplink: Uplink): DecodedUplink {
  const codec = getCodec(device.model);
  if (!codec) throw new PayloadError(device.model, uplink.fPort, 0, 'modèle sans décodeur');
  if (uplink.bytes) return codec.decodeUplink(uplink.fPort, uplink.bytes);
  if (uplink.object && codec.normaliseObject) return codec.normaliseObject(uplink.object);
  throw new PayloadError(device.model, uplink.fPort, 0, 'ni données brutes ni objet décodé');
}
