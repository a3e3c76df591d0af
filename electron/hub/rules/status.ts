import { worstStatus, type AssetStatus } from '../../../shared/domain/assets';
import type { AssetRecord } from '../state/records';
import { CONDITIONS, GATEWAY_SILENCE, SILENCE_CONDITION } from './conditions';

const STATUS_OF_CONDITION = new Map<string, AssetStatus>([
  ...CONDITIONS.map((c) => [c.id, c.status] as const),
  [SILENCE_CONDITION.id, SILENCE_CONDITION.status],
  [GATEWAY_SILENCE.id, GATEWAY_SILENCE.status],
]);

/**
 * What the map shows for an asset: the worst of its active conditions and a silent device (a bin
 * three quarters full is the low-priority condition `bin.nearly-full`, whose status is a warning).
 */
export function deriveStatus(record: AssetRecord, activeConditions: Iterable<string>): AssetStatus {
  let status: AssetStatus = 'ok';
  for (const condition of activeConditions) {
    status = worstStatus(status, STATUS_OF_CONDITION.get(condition) ?? 'warning');
  }
  if (record.devices.some((d) => d.silent)) status = worstStatus(status, 'stale');
  return status;
}

/**
 * A street lamp follows its feeder cabinet: dark when the cabinet is in fault, in doubt when one of
 * its lines tripped (we do not know which lamps hang on it), unknown when the cabinet is silent.
 */
export function lampStatus(cabinet: AssetRecord, cabinetConditions: ReadonlySet<string>): AssetStatus {
  if (cabinetConditions.has('cabinet.fault')) return 'offline';
  if (cabinetConditions.has('cabinet.feeder-fault')) return 'warning';
  if (cabinet.asset.status === 'stale') return 'stale';
  return 'ok';
}
