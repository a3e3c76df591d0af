import type { Join } from '../sources/types';
import type { ChangeSet } from '../store/change-set';
import type { TerritoryState } from '../state/territory-state';

/** What the hub has seen of joins, for the logs and tests. */
export interface JoinCounters {
  joins: number;
  /** Joins of DevEUIs nobody declared: logged (throttled), never a crash. */
  unknownDevices: number;
}

/**
 * A device joined the network (OTAA join or rejoin): its last join time and join count are
 * recorded on its row, and its asset is journaled (`asset.updated` lists the device with its
 * `lastJoinAt`) so consoles see it live. The new session restarts the frame counter: the next
 * uplink's lost-uplink count starts from 0 (see `uplinksLost` in apply-uplink.ts). Runs inside
 * writer work; returns the reason a join was not recorded, for the caller to log.
 */
export function applyJoin(join: Join, state: TerritoryState, counters: JoinCounters, changes: ChangeSet): string | undefined {
  counters.joins += 1;
  const device = state.devices.get(join.devEui);
  if (!device) {
    counters.unknownDevices += 1;
    return `jonction d’un appareil inconnu ${join.devEui} : ignorée, déclarez l’appareil pour la suivre`;
  }
  const joinedAt = Date.parse(join.joinedAt);
  // The same join delivered again (QoS 1), or an older one arriving late: nothing new happened.
  if (!Number.isFinite(joinedAt) || (device.lastJoinAt !== undefined && joinedAt <= device.lastJoinAt)) return undefined;
  device.lastJoinAt = joinedAt;
  device.joinCount = (device.joinCount ?? 0) + 1;
  changes.device(device);
  const record = state.assets.get(device.assetId);
  if (record) changes.asset(record);
  return undefined;
}
