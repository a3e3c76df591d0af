import { lightingImpact } from '../commands';
import { formatNumber, translate, type Locale, type MessageKey } from '../i18n';
import type { AssetBuffers } from '../state';

/** What a group command touches, counted before it is sent. */
export interface GroupImpact {
  cabinets: number;
  /** Street lamps fed by the cabinets, where the territory knows them (0 where it does not). */
  lamps: number;
  gates: number;
  communes: number;
}

/** The group's action as the operator chose it. */
export type GroupAction =
  | { type: 'lighting.dim'; percent: number }
  | { type: 'lighting.schedule' }
  | { type: 'gate.set'; position: 'open' | 'closed' };

/** Counts the group's cabinets (with their lamps, one pass over the lamps), gates and communes. */
export function groupImpact(buffers: AssetBuffers, ids: ReadonlySet<string>): GroupImpact {
  const cabinetIds = new Set<string>();
  const communes = new Set<string>();
  let gates = 0;
  // Kind and commune from the columns: a lasso over hundreds of cabinets decodes no record.
  for (const id of ids) {
    const index = buffers.indexOf(id);
    if (index === undefined) continue;
    communes.add(buffers.communeAt(index));
    const kind = buffers.kindAt(index);
    if (kind === 'lighting-cabinet') cabinetIds.add(id);
    else if (kind === 'gate') gates++;
  }
  const lighting = cabinetIds.size > 0 ? lightingImpact(buffers, cabinetIds) : { cabinets: 0, lamps: 0 };
  return { cabinets: lighting.cabinets, lamps: lighting.lamps, gates, communes: communes.size };
}

/** French makes 0 and 1 singular (« 0 armoire »), English only 1. */
function counted(locale: Locale, key: 'cabinets' | 'lamps' | 'gates' | 'communes', count: number): string {
  const one = locale === 'fr' ? count < 2 : count === 1;
  return translate(locale, `groups.count.${key}.${one ? 'one' : 'other'}` as MessageKey, { count: formatNumber(count, 0, locale) });
}

/**
 * The consequence in one line, as the operator reads it before confirming: « coupe 12 armoires,
 * 1 840 points lumineux, 3 communes », « passe 12 armoires à 50 % … », « ouvre 3 portails de
 * cimetière, 2 communes ». Lamps are left out where the territory does not know them.
 */
export function impactSentence(locale: Locale, impact: GroupImpact, action: GroupAction): string {
  const lamps = impact.lamps > 0 ? `, ${counted(locale, 'lamps', impact.lamps)}` : '';
  const rest = `${lamps}, ${counted(locale, 'communes', impact.communes)}`;
  const cabinets = counted(locale, 'cabinets', impact.cabinets);
  switch (action.type) {
    case 'lighting.dim':
      if (action.percent === 0) return translate(locale, 'groups.impact.off', { cabinets, rest });
      if (action.percent === 100) return translate(locale, 'groups.impact.on', { cabinets, rest });
      return translate(locale, 'groups.impact.dim', { cabinets, rest, level: `${formatNumber(action.percent, 0, locale)}\u00a0%` });
    case 'lighting.schedule':
      return translate(locale, 'groups.impact.schedule', { cabinets, rest });
    case 'gate.set':
      return translate(locale, action.position === 'open' ? 'groups.impact.open' : 'groups.impact.close', {
        gates: counted(locale, 'gates', impact.gates),
        rest: `, ${counted(locale, 'communes', impact.communes)}`,
      });
  }
}
