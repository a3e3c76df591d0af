import type { Rng } from './random';

/**
 * Names French communes give their streets and public buildings, to label demo assets the way an
 * operator would read them on a real territory.
 */
const STREETS = [
  'rue de la Gare', 'rue de la République', 'avenue du Général-de-Gaulle', 'rue Victor-Hugo',
  'rue Jean-Jaurès', 'Grande Rue', "rue de l'Église", 'place de la Mairie', 'rue du Moulin',
  'chemin des Vignes', 'rue Pasteur', 'avenue de la Libération', 'rue des Écoles', 'boulevard Gambetta',
  'rue du 8-Mai-1945', 'rue de Paris', 'rue des Lilas', 'allée des Tilleuls', 'rue du Château',
  'rue de la Fontaine', 'place du Marché', 'avenue Foch', 'rue Émile-Zola', 'rue Anatole-France',
  'rue des Prés', 'chemin du Lavoir', 'rue du Stade', 'rue des Acacias', 'impasse des Roses',
  'rue Louis-Pasteur', 'avenue Jean-Moulin', 'rue Gabriel-Péri', 'rue de la Poste', 'rue du Bois',
  'route de la Ferme', 'rue des Jardins', 'rue Saint-Martin', 'place de la Libération',
  'rue Aristide-Briand', 'rue Charles-de-Gaulle', 'rue de Verdun', 'rue du Général-Leclerc',
] as const;

/** Extra streets for Breton communes (Finistère), where « Ker- » hamlets name half the roads. */
const BRETON_STREETS = [
  'rue de Kerléon', 'route de Kervéguen', 'rue du Port', 'quai du Port', 'rue de la Cale',
  "rue de Pen-ar-Créac'h", 'route de la Pointe', 'rue de Kerbernard', 'chemin de Kerhallet',
  'rue de Brest', 'route de Quimper', 'rue du Menez', 'rue de Lannévez', 'rue des Goémoniers',
  'rue Théodore-Botrel', 'rue Laënnec', 'rue de Kerfeunteun', 'rue de la Chapelle',
] as const;

const PEOPLE = [
  'Jules-Ferry', 'Jean-Jaurès', 'Victor-Hugo', 'Jacques-Prévert', 'Jean-Moulin', 'Paul-Langevin',
  'Louis-Pasteur', 'Marie-Curie', 'Jean-de-La-Fontaine', 'Anatole-France', 'Paul-Bert', 'Condorcet',
  'Jules-Verne', 'Albert-Camus', 'Antoine-de-Saint-Exupéry', 'Charles-Perrault', 'Louise-Michel',
  'Simone-Veil', 'Marcel-Pagnol', 'Jean-Macé', 'Georges-Brassens', 'Robert-Desnos', 'Paul-Éluard',
  'Alphonse-Daudet', 'Joliot-Curie', 'Romain-Rolland', 'Émile-Zola', 'Aimé-Césaire',
  'Françoise-Dolto', 'Rosa-Parks', 'Lucie-Aubrac', 'Olympe-de-Gouges', 'George-Sand', 'Colette',
] as const;
const BRETON_PEOPLE = ['Per-Jakez-Hélias', 'Anjela-Duval', 'Xavier-Grall', 'Tristan-Corbière', 'Max-Jacob'] as const;

const NATURE = [
  'Les Tilleuls', 'Les Marronniers', 'Les Peupliers', 'Les Coquelicots', 'Les Glycines', 'Le Petit-Bois',
  'Les Prés', 'La Source', 'Les Châtaigniers', 'Les Lilas', 'Les Hirondelles', 'Le Moulin',
  'La Fontaine', 'Les Bleuets', 'Les Érables', 'Les Acacias', 'Les Genêts', 'Les Mésanges',
] as const;

const SPORTS_PEOPLE = [
  'Pierre-de-Coubertin', 'Jean-Bouin', 'Léo-Lagrange', 'Marcel-Cerdan', 'Alain-Mimoun',
  'Colette-Besson', 'Suzanne-Lenglen', 'Roger-Couderc', 'Jesse-Owens', 'Marie-José-Pérec',
] as const;

const LIBRARIES = [
  'Médiathèque Albert-Camus', 'Bibliothèque municipale', "Médiathèque de l'Agora",
  'Médiathèque Marguerite-Yourcenar', 'Bibliothèque George-Sand', 'Médiathèque Jules-Verne',
  'Médiathèque La Grange', 'Bibliothèque Louise-Michel',
] as const;

const NURSERIES = [
  "Crèche Les P'tits Loups", 'Multi-accueil Les Lucioles', 'Crèche Pirouette', 'Crèche Les Petits Princes',
  'Multi-accueil Arc-en-ciel', 'Crèche Les Câlins', 'Multi-accueil Les Écureuils', 'Crèche Les Lutins',
] as const;

/** Where cameras and bins stand, as the operators call those places. */
const PUBLIC_PLACES = [
  'parvis de la mairie', 'place du Marché', 'parking de la gare', 'entrée du gymnase',
  "place de l'Église", 'rond-point de la Libération', 'square des Tilleuls', 'abords du collège',
  'parking du cimetière', 'centre commercial', 'salle des fêtes', 'city-stade', 'place de la Mairie',
  'entrée du parc', 'gare routière', 'parking du stade',
] as const;

export type SchoolLevel = 'maternelle' | 'elementaire' | 'primaire';
const SCHOOL_LEVEL_LABEL: Record<SchoolLevel, string> = {
  maternelle: 'École maternelle',
  elementaire: 'École élémentaire',
  primaire: 'École primaire',
};

export function street(rng: Rng, breton: boolean): string {
  return breton && rng.chance(0.4) ? rng.pick(BRETON_STREETS) : rng.pick(STREETS);
}

export function publicPlace(rng: Rng): string {
  return rng.pick(PUBLIC_PLACES);
}

export function schoolName(level: SchoolLevel, rng: Rng, breton: boolean): string {
  const patron = rng.chance(0.35) && level === 'maternelle' ? rng.pick(NATURE)
    : breton && rng.chance(0.15) ? rng.pick(BRETON_PEOPLE)
    : rng.pick(PEOPLE);
  return `${SCHOOL_LEVEL_LABEL[level]} ${patron}`;
}

export function gymName(rng: Rng): string {
  const kind = rng.pick(['Gymnase', 'Gymnase', 'Complexe sportif', 'Salle omnisports'] as const);
  return `${kind} ${rng.pick(SPORTS_PEOPLE)}`;
}

export function libraryName(rng: Rng): string {
  return rng.pick(LIBRARIES);
}

export function nurseryName(rng: Rng): string {
  return rng.pick(NURSERIES);
}
