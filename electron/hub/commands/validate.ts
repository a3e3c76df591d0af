import { DEFAULT_SETPOINT_BOUNDS_C, type CommandRequest } from '../../../shared/domain/commands';
import { getCodec } from '../codecs/registry';
import { HubError } from '../errors';
import { formatNumberFr } from '../rules/format';
import type { AssetRecord, DeviceRecord } from '../state/records';

/** A command the hub accepted: which device carries it and the downlink bytes. */
export interface PlannedCommand {
  device: DeviceRecord;
  fPort: number;
  bytes: Uint8Array;
}

/**
 * Checks a command against the asset (does it take this command, is the value within its
 * bounds) and finds the device whose model can carry it. Refusals are `HubError`s with a French
 * message saying what is allowed.
 */
export function planCommand(record: AssetRecord, request: CommandRequest): PlannedCommand {
  checkApplies(record, request);
  if (request.type === 'heating.setpoint') checkSetpoint(record, request.celsius);
  let reason: string | undefined;
  for (const device of record.devices) {
    const codec = getCodec(device.model);
    const downlink = codec?.encodeDownlink?.(request);
    if (downlink) return { device, ...downlink };
    reason ??= codec?.whyUnsupported?.(request);
  }
  throw new HubError(
    'command.unsupported',
    reason ?? `Aucun appareil de « ${record.asset.name} » ne sait exécuter cette commande.`,
  );
}

function checkApplies(record: AssetRecord, request: CommandRequest): void {
  const { kind } = record.asset;
  const applies =
    (request.type === 'heating.setpoint' && kind === 'building') ||
    (request.type === 'gate.set' && kind === 'gate') ||
    (request.type === 'lighting.dim' && kind === 'lighting-cabinet');
  if (!applies) {
    throw new HubError('command.unsupported', `« ${record.asset.name} » n'accepte pas la commande ${request.type}.`);
  }
}

export function setpointBounds(record: AssetRecord): { min: number; max: number } {
  const { setpointMinC, setpointMaxC } = record.settings;
  return {
    min: typeof setpointMinC === 'number' ? setpointMinC : DEFAULT_SETPOINT_BOUNDS_C.min,
    max: typeof setpointMaxC === 'number' ? setpointMaxC : DEFAULT_SETPOINT_BOUNDS_C.max,
  };
}

function checkSetpoint(record: AssetRecord, celsius: number): void {
  const { min, max } = setpointBounds(record);
  if (celsius < min || celsius > max) {
    throw new HubError(
      'command.out-of-range',
      `Consigne refusée : elle doit être comprise entre ${formatNumberFr(min)} et ${formatNumberFr(max)} °C ` +
        `pour ce bâtiment (demandé : ${formatNumberFr(celsius)} °C).`,
      { min, max, unit: '°C' },
    );
  }
}

/** Whether a reported value shows the command applied (read-back). */
export function isConfirmedBy(request: Record<string, unknown>, type: string, metrics: Record<string, unknown>): boolean {
  switch (type) {
    case 'heating.setpoint':
      return typeof metrics.setpointC === 'number' && typeof request.celsius === 'number'
        ? Math.abs(metrics.setpointC - request.celsius) < 0.26
        : false;
    case 'gate.set':
      return typeof metrics.gateOpen === 'boolean' && metrics.gateOpen === (request.position === 'open');
    case 'lighting.dim':
      if (typeof metrics.dimPercent === 'number') return metrics.dimPercent === request.percent;
      return typeof metrics.relayOn === 'boolean' && metrics.relayOn === (Number(request.percent) > 0);
    default:
      return false;
  }
}
