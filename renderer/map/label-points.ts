import type { OutlineCollection, OutlineFeature } from './geo-outlines';

type Ring = ReadonlyArray<readonly [number, number]>;

/** Signed area (shoelace) and centroid of a ring, in degrees (fine at commune scale). */
function ringCentroid(ring: Ring): { area: number; x: number; y: number } {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    const cross = xj * yi - xi * yj;
    area += cross;
    x += (xj + xi) * cross;
    y += (yj + yi) * cross;
  }
  area /= 2;
  return area === 0 ? { area: 0, x: ring[0]![0], y: ring[0]![1] } : { area, x: x / (6 * area), y: y / (6 * area) };
}

/** Where a horizontal line at latitude `y` crosses the ring, sorted west to east. */
function crossings(ring: Ring, y: number): number[] {
  const xs: number[] = [];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y) xs.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
  }
  return xs.sort((a, b) => a - b);
}

/**
 * One point inside a commune to hang its name on: the centroid of its largest part, moved to the
 * middle of the widest inside stretch of that latitude when the centroid falls outside (a
 * crescent-shaped commune). One label per commune, wherever the tiles are cut.
 */
export function labelPoint(feature: OutlineFeature): [number, number] {
  const outers: Ring[] = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates[0]!] : feature.geometry.coordinates.map((p) => p[0]!);
  let best: Ring = outers[0]!;
  let bestArea = -1;
  for (const ring of outers) {
    const area = Math.abs(ringCentroid(ring).area);
    if (area > bestArea) {
      bestArea = area;
      best = ring;
    }
  }
  const { x, y } = ringCentroid(best);
  const xs = crossings(best, y);
  let widest: [number, number] | null = null;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const [a, b] = [xs[i]!, xs[i + 1]!];
    if (x >= a && x <= b) return [x, y];
    if (!widest || b - a > widest[1] - widest[0]) widest = [a, b];
  }
  return widest ? [(widest[0] + widest[1]) / 2, y] : [x, y];
}

export interface LabelCollection {
  type: 'FeatureCollection';
  features: Array<{ type: 'Feature'; properties: { code: string; nom: string; scope: CommuneScope }; geometry: { type: 'Point'; coordinates: [number, number] } }>;
}

/** How a commune relates to the user's scope: `all` when the user sees the whole territory. */
export type CommuneScope = 'all' | 'in' | 'out';

export function communeLabels(communes: OutlineCollection, scopeOf: (code: string) => CommuneScope): LabelCollection {
  return {
    type: 'FeatureCollection',
    features: communes.features.map((f) => ({
      type: 'Feature',
      properties: { code: f.properties.code, nom: f.properties.nom, scope: scopeOf(f.properties.code) },
      geometry: { type: 'Point', coordinates: labelPoint(f) },
    })),
  };
}
