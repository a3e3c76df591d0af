/**
 * Which assets a map benchmark turns, so that the hub's rules make exactly `target` status
 * changes: lighting cabinets whose feeder trips (the cabinet in alarm, its street lamps offline:
 * the burst a storm makes), cabinets over their contracted power, and bins reported full. The
 * reverse readings restore every one of them.
 */
import type { TerritorySeed } from '../../../electron/hub/territory/types';
import type { Reading } from './field-feed';

export interface ChangeStep {
  reading: Exclude<Reading, 'normal'>;
  assetIds: string[];
}

export interface ChangePlan {
  steps: ChangeStep[];
  /** Status changes the rules should make, by asset kind. */
  expected: Map<string, number>;
  total: number;
  uplinks: number;
}

/** Spread picks over the whole list (ids sort by commune), not the first communes only. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]!);
}

/**
 * `feederTrips`: whether the hub turns a tripped feeder into a cabinet fault with offline lamps
 * (probed by the bench); without it, the plan uses only power overruns and full bins.
 */
export function planChanges(territory: TerritorySeed, target: number, feederTrips: boolean, exclude: ReadonlySet<string>): ChangePlan {
  const lampsOf = new Map<string, number>();
  for (const asset of territory.assets) {
    if (asset.kind === 'street-lamp' && asset.parentId) lampsOf.set(asset.parentId, (lampsOf.get(asset.parentId) ?? 0) + 1);
  }
  const cabinets = territory.assets.filter((a) => a.kind === 'lighting-cabinet' && !exclude.has(a.id)).map((a) => a.id);
  const bins = territory.assets.filter((a) => a.kind === 'waste-container' && !exclude.has(a.id)).map((a) => a.id);
  const expected = new Map<string, number>();
  const add = (kind: string, n: number) => n > 0 && expected.set(kind, (expected.get(kind) ?? 0) + n);

  // About half the changes from tripped feeders (each: the cabinet and its ~23 lamps).
  const tripped: string[] = [];
  let made = 0;
  if (feederTrips) {
    for (const id of spread(cabinets, Math.ceil(target / 10))) {
      const changes = 1 + (lampsOf.get(id) ?? 0);
      if (made + changes > target / 2) continue;
      tripped.push(id);
      made += changes;
    }
    add('lighting-cabinet', tripped.length);
    add('street-lamp', made - tripped.length);
  }
  const others = cabinets.filter((id) => !tripped.includes(id));
  const overrun = spread(others, Math.round(feederTrips ? target / 5 : target / 2));
  made += overrun.length;
  add('lighting-cabinet', overrun.length);
  const full = spread(bins, target - made);
  made += full.length;
  add('waste-container', full.length);

  const steps: ChangeStep[] = [
    { reading: 'feeder-tripped' as const, assetIds: tripped },
    { reading: 'cabinet-overrun' as const, assetIds: overrun },
    { reading: 'bin-full' as const, assetIds: full },
  ].filter((s) => s.assetIds.length > 0);
  return { steps, expected, total: made, uplinks: tripped.length + overrun.length + full.length };
}

/** A cabinet with lamps, outside any plan, to probe the tripped-feeder rule with. */
export function probeCabinet(territory: TerritorySeed): string {
  const lamp = territory.assets.find((a) => a.kind === 'street-lamp' && a.parentId);
  if (!lamp?.parentId) throw new Error('aucune armoire avec des points lumineux dans ce territoire');
  return lamp.parentId;
}
