import type { CommandRequest, CommandType } from '../../../shared/domain/commands';
import { effectiveBounds, grantFor, type Bounds } from '../../../shared/domain/grants';
import { seesDevices, viewsCameras, type SessionUser } from '../../../shared/domain/users';
import { setpointBounds } from '../commands/validate';
import { HubError } from '../errors';
import { formatNumberFr } from '../rules/format';
import type { AssetRecord } from '../state/records';

/**
 * Whether the user may send this type of command: per their own grants when an admin set some,
 * else per their role's defaults (shared/domain/grants.ts: elected officials heating and gates,
 * on-call staff nothing, operators and admins everything).
 */
export function mayCommand(user: SessionUser, type: CommandType): boolean {
  return grantFor(user, type) !== undefined;
}

/**
 * The numbers a command carries and the asset's own bounds for them; none for open/close and
 * for lighting schedules. A heating programme carries its comfort and reduced setpoints (frost
 * protection is a safety level, below any comfort range, and is bounded by the building).
 */
function commandValues(record: AssetRecord, request: CommandRequest): { what: string; value: number; bounds: Bounds; unit: string }[] {
  switch (request.type) {
    case 'heating.setpoint':
      return [{ what: 'Consigne', value: request.celsius, bounds: setpointBounds(record), unit: '°C' }];
    case 'heating.override':
      return [{ what: 'Dérogation', value: request.celsius, bounds: setpointBounds(record), unit: '°C' }];
    case 'heating.schedule':
      return request.programme
        ? [
            { what: 'Consigne de confort', value: request.programme.setpoints.comfort, bounds: setpointBounds(record), unit: '°C' },
            { what: 'Consigne réduite', value: request.programme.setpoints.reduced, bounds: setpointBounds(record), unit: '°C' },
          ]
        : [];
    case 'lighting.dim':
      return [{ what: 'Valeur', value: request.percent, bounds: { min: 0, max: 100 }, unit: '%' }];
    case 'gate.set':
    case 'gate.hours':
    case 'lighting.schedule':
      return [];
  }
}

/**
 * Refuses a command outside what this user may send on this asset: the intersection of the
 * asset's bounds and the user's grant. When the grant narrows nothing, the asset's bounds are
 * the user's and the command planner words the refusal for the building.
 */
export function checkCommandBounds(user: SessionUser, record: AssetRecord, request: CommandRequest): void {
  const grant = grantFor(user, request.type);
  if (!grant) return;
  for (const carried of commandValues(record, request)) {
    const allowed = effectiveBounds(carried.bounds, grant);
    if (!allowed.narrowed || (carried.value >= allowed.min && carried.value <= allowed.max)) continue;
    const details = { min: allowed.min, max: allowed.max, unit: carried.unit, limitedBy: 'grant' };
    if (allowed.min > allowed.max) {
      throw new HubError('command.out-of-range', 'Aucune valeur de cette commande n’est autorisée pour votre compte sur cet équipement. Adressez-vous à un administrateur.', details);
    }
    throw new HubError(
      'command.out-of-range',
      `${carried.what} hors des limites autorisées pour votre compte : entre ${formatNumberFr(allowed.min)} et ${formatNumberFr(allowed.max)} ${carried.unit}.`,
      details,
    );
  }
}

/** Camera views: the command post's (shared/domain/users.ts `viewsCameras`), not elected officials'. */
export function mayViewCameras(user: SessionUser): boolean {
  return viewsCameras(user.role);
}

/**
 * Acknowledging is the command post's and the on-call staff's work: it tells colleagues someone
 * is on it. Elected officials see their commune's alarms but do not acknowledge them.
 */
export function mayAcknowledge(user: SessionUser): boolean {
  return user.role !== 'elected';
}

/**
 * Shelving an alarm and planning maintenance silence alarms for everyone: the command post's
 * decision (admins, operators), not the on-call person's nor an elected official's.
 */
export function maySuppressAlarms(user: SessionUser): boolean {
  return user.role === 'admin' || user.role === 'operator';
}

/** Users, settings and the device registry are the administrators' work. */
export function mayAdminister(user: SessionUser): boolean {
  return user.role === 'admin';
}

/** Alarm thresholds are read by the command post (why did it raise?); admins change them. */
export function mayReadThresholds(user: SessionUser): boolean {
  return user.role === 'admin' || user.role === 'operator';
}

/** The quarantine of undeclared devices is for the command post (it tells them what to declare). */
export function mayReadQuarantine(user: SessionUser): boolean {
  return user.role === 'admin' || user.role === 'operator';
}

/**
 * The main courante is the command post's working record: operators, admins and on-call staff
 * read it and write in it. Elected officials have no access at all, not even to their commune's
 * entries: colleagues write there for colleagues (names, hunches, half-checked facts), and what
 * an elected official needs (alarms, command outcomes) their console already shows.
 */
export function mayKeepLogbook(user: SessionUser): boolean {
  return user.role !== 'elected';
}

/** The device registry (DevEUIs, radio health) is technical data for the command post. */
export function mayReadDevices(user: SessionUser): boolean {
  return seesDevices(user.role);
}

/**
 * Rosters are read by the command post and the people on call (their own shifts); elected
 * officials have no part in them. Only admins edit them.
 */
export function mayReadRosters(user: SessionUser): boolean {
  return user.role === 'admin' || user.role === 'operator' || user.role === 'oncall';
}
