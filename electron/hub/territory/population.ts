/**
 * Rough populations (order of magnitude, recent censuses rounded) of the larger communes, used only
 * to spread demo assets: a town of 50,000 gets more cabinets and schools than a village of 300.
 * Communes not listed are villages; they get a modest weight derived from their area.
 * Keys are the outlines' `nom` (without article).
 */
const POPULATION: Record<string, number> = {
  // Essonne
  Évry: 55_000, Courcouronnes: 14_000, 'Corbeil-Essonnes': 51_000, Massy: 51_000,
  'Savigny-sur-Orge': 37_000, 'Sainte-Geneviève-des-Bois': 36_000, Palaiseau: 36_000,
  'Athis-Mons': 34_000, 'Vigneux-sur-Seine': 32_000, 'Viry-Châtillon': 31_000, Draveil: 29_000,
  Grigny: 29_000, Yerres: 29_000, 'Ris-Orangis': 29_000, 'Brétigny-sur-Orge': 27_000, Brunoy: 26_000,
  Ulis: 25_000, Étampes: 25_000, Montgeron: 24_000, 'Gif-sur-Yvette': 21_000, Longjumeau: 21_000,
  'Morsang-sur-Orge': 21_000, 'Chilly-Mazarin': 20_000, 'Saint-Michel-sur-Orge': 20_000,
  'Juvisy-sur-Orge': 17_000, Orsay: 16_000, 'Verrières-le-Buisson': 15_000, Mennecy: 14_000,
  Morangis: 13_000, 'Épinay-sous-Sénart': 12_000, 'Épinay-sur-Orge': 11_000,
  'Saint-Germain-lès-Arpajon': 11_000, 'Saint-Pierre-du-Perray': 11_000, Dourdan: 10_500,
  'Villebon-sur-Yvette': 10_500, Arpajon: 10_000, Igny: 10_000, 'Bures-sur-Yvette': 9_800,
  'Fleury-Mérogis': 9_500, Bondoufle: 9_500, 'Quincy-sous-Sénart': 9_000, Crosne: 9_000,
  Breuillet: 8_500, Marcoussis: 8_000, 'Ville-du-Bois': 7_800, Montlhéry: 7_800, Lisses: 7_500,
  Wissous: 7_500, 'Ballancourt-sur-Essonne': 7_500, 'Saint-Germain-lès-Corbeil': 7_500,
  'Paray-Vieille-Poste': 7_300, 'Soisy-sur-Seine': 7_200, 'Boussy-Saint-Antoine': 7_000, Linas: 7_000,
  Itteville: 6_700, Limours: 6_500, Lardy: 5_800, 'Saulx-les-Chartreux': 5_500, Villabé: 5_400,
  'Saint-Chéron': 5_000, 'Milly-la-Forêt': 4_700, 'Villiers-sur-Orge': 4_600, Nozay: 4_500,
  Ballainvilliers: 4_500, 'Leuville-sur-Orge': 4_300, Angerville: 4_300, Saclay: 4_000,
  'Ferté-Alais': 3_800, 'Villemoisson-sur-Orge': 7_000, Tigery: 3_500, Étréchy: 6_500,
  'Morigny-Champigny': 4_500, Égly: 5_500, Ollainville: 4_800, 'Plessis-Pâté': 4_000,
  // Finistère
  Brest: 140_000, Quimper: 63_000, Concarneau: 20_000, Landerneau: 16_000, Morlaix: 15_000,
  Guipavas: 15_000, Douarnenez: 14_000, 'Plougastel-Daoulas': 13_500, Plouzané: 13_000,
  Quimperlé: 12_000, 'Relecq-Kerhuon': 11_700, Fouesnant: 10_000, Landivisiau: 9_500,
  Plabennec: 8_800, 'Ergué-Gabéric': 8_500, "Pont-l'Abbé": 8_300, 'Saint-Renan': 8_000, Guilers: 8_000,
  Crozon: 7_700, Rosporden: 7_500, Lesneven: 7_300, 'Carhaix-Plouguer': 7_300,
  'Moëlan-sur-Mer': 6_800, 'Saint-Pol-de-Léon': 6_700, Plouguerneau: 6_600, Ploudalmézeau: 6_300,
  Gouesnou: 6_100, Briec: 5_700, Scaër: 5_400, Penmarch: 5_300, Châteaulin: 5_200, Trégunc: 7_000,
  'Saint-Martin-des-Champs': 4_800, Bannalec: 5_700, 'Clohars-Carnoët': 4_300, Plomelin: 4_300,
  Plougonvelin: 4_200, Pluguffan: 4_100, Lannilis: 5_500, Landéda: 3_700, Bénodet: 3_600,
  'Châteauneuf-du-Faou': 3_600, Roscoff: 3_400, 'Pont-Aven': 2_900, Conquet: 2_600, Elliant: 3_300,
  'Milizac-Guipronvel': 4_300, Plouarzel: 3_700, Plouescat: 3_500, Pleyben: 3_800, Plouigneau: 5_100,
};

/** Weight of a commune when spreading assets: population, or a village-sized guess from its area. */
export function communeWeight(storedName: string, areaKm2: number): number {
  const population = POPULATION[storedName];
  if (population !== undefined) return population;
  return Math.min(2_500, 400 + 60 * areaKm2);
}
