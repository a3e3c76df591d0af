import { z } from 'zod';
import { InseeCode } from './assets';
import { CommandTypeName } from './commands';

export const Role = z.enum(['admin', 'operator', 'oncall', 'elected']);
export type Role = z.infer<typeof Role>;

/**
 * One command an admin allows a user to send, optionally within narrower bounds than the asset's
 * own (an elected official's school heating, 18–21 °C, where the building allows 16–22 °C).
 * Bounds apply to the command's numeric parameter (°C for a setpoint, % for dimming).
 */
export const CommandGrant = z.object({
  type: CommandTypeName,
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
});
export type CommandGrant = z.infer<typeof CommandGrant>;

export const SessionUser = z.object({
  username: z.string(),
  role: Role,
  /** INSEE codes the user is scoped to; empty for roles that see the whole territory. */
  communes: z.array(InseeCode),
  /** Asset ids narrowing the scope to some sites of those communes; absent or empty = all of them. */
  sites: z.array(z.string().min(1).max(64)).max(500).optional(),
  /** Commands this user may send; absent = the role's defaults (see the hub's permissions). */
  grants: z.array(CommandGrant).max(20).optional(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const Session = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: SessionUser,
});
export type Session = z.infer<typeof Session>;

/** Whether a user may see things of a commune: an empty scope means the whole territory. */
export function canSeeCommune(user: SessionUser, commune: string): boolean {
  return user.communes.length === 0 || user.communes.includes(commune);
}

/** Device identifiers are technical data for the command post, not for elected officials. */
export function seesDevices(role: Role): boolean {
  return role === 'admin' || role === 'operator';
}

/**
 * Commands a role may send by default (the hub decides, the console hides what would be refused):
 * the command post everything, elected officials their schools' heating and their cemetery gate,
 * on-call staff nothing (they acknowledge).
 */
export function roleMayCommand(role: Role, type: string): boolean {
  switch (role) {
    case 'admin':
    case 'operator':
      return true;
    case 'elected':
      return type.startsWith('heating.') || type.startsWith('gate.');
    case 'oncall':
      return false;
  }
}
