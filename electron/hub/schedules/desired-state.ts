import { z } from 'zod';
import { DesiredState, type Drift } from '../../../shared/domain/assets';
import type { DeviceCommandRequest } from '../../../shared/domain/commands';
import type { AlarmBook } from '../alarms/alarm-book';
import { formatNumberFr } from '../rules/format';
import type { Database } from '../store/db';
import type { ChangeSet } from '../store/change-set';
import type { AssetRecord } from '../state/records';
import type { TerritoryState } from '../state/territory-state';

/**
 * Desired against reported: what the hub last asked of an asset's device (a person's command or a
 * programme's), compared with what the device reports. A disagreement that outlasts the time the
 * device needs to answer is drift, shown on the map and in the panel; a gate not where it was sent
 * raises an alarm.
 */
export const GATE_POSITION_CONDITION = 'gate.position';

/** A class A device answers at its next uplink and confirms at the one after: two periods, and a margin. */
const GRACE_MARGIN_MS = 60_000;

export function desiredOf(request: DeviceCommandRequest, source: DesiredState['source'], at: string): DesiredState {
  switch (request.type) {
    case 'heating.setpoint':
      return { setpointC: request.celsius, source, since: at };
    case 'gate.set':
      return { gateOpen: request.position === 'open', source, since: at };
    case 'lighting.dim':
      return { dimPercent: request.percent, source, since: at };
  }
}

/** Sets what the device is now expected to report; drift is judged afresh from now. */
export function recordDesired(record: AssetRecord, desired: DesiredState, changes: ChangeSet): void {
  record.asset.desired = desired;
  delete record.asset.drift;
  changes.write({
    sql: 'INSERT INTO desired_states (asset_id, body, source, since) VALUES (?, ?, ?, ?) ON CONFLICT (asset_id) DO UPDATE SET body = excluded.body, source = excluded.source, since = excluded.since',
    params: [record.asset.id, JSON.stringify(desired), desired.source, desired.since],
  });
  changes.asset(record);
}

const DesiredRow = z.object({ asset_id: z.string(), body: z.string() });

/** Puts the desired states back on the assets after a restart. */
export async function loadDesiredStates(db: Database, state: TerritoryState): Promise<void> {
  for (const raw of await db.all('SELECT asset_id, body FROM desired_states')) {
    const row = DesiredRow.parse(raw);
    const record = state.assets.get(row.asset_id);
    const desired = DesiredState.safeParse(JSON.parse(row.body));
    if (record && desired.success) record.asset.desired = desired.data;
  }
}

/** Why the reported values disagree with the desired state, in French, or undefined if they agree (or are unknown). */
export function disagreement(desired: DesiredState, metrics: Record<string, unknown>): string | undefined {
  if (desired.setpointC !== undefined && typeof metrics.setpointC === 'number' && Math.abs(metrics.setpointC - desired.setpointC) > 0.26) {
    return `Consigne relevée ${formatNumberFr(metrics.setpointC)} °C, attendue ${formatNumberFr(desired.setpointC)} °C.`;
  }
  if (desired.gateOpen !== undefined && typeof metrics.gateOpen === 'boolean' && metrics.gateOpen !== desired.gateOpen) {
    return `Portail ${metrics.gateOpen ? 'ouvert' : 'fermé'}, attendu ${desired.gateOpen ? 'ouvert' : 'fermé'}.`;
  }
  if (desired.dimPercent !== undefined) {
    if (typeof metrics.dimPercent === 'number' && metrics.dimPercent !== desired.dimPercent) {
      return `Éclairage relevé à ${metrics.dimPercent} %, attendu à ${desired.dimPercent} %.`;
    }
    if (typeof metrics.dimPercent !== 'number' && typeof metrics.relayOn === 'boolean' && metrics.relayOn !== desired.dimPercent > 0) {
      return `Éclairage ${metrics.relayOn ? 'allumé' : 'éteint'}, attendu ${desired.dimPercent > 0 ? 'allumé' : 'éteint'}.`;
    }
  }
  return undefined;
}

export function graceMs(record: AssetRecord): number {
  const periodS = Math.max(60, ...record.devices.map((device) => device.uplinkPeriodS));
  return 2 * periodS * 1000 + GRACE_MARGIN_MS;
}

/** Marks (or clears) drift on every asset with a desired state; a gate out of position raises an alarm. */
export function sweepDrift(state: TerritoryState, alarms: AlarmBook, nowMs: number, changes: ChangeSet): void {
  const at = new Date(nowMs).toISOString();
  for (const record of state.assets.values()) {
    const desired = record.asset.desired;
    if (!desired) continue;
    const message = nowMs - Date.parse(desired.since) >= graceMs(record) ? disagreement(desired, record.asset.metrics) : undefined;
    const drift: Drift | undefined = message ? { since: record.asset.drift?.since ?? at, message } : undefined;
    if (drift?.message === record.asset.drift?.message) continue;
    if (drift) record.asset.drift = drift;
    else delete record.asset.drift;
    changes.asset(record);
    if (record.asset.kind === 'gate' && desired.gateOpen !== undefined) {
      if (drift) alarms.raise(record, GATE_POSITION_CONDITION, alarms.thresholds.priorityOf(GATE_POSITION_CONDITION, 'high'), `Le portail n’a pas atteint la position commandée : ${drift.message}`, at, changes);
      else alarms.clear(record.asset.id, GATE_POSITION_CONDITION, at, changes);
    }
  }
}
