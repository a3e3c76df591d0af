import { DEFAULT_SETPOINT_BOUNDS_C, type DeviceCommandRequest, type ProgrammeRequest } from '../../../shared/domain/commands';
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
export function planCommand(record: AssetRecord, request: DeviceCommandRequest): PlannedCommand {
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

function checkApplies(record: AssetRecord, request: DeviceCommandRequest): void {
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

function checkSetpoint(record: AssetRecord, celsius: number, what = 'Consigne', bounds = setpointBounds(record)): void {
  const { min, max } = bounds;
  if (celsius < min || celsius > max) {
    throw new HubError(
      'command.out-of-range',
      `${what} refusée : elle doit être comprise entre ${formatNumberFr(min)} et ${formatNumberFr(max)} °C ` +
        `pour ce bâtiment (demandé : ${formatNumberFr(celsius)} °C).`,
      { min, max, unit: '°C' },
    );
  }
  const step = record.asset.accepts?.find((accepted) => accepted.type === 'heating.setpoint')?.stepC;
  if (step !== undefined && Math.abs(Math.round(celsius / step) * step - celsius) > 1e-6) {
    throw new HubError(
      'command.out-of-range',
      `${what} refusée : le thermostat de ce bâtiment ne prend que des pas de ${formatNumberFr(step)} °C (demandé : ${formatNumberFr(celsius)} °C).`,
      { min, max, unit: '°C' },
    );
  }
}

/** Frost protection: below the comfort bounds on purpose, but enough to keep pipes from freezing. */
export const FROST_PROTECTION_BOUNDS_C = { min: 5, max: 12 } as const;

/**
 * Checks a programme against the asset before the hub takes it on: the asset runs this kind of
 * programme (its device carries the commands the programme will send), and every value the
 * programme will send is one the device and the building's bounds accept.
 */
export function checkProgramme(record: AssetRecord, request: ProgrammeRequest): void {
  if (!record.asset.accepts?.some((accepted) => accepted.type === request.type)) {
    throw new HubError('command.unsupported', `« ${record.asset.name} » n'accepte pas la commande ${request.type}.`);
  }
  switch (request.type) {
    case 'heating.override':
      checkSetpoint(record, request.celsius, 'Dérogation');
      return;
    case 'heating.schedule':
      if (!request.programme) return;
      checkSetpoint(record, request.programme.setpoints.comfort, 'Consigne de confort');
      checkSetpoint(record, request.programme.setpoints.reduced, 'Consigne réduite');
      checkSetpoint(record, request.programme.setpoints.frost, 'Consigne hors-gel', FROST_PROTECTION_BOUNDS_C);
      return;
    case 'lighting.schedule': {
      const dimmable = record.asset.accepts.some((accepted) => accepted.type === 'lighting.dim' && accepted.dimmable);
      const levels = request.schedule ? [request.schedule.duskPercent, ...request.schedule.dimming.map((step) => step.percent)] : [];
      if (!dimmable && levels.some((percent) => percent !== 0 && percent !== 100)) {
        throw new HubError(
          'command.unsupported',
          `Le contrôleur de « ${record.asset.name} » ne fait qu’allumer ou éteindre : les paliers ne peuvent valoir que 0 % ou 100 %.`,
        );
      }
      return;
    }
    case 'gate.hours':
      return;
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
