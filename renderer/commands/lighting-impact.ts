import type { AssetBuffers } from '../state';

/** What switching or dimming some cabinets touches: the operator reads it before confirming. */
export interface LightingImpact {
  cabinets: number;
  lamps: number;
  communes: number;
}

/**
 * Counts the street lamps fed by these cabinets and their communes, from the columns alone (one
 * pass over the lamps' parents): no record is decoded, which on a 90k-lamp territory would cost
 * the first confirmation about a second.
 */
export function lightingImpact(buffers: AssetBuffers, cabinetIds: ReadonlySet<string>): LightingImpact {
  const communes = new Set<string>();
  // 1 + index, as the parents column has it.
  const cabinets = new Set<number>();
  for (const id of cabinetIds) {
    const index = buffers.indexOf(id);
    if (index === undefined) continue;
    cabinets.add(index + 1);
    communes.add(buffers.communeAt(index));
  }
  let lamps = 0;
  const range = buffers.ranges['street-lamp'];
  const parents = buffers.parents;
  for (let i = range.start; i < range.start + range.count; i++) if (cabinets.has(parents[i]!)) lamps++;
  return { cabinets: cabinets.size, lamps, communes: communes.size };
}
