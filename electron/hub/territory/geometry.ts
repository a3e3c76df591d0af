/**
 * Plane geometry on lon/lat for placing demo assets: point-in-polygon, bounding boxes and short
 * offsets in metres. Communes are a few kilometres wide, so an equirectangular approximation is
 * far more precise than the simplified outlines themselves.
 */

/** [lon, lat] in degrees (WGS 84), as GeoJSON writes it. */
export type Position = readonly [number, number];
/** A closed ring; the first one of a polygon is its outline, the others are holes. */
export type Ring = readonly Position[];
export type Polygon = readonly Ring[];
/** A commune's outline: one polygon, or several (islands, enclaves). */
export type Shape = readonly Polygon[];

/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

const METRES_PER_DEGREE_LAT = 111_320;

/** Even–odd ray casting over one ring. Points exactly on an edge may go either way. */
function insideRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i];
    const b = ring[j];
    if (a === undefined || b === undefined) continue;
    const [ax, ay] = a;
    const [bx, by] = b;
    if (ay > lat !== by > lat && lon < ((bx - ax) * (lat - ay)) / (by - ay) + ax) inside = !inside;
  }
  return inside;
}

/** Inside the outline and outside every hole of one polygon. */
export function insidePolygon(lon: number, lat: number, polygon: Polygon): boolean {
  let inside = false;
  for (const ring of polygon) if (insideRing(lon, lat, ring)) inside = !inside;
  return inside;
}

export function insideShape(lon: number, lat: number, shape: Shape): boolean {
  return shape.some((polygon) => insidePolygon(lon, lat, polygon));
}

export function shapeBounds(shape: Shape): Bounds {
  const bounds: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of shape) {
    for (const [lon, lat] of polygon[0] ?? []) {
      bounds[0] = Math.min(bounds[0], lon);
      bounds[1] = Math.min(bounds[1], lat);
      bounds[2] = Math.max(bounds[2], lon);
      bounds[3] = Math.max(bounds[3], lat);
    }
  }
  return bounds;
}

export function unionBounds(all: readonly Bounds[]): Bounds {
  const bounds: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of all) {
    bounds[0] = Math.min(bounds[0], b[0]);
    bounds[1] = Math.min(bounds[1], b[1]);
    bounds[2] = Math.max(bounds[2], b[2]);
    bounds[3] = Math.max(bounds[3], b[3]);
  }
  return bounds;
}

/** Signed area (shoelace) and centroid of a ring, in degree units; enough to rank and centre. */
export function ringCentroid(ring: Ring): { area: number; lon: number; lat: number } {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i];
    const b = ring[j];
    if (a === undefined || b === undefined) continue;
    const cross = b[0] * a[1] - a[0] * b[1];
    area += cross;
    cx += (b[0] + a[0]) * cross;
    cy += (b[1] + a[1]) * cross;
  }
  area /= 2;
  if (area === 0) return { area: 0, lon: ring[0]?.[0] ?? 0, lat: ring[0]?.[1] ?? 0 };
  return { area: Math.abs(area), lon: cx / (6 * area), lat: cy / (6 * area) };
}

/** Area of a shape in km² (outlines minus holes), at the shape's latitude. */
export function shapeAreaKm2(shape: Shape): number {
  let areaDeg2 = 0;
  let lat = 0;
  for (const polygon of shape) {
    polygon.forEach((ring, index) => {
      const { area, lat: ringLat } = ringCentroid(ring);
      areaDeg2 += index === 0 ? area : -area;
      if (index === 0) lat = ringLat;
    });
  }
  const kmPerDegLat = METRES_PER_DEGREE_LAT / 1000;
  return areaDeg2 * kmPerDegLat * kmPerDegLat * Math.cos((lat * Math.PI) / 180);
}

/** The point `eastM` metres east and `northM` metres north of (lon, lat). */
export function offsetMetres(lon: number, lat: number, eastM: number, northM: number): Position {
  const metresPerDegLon = METRES_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180);
  return [lon + eastM / metresPerDegLon, lat + northM / METRES_PER_DEGREE_LAT];
}

/** Squared distance in (approximate) metres², for nearest-neighbour comparisons. */
export function distanceSquaredM2(a: Position, b: Position): number {
  const metresPerDegLon = METRES_PER_DEGREE_LAT * Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180);
  const dx = (a[0] - b[0]) * metresPerDegLon;
  const dy = (a[1] - b[1]) * METRES_PER_DEGREE_LAT;
  return dx * dx + dy * dy;
}
