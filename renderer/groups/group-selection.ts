import { grantFor, type Asset, type CommandType, type SessionUser } from '../../shared';
import type { AssetBuffers, LonLatPolygon } from '../state';

/** The kinds a group command applies to: lighting cabinets (switch, dim, schedule) and cemetery gates. */
export const GROUP_KINDS = ['lighting-cabinet', 'gate'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** The commands a group of each kind can be sent. */
const COMMANDS_OF: Record<GroupKind, readonly CommandType[]> = {
  'lighting-cabinet': ['lighting.dim', 'lighting.schedule'],
  gate: ['gate.set'],
};

/** Group kinds this user may command at all (the hub checks again, asset by asset). */
export function commandableKinds(user: Pick<SessionUser, 'role' | 'grants'>): GroupKind[] {
  return GROUP_KINDS.filter((kind) => COMMANDS_OF[kind].some((type) => grantFor(user, type) !== undefined));
}

/** Whether this asset takes one of its group's commands (its device can carry it). */
function takesGroupCommand(asset: Asset, kind: GroupKind): boolean {
  return asset.accepts?.some((accepted) => COMMANDS_OF[kind].includes(accepted.type)) ?? false;
}

/**
 * Whether (lon, lat) is inside the polygon: even-odd ray casting, so a lasso that crosses itself
 * still selects what the eye sees as inside. Flat coordinates are fine at a commune's scale.
 */
export function pointInPolygon(lon: number, lat: number, polygon: LonLatPolygon): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * The assets of `kind` inside the lasso that take its commands: one pass over that kind's range
 * of the columnar positions, with the polygon's bounding box as a cheap first test.
 */
export function selectInPolygon(buffers: AssetBuffers, polygon: LonLatPolygon, kind: GroupKind): string[] {
  if (polygon.length < 3) return [];
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const [lon, lat] of polygon) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  const { positions } = buffers;
  const range = buffers.ranges[kind];
  const selected: string[] = [];
  for (let i = range.start; i < range.start + range.count; i++) {
    const lon = positions[i * 2]!;
    const lat = positions[i * 2 + 1]!;
    if (lon < west || lon > east || lat < south || lat > north) continue;
    if (pointInPolygon(lon, lat, polygon) && takesGroupCommand(buffers.records.at(i)!, kind)) selected.push(buffers.ids[i]!);
  }
  return selected;
}

/**
 * The assets of `kind` in a commune (every commune when `commune` is null) that take its commands.
 * The commune comes from its column: only the assets in that commune have their record decoded.
 */
export function selectFiltered(buffers: AssetBuffers, kind: GroupKind, commune: string | null): string[] {
  const range = buffers.ranges[kind];
  const selected: string[] = [];
  for (let i = range.start; i < range.start + range.count; i++) {
    if (commune !== null && buffers.communeAt(i) !== commune) continue;
    if (takesGroupCommand(buffers.records.at(i)!, kind)) selected.push(buffers.ids[i]!);
  }
  return selected;
}

/**
 * The INSEE codes of the communes holding at least one asset of `kind` that takes its commands
 * (the commune filter's choices). A commune already found is not looked at again, so a record is
 * decoded only until its commune has one: a few hundred records, not every cabinet's.
 */
export function communesWithGroupAssets(buffers: AssetBuffers, kind: GroupKind): Set<string> {
  const range = buffers.ranges[kind];
  const found = new Set<string>();
  for (let i = range.start; i < range.start + range.count; i++) {
    const commune = buffers.communeAt(i);
    if (!found.has(commune) && takesGroupCommand(buffers.records.at(i)!, kind)) found.add(commune);
  }
  return found;
}
