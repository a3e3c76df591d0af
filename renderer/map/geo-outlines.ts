import { z } from 'zod';

/**
 * Commune and département outlines shipped in resources/geo (IGN ADMIN EXPRESS, Etalab), imported
 * through Vite so they are part of the build: no network, one lazy chunk per file. The text is
 * checked against a schema before maplibre sees it.
 */
const Position = z.tuple([z.number(), z.number()]);
const Polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(Position)) });
const MultiPolygon = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(Position))) });
const OutlineFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({ code: z.string(), nom: z.string() }),
  geometry: z.union([Polygon, MultiPolygon]),
});
export type OutlineFeature = z.infer<typeof OutlineFeature>;
const OutlineFile = z.union([
  z.object({ type: z.literal('FeatureCollection'), features: z.array(OutlineFeature) }),
  OutlineFeature,
]);

export interface OutlineCollection {
  type: 'FeatureCollection';
  features: OutlineFeature[];
}

const GEO_FILES = import.meta.glob<string>('../../resources/geo/*.geojson', { query: '?raw', import: 'default' });

function fileFor(prefix: 'communes' | 'departement', code: string): (() => Promise<string>) | undefined {
  const key = Object.keys(GEO_FILES).find((path) => path.includes(`/${prefix}-${code}-`));
  return key ? GEO_FILES[key] : undefined;
}

async function loadFile(prefix: 'communes' | 'departement', code: string): Promise<OutlineFeature[]> {
  const load = fileFor(prefix, code);
  if (!load) return [];
  const parsed = OutlineFile.safeParse(JSON.parse(await load()));
  if (!parsed.success) {
    console.warn(`[beffroi] contours ${prefix}-${code} illisibles`, parsed.error.issues[0]);
    return [];
  }
  return parsed.data.type === 'FeatureCollection' ? parsed.data.features : [parsed.data];
}

/** The outlines of the territory's départements and of their communes. */
export async function loadOutlines(departements: readonly string[]): Promise<{ departements: OutlineCollection; communes: OutlineCollection }> {
  const [deps, communes] = await Promise.all([
    Promise.all(departements.map((code) => loadFile('departement', code))),
    Promise.all(departements.map((code) => loadFile('communes', code))),
  ]);
  return {
    departements: { type: 'FeatureCollection', features: deps.flat() },
    communes: { type: 'FeatureCollection', features: communes.flat() },
  };
}

/** Which département codes ship outlines (for a territory that names none). */
export function availableDepartements(): string[] {
  return Object.keys(GEO_FILES)
    .map((path) => /departement-(\w+)-/.exec(path)?.[1])
    .filter((code): code is string => Boolean(code));
}

/** [west, south, east, north] of some outlines, or null when there are none. */
export function outlineBounds(features: readonly OutlineFeature[]): [number, number, number, number] | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const visit = (ring: ReadonlyArray<readonly [number, number]>) => {
    for (const [lon, lat] of ring) {
      if (lon < west) west = lon;
      if (lon > east) east = lon;
      if (lat < south) south = lat;
      if (lat > north) north = lat;
    }
  };
  for (const f of features) {
    if (f.geometry.type === 'Polygon') f.geometry.coordinates.forEach(visit);
    else f.geometry.coordinates.forEach((polygon) => polygon.forEach(visit));
  }
  return west <= east ? [west, south, east, north] : null;
}
