import { describe, expect, it } from 'vitest';
import type { OutlineFeature } from '../../../renderer/map/geo-outlines';
import { labelPoint } from '../../../renderer/map/label-points';

function inside(point: [number, number], ring: Array<[number, number]>): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > point[1] !== yj > point[1] && point[0] < xi + ((point[1] - yi) * (xj - xi)) / (yj - yi)) hit = !hit;
  }
  return hit;
}

const polygon = (ring: Array<[number, number]>): OutlineFeature => ({
  type: 'Feature',
  properties: { code: '91228', nom: 'Évry-Courcouronnes' },
  geometry: { type: 'Polygon', coordinates: [ring] },
});

describe('commune label points', () => {
  it('is the centroid of a convex commune', () => {
    expect(labelPoint(polygon([[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]))).toEqual([1, 1]);
  });

  it('stays inside a U-shaped commune whose centroid falls outside', () => {
    const u: Array<[number, number]> = [[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]];
    const point = labelPoint(polygon(u));
    expect(inside(point, u)).toBe(true);
  });

  it('labels the largest part of a commune in several pieces (islands)', () => {
    const island: Array<[number, number]> = [[10, 10], [10.1, 10], [10.1, 10.1], [10, 10.1], [10, 10]];
    const main: Array<[number, number]> = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
    const feature: OutlineFeature = { ...polygon(main), geometry: { type: 'MultiPolygon', coordinates: [[island], [main]] } };
    expect(labelPoint(feature)).toEqual([2, 2]);
  });
});
