import { z } from 'zod';
import { InseeCode } from './assets';

export const Role = z.enum(['admin', 'operator', 'oncall', 'elected']);
export type Role = z.infer<typeof Role>;

export const SessionUser = z.object({
  username: z.string(),
  role: Role,
  /** INSEE codes the user is scoped to; empty for roles that see the whole territory. */
  communes: z.array(InseeCode),
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
