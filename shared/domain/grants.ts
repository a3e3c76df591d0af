import type { CommandType } from './commands';
import type { CommandGrant, Role, SessionUser } from './users';

/**
 * The commands a role may send when an admin gave the user no grants of their own. Elected
 * officials adjust their schools' heating within 18–21 °C (narrower than a building's 16–22 °C:
 * comfort, not the boiler's full range) and open or close their cemetery gate; operators and
 * admins act within each asset's own bounds; on-call staff acknowledge but do not command.
 */
const EVERY_COMMAND: readonly CommandGrant[] = [
  { type: 'heating.setpoint' },
  { type: 'heating.override' },
  { type: 'heating.schedule' },
  { type: 'gate.set' },
  { type: 'gate.hours' },
  { type: 'lighting.dim' },
  { type: 'lighting.schedule' },
];

/** Programmes count as their commands: a school's weekly comfort and reduced setpoints, a temporary override, a gate's hours. */
export const ROLE_DEFAULT_GRANTS: Record<Role, readonly CommandGrant[]> = {
  admin: EVERY_COMMAND,
  operator: EVERY_COMMAND,
  oncall: [],
  elected: [
    { type: 'heating.setpoint', min: 18, max: 21 },
    { type: 'heating.override', min: 18, max: 21 },
    { type: 'heating.schedule', min: 18, max: 21 },
    { type: 'gate.set' },
    { type: 'gate.hours' },
  ],
};

/** The user's own grants when an admin set some (even none at all), else their role's defaults. */
export function effectiveGrants(user: Pick<SessionUser, 'role' | 'grants'>): readonly CommandGrant[] {
  return user.grants ?? ROLE_DEFAULT_GRANTS[user.role];
}

/** The grant that lets this user send `type`, or undefined when they may not send it. */
export function grantFor(user: Pick<SessionUser, 'role' | 'grants'>, type: CommandType): CommandGrant | undefined {
  return effectiveGrants(user).find((grant) => grant.type === type);
}

/** Commands with no number a bound could narrow (open/close, opening hours, a lighting night). */
const UNBOUNDED: ReadonlySet<string> = new Set(['gate.set', 'gate.hours', 'lighting.schedule']);

export interface Bounds {
  min: number;
  max: number;
}

/**
 * The values a user may send: the asset's bounds narrowed by their grant's. `narrowed` says
 * whether the grant, not the asset, sets a limit (so a refusal can say whose limit it is). The
 * range may be empty (`min > max`) when a grant and an asset do not overlap: nothing is allowed.
 */
export function effectiveBounds(asset: Bounds, grant: Pick<CommandGrant, 'min' | 'max'>): Bounds & { narrowed: boolean } {
  const min = grant.min !== undefined ? Math.max(asset.min, grant.min) : asset.min;
  const max = grant.max !== undefined ? Math.min(asset.max, grant.max) : asset.max;
  return { min, max, narrowed: min !== asset.min || max !== asset.max };
}

/**
 * Why a list of grants cannot be stored, in French, or undefined when it can: one grant per
 * command type, bounds only on commands that carry a number, `min` no greater than `max`.
 */
export function grantsProblem(grants: readonly CommandGrant[]): string | undefined {
  const seen = new Set<string>();
  for (const grant of grants) {
    if (seen.has(grant.type)) return `Autorisation « ${grant.type} » en double : une seule par commande.`;
    seen.add(grant.type);
    const bounded = grant.min !== undefined || grant.max !== undefined;
    if (bounded && UNBOUNDED.has(grant.type)) return `La commande « ${grant.type} » ne porte pas de valeur numérique : elle ne prend pas de bornes.`;
    if (grant.min !== undefined && grant.max !== undefined && grant.min > grant.max) {
      return `Bornes de « ${grant.type} » inversées : le minimum (${grant.min}) dépasse le maximum (${grant.max}).`;
    }
  }
  return undefined;
}
