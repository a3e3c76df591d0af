import { describe, expect, it } from 'vitest';
import { insideShape, shapeAreaKm2, type Shape } from '../../../electron/hub/territory/geometry';
import { allocate } from '../../../electron/hub/territory/plan';
import { ofCommune, displayName } from '../../../electron/hub/territory/communeNames';

// A 4×4 square with a 2×2 hole in the middle, plus a separate island: covers holes and MultiPolygons.
const squareWithHole: Shape = [
  [
    [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]],
    [[1, 1], [3, 1], [3, 3], [1, 3], [1, 1]],
  ],
  [[[10, 10], [11, 10], [11, 11], [10, 11], [10, 10]]],
];
// A concave "U": the notch between the arms is outside.
const uShape: Shape = [[[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]]];

describe('point in polygon', () => {
  it.each([
    ['in the ring of the square', 0.5, 0.5, squareWithHole, true],
    ['in the hole', 2, 2, squareWithHole, false],
    ['on the island', 10.5, 10.5, squareWithHole, true],
    ['between square and island', 7, 7, squareWithHole, false],
    ['left of everything', -1, 2, squareWithHole, false],
    ['in the left arm of the U', 0.5, 2.5, uShape, true],
    ['in the notch of the U', 1.5, 2.5, uShape, false],
    ['in the base of the U', 1.5, 0.5, uShape, true],
  ])('%s', (_label, lon, lat, shape, expected) => {
    expect(insideShape(lon, lat, shape)).toBe(expected);
  });
});

describe('area', () => {
  it('subtracts holes: a 0.01° square at 48.7° N is about 0.82 km²', () => {
    const square: Shape = [[[[2, 48.7], [2.01, 48.7], [2.01, 48.71], [2, 48.71], [2, 48.7]]]];
    expect(shapeAreaKm2(square)).toBeCloseTo(1.1132 * 1.1132 * Math.cos((48.705 * Math.PI) / 180), 1);
  });
});

describe('allocate', () => {
  it('gives the minimum to each and the rest by weight, adding up exactly', () => {
    const counts = allocate(100, [1, 1, 2, 6], 5);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(100);
    expect(counts).toEqual([13, 13, 21, 53]);
  });
});

describe('commune names in sentences', () => {
  it.each([
    ['Massy', 'de Massy'],
    ['Étampes', "d'Étampes"],
    ['Ulis', 'des Ulis'],
    ['Faou', 'du Faou'],
    ['Ferté-Alais', 'de La Ferté-Alais'],
    ['Hôpital-Camfrout', "de L'Hôpital-Camfrout"],
  ])('%s → %s', (stored, expected) => {
    expect(ofCommune(displayName(stored))).toBe(expected);
  });
});
