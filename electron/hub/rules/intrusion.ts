import { hourOf, parisTime } from '../../../shared/calendar/paris-time';
import type { GateHours } from '../../../shared/domain/schedules';
import { windowOn } from '../../../shared/schedules/gate-hours';
import type { AssetRecord } from '../state/records';

/**
 * Whether a gate may stand open at `atMs`: within its opening hours (its gate.hours programme,
 * else its own `openAt`/`closeAt` settings, Paris time), or when someone or a programme commanded
 * it open (the desired state). A gate with no hours at all is never an intrusion.
 */
export function gateMayBeOpen(record: AssetRecord, atMs: number, hours: GateHours | undefined): boolean {
  if (record.asset.desired?.gateOpen === true) return true;
  if (hours) {
    const window = windowOn(hours, parisTime(atMs).date);
    return window.openMs !== undefined && window.closeMs !== undefined && atMs >= window.openMs && atMs < window.closeMs;
  }
  const { openAt, closeAt } = record.settings;
  // Hours we cannot read are no hours: better no intrusion alarm than one every night by mistake.
  if (!isWallTime(openAt) || !isWallTime(closeAt)) return true;
  const hour = parisTime(atMs).hour;
  return hour >= hourOf(openAt) && hour < hourOf(closeAt);
}

function isWallTime(value: unknown): value is string {
  return typeof value === 'string' && /^([01]?\d|2[0-3]):[0-5]\d$/.test(value);
}
