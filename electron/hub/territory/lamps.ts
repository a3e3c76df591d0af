import type { AssetSeed } from './types';
import type { Commune } from './communes';
import { insideShape, offsetMetres, type Position } from './geometry';
import type { Rng } from './random';

/** Distance between two lanterns along a street, in metres (French urban practice: 25–40 m). */
const SPACING_M: [number, number] = [25, 38];
/** How far a street may bend between two lanterns, in radians (one standard deviation). */
const BEND_RAD = 0.12;

/**
 * The street lamps a cabinet feeds, laid out along a few streets leaving the cabinet.
 * A street that would leave the commune turns back into a new one from the cabinet; every lamp
 * stays inside the commune's outline. Lamps have no device: their status follows their cabinet.
 */
export function streetLamps(cabinet: AssetSeed, commune: Commune, count: number, firstNumber: number, rng: Rng): AssetSeed[] {
  const lamps: AssetSeed[] = [];
  const street = typeof cabinet.settings?.street === 'string' ? cabinet.settings.street : 'voie communale';
  // A feeder rarely runs past a kilometre: big cabinets feed more streets, not longer ones.
  const branches = Math.min(6, Math.ceil(count / rng.int(12, 20)));
  let failures = 0;
  let heading = rng.between(0, 2 * Math.PI);
  let position: Position = [cabinet.lon, cabinet.lat];
  let leftInBranch = Math.ceil(count / branches);

  const newStreet = (): void => {
    position = [cabinet.lon, cabinet.lat];
    heading = rng.between(0, 2 * Math.PI);
    leftInBranch = Math.ceil(count / branches);
  };

  while (lamps.length < count) {
    if (leftInBranch === 0) newStreet();
    heading += rng.gaussian() * BEND_RAD;
    const stepM = rng.between(SPACING_M[0], SPACING_M[1]);
    let next = offsetMetres(position[0], position[1], stepM * Math.sin(heading), stepM * Math.cos(heading));
    if (!insideShape(next[0], next[1], commune.shape)) {
      // Out of the commune (coast, border): start a new street from the cabinet, or, in a sliver
      // of a commune where every street leaves at once, stand the lamp at the cabinet itself.
      if (++failures <= 40) {
        newStreet();
        continue;
      }
      next = [cabinet.lon, cabinet.lat];
    }
    const number = firstNumber + lamps.length;
    lamps.push({
      id: `lamp-${commune.code}-${String(number).padStart(5, '0')}`,
      kind: 'street-lamp',
      name: `Point lumineux n° ${number} – ${street}`,
      commune: commune.code,
      lon: next[0],
      lat: next[1],
      parentId: cabinet.id,
    });
    position = next;
    leftInBranch--;
  }
  return lamps;
}
