import { z } from 'zod';
import type { AlarmBook } from '../alarms/alarm-book';
import type { Database } from '../store/db';
import type { ChangeSet } from '../store/change-set';
import type { TerritoryState } from '../state/territory-state';
import { applyUplink, type IngestCounters, type ObservationListener } from './apply-uplink';

/** What the quarantine kept of a device nobody had declared: its latest uplink. */
export interface QuarantinedUplink {
  devEui: string;
  lastAt: string;
  fPort: number;
  payloadHex: string | null;
  gatewayId: string | null;
  rssiDbm: number | null;
}

const Row = z.object({
  dev_eui: z.string(),
  last_at: z.string(),
  f_port: z.number(),
  payload_hex: z.string().nullable(),
  gateway_id: z.string().nullable(),
  rssi_dbm: z.number().nullable(),
});

export async function readQuarantined(db: Database, devEui: string): Promise<QuarantinedUplink | undefined> {
  const raw = (await db.all('SELECT dev_eui, last_at, f_port, payload_hex, gateway_id, rssi_dbm FROM quarantine WHERE dev_eui = ?', [devEui]))[0];
  if (!raw) return undefined;
  const row = Row.parse(raw);
  return { devEui: row.dev_eui, lastAt: row.last_at, fPort: row.f_port, payloadHex: row.payload_hex, gatewayId: row.gateway_id, rssiDbm: row.rssi_dbm };
}

/**
 * Once an admin adopts a quarantined device, its latest uplink goes through decode → rules as if
 * it had just arrived, so the asset shows a value at once rather than after the device's next
 * uplink (up to hours for a bin sensor). Runs in the declaring writer work, after the declaration.
 * An uplink the network server sent already decoded left no raw payload: nothing to replay. An
 * asset another device updated since is `superseded`: its fresher values are not overwritten.
 */
export function replayQuarantined(
  quarantined: QuarantinedUplink,
  state: TerritoryState,
  alarms: AlarmBook,
  changes: ChangeSet,
  onObservations: ObservationListener,
): 'decoded' | 'unreadable' | 'superseded' | 'nothing' {
  const device = state.devices.get(quarantined.devEui);
  if (!device || quarantined.payloadHex === null) return 'nothing';
  // Its values' freshness, not `updatedAt`, which a mere status change (a silent device) moves.
  const sentAtMs = Date.parse(quarantined.lastAt);
  const others = state.assets.get(device.assetId)?.devices.filter((d) => d !== device) ?? [];
  if (others.some((d) => (d.lastUplinkAt ?? 0) > sentAtMs)) return 'superseded';
  const counters: IngestCounters = { uplinks: 0, unknownDevices: 0, malformed: 0, duplicates: 0 };
  const uplink = {
    devEui: quarantined.devEui,
    fPort: quarantined.fPort,
    // The quarantine did not keep the frame counter: 0 is never taken for a repeat.
    fCnt: 0,
    bytes: Uint8Array.from(Buffer.from(quarantined.payloadHex, 'hex')),
    receivedAt: quarantined.lastAt,
    ...(quarantined.rssiDbm !== null ? { rssiDbm: quarantined.rssiDbm } : {}),
    ...(quarantined.gatewayId !== null ? { gatewayId: quarantined.gatewayId } : {}),
  };
  const problem = applyUplink(uplink, state, alarms, counters, changes, onObservations);
  // The stand-in counter must not make the next real uplink look like a gap of lost uplinks.
  delete device.lastFCnt;
  return problem === undefined && counters.malformed === 0 ? 'decoded' : 'unreadable';
}
