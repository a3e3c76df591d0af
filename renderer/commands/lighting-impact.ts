import type { AssetBuffers } from '../state';

/** What switching or dimming some cabinets touches: the operator reads it before confirming. */
export interface LightingImpact {
  cabinets: number;
  lamps: number;
  communes: number;
}

/** Counts the street lamps fed by these cabinets (one pass over the lamps' range) and their communes. */
export function lightingImpact(buffers: AssetBuffers, cabinetIds: ReadonlySet<string>): LightingImpact {
  const communes = new Set<string>();
  let cabinets = 0;
  for (const id of cabinetIds) {
    const cabinet = buffers.get(id);
    if (cabinet) (cabinets++, communes.add(cabinet.commune));
  }
  let lamps = 0;
  const range = buffers.ranges['street-lamp'];
  for (let i = range.start; i < range.start + range.count; i++) {
    const parent = buffers.records.at(i)!.parentId;
    if (parent !== undefined && cabinetIds.has(parent)) lamps++;
  }
  return { cabinets, lamps, communes: communes.size };
}
