import { CommandTypeName } from '../../../shared/domain/commands';
import { grantsProblem } from '../../../shared/domain/grants';
import type { CommandGrant } from '../../../shared/domain/users';

const NUMBER = String.raw`-?\d+(?:[.,]\d+)?`;
/** `heating.setpoint:18-21`, `heating.setpoint:18-` (minimum only), `lighting.dim:-50`, `gate.set`. */
const ALLOW = new RegExp(`^([a-z.]+)(?::(${NUMBER})?-(${NUMBER})?)?$`);

/**
 * The grants an admin types on the command line (`--allow`, once per command), or a French
 * message saying what is wrong. Decimals take a point or a comma (« 18,5 »).
 */
export function parseAllowOptions(values: readonly string[]): { grants: CommandGrant[] } | { problem: string } {
  const grants: CommandGrant[] = [];
  for (const value of values) {
    const match = ALLOW.exec(value.trim());
    const type = CommandTypeName.safeParse(match?.[1]);
    if (!match || !type.success) {
      return { problem: `--allow « ${value} » : attendu <commande>[:<min>-<max>], commande parmi ${CommandTypeName.options.join(', ')}` };
    }
    const bound = (text: string | undefined) => (text === undefined ? undefined : Number(text.replace(',', '.')));
    const min = bound(match[2]);
    const max = bound(match[3]);
    grants.push({ type: type.data, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) });
  }
  const problem = grantsProblem(grants);
  return problem ? { problem } : { grants };
}
