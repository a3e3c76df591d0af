import type { CommandType } from '../../../shared/domain/commands';
import { roleMayCommand, type SessionUser } from '../../../shared/domain/users';

/**
 * Which commands a role may send. Elected officials act on their own commune's heating and
 * cemetery gate; on-call staff acknowledge but do not command. (Finer grants come with user admin.)
 */
export function mayCommand(user: SessionUser, type: CommandType): boolean {
  return roleMayCommand(user.role, type);
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

/** The quarantine of undeclared devices is for the command post (it tells them what to declare). */
export function mayReadQuarantine(user: SessionUser): boolean {
  return user.role === 'admin' || user.role === 'operator';
}
