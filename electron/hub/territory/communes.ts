import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createRng, type Rng } from './random';
import {
  insideShape,
  ringCentroid,
  shapeAreaKm2,
  shapeBounds,
  type Bounds,
  type Position,
  type Shape,
} from './geometry';

/** A commune outline ready for placing assets in it. */
export interface Commune {
  code: string;
  name: string;
  shape: Shape;
  bounds: Bounds;
  areaKm2: number;
  /** A point inside the outline near its middle: where the town hall stands, the "bourg". */
  centre: Position;
}

const PositionSchema = z.tuple([z.number(), z.number()]).rest(z.number());
const RingSchema = z.array(PositionSchema).min(4);
const GeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(RingSchema).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(RingSchema).min(1)).min(1) }),
]);
const CommunesSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      properties: z.object({ code: z.string().regex(/^\d{5}$|^2[AB]\d{3}$/), nom: z.string().min(1) }),
      geometry: GeometrySchema,
    }),
  ),
});

/**
 * Where `resources/` is: `BEFFROI_RESOURCES_DIR` when the packaged app says so, else the repository's
 * (found from this file, then from the working directory, so tsx, vitest and bundles all work).
 */
export function resourcesDir(): string {
  const candidates: string[] = [];
  if (process.env.BEFFROI_RESOURCES_DIR) candidates.push(process.env.BEFFROI_RESOURCES_DIR);
  try {
    candidates.push(fileURLToPath(new URL('../../../resources', import.meta.url)));
  } catch {
    // Bundled without a file URL: fall back to the working directory.
  }
  candidates.push(path.join(process.cwd(), 'resources'));
  const found = candidates.find((dir) => existsSync(path.join(dir, 'geo')));
  if (!found) throw new Error(`Dossier resources/geo introuvable (cherché dans : ${candidates.join(', ')})`);
  return found;
}

/** Reads and checks a commune GeoJSON file shipped in `resources/geo`. */
export function loadCommunes(fileName: string): Commune[] {
  const text = readFileSync(path.join(resourcesDir(), 'geo', fileName), 'utf8');
  const collection = CommunesSchema.parse(JSON.parse(text) as unknown);
  return collection.features
    .map((feature): Commune => {
      const geometry = feature.geometry;
      const shape: Shape = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).map(
        (polygon) => polygon.map((ring) => ring.map((p): Position => [p[0], p[1]])),
      );
      const { code, nom } = feature.properties;
      return {
        code,
        name: nom,
        shape,
        bounds: shapeBounds(shape),
        areaKm2: shapeAreaKm2(shape),
        centre: interiorCentre(code, shape),
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** Centroid of the largest polygon when it falls inside (most communes), else the closest inside point. */
function interiorCentre(code: string, shape: Shape): Position {
  let best = { area: -1, lon: 0, lat: 0 };
  for (const polygon of shape) {
    const outline = polygon[0];
    if (!outline) continue;
    const c = ringCentroid(outline);
    if (c.area > best.area) best = c;
  }
  if (insideShape(best.lon, best.lat, shape)) return [best.lon, best.lat];
  const rng = createRng(`centre:${code}`);
  let closest: Position | undefined;
  let closestD = Infinity;
  for (let i = 0; i < 64; i++) {
    const p = uniformPointIn(shape, shapeBounds(shape), rng);
    const d = (p[0] - best.lon) ** 2 + (p[1] - best.lat) ** 2;
    if (d < closestD) [closest, closestD] = [p, d];
  }
  if (!closest) throw new Error(`Commune ${code} : aucun point intérieur`);
  return closest;
}

/** Rejection sampling in the bounding box: uniform over the commune's area. */
export function uniformPointIn(shape: Shape, bounds: Bounds, rng: Rng): Position {
  for (let i = 0; i < 10_000; i++) {
    const lon = rng.between(bounds[0], bounds[2]);
    const lat = rng.between(bounds[1], bounds[3]);
    if (insideShape(lon, lat, shape)) return [lon, lat];
  }
  throw new Error('uniformPointIn: contour dégénéré');
}

/**
 * A plausible site for street furniture: most of it clusters around the bourg, the rest spreads
 * over hamlets and outskirts. Always inside the outline.
 */
export function sitePointIn(commune: Commune, rng: Rng): Position {
  if (rng.chance(0.7)) {
    const [w, s, e, n] = commune.bounds;
    for (let i = 0; i < 20; i++) {
      const lon = commune.centre[0] + rng.gaussian() * (e - w) * 0.15;
      const lat = commune.centre[1] + rng.gaussian() * (n - s) * 0.15;
      if (insideShape(lon, lat, commune.shape)) return [lon, lat];
    }
  }
  return uniformPointIn(commune.shape, commune.bounds, rng);
}
