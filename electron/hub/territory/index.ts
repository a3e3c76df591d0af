/** Demo territories: `generateTerritory('essonne' | 'finistere')` and `territoryInfo(name)`. */
export { generateTerritory, territoryInfo } from './generate';
export { TERRITORY_NAMES, type TerritoryName, type TerritoryInfo } from './plan';
export { MODELS, type ModelId } from './network';
export type { TerritorySeed, AssetSeed, DeviceSeed } from './types';
