/**
 * Commune names as French writes them in sentences. ADMIN EXPRESS stores the leading article
 * apart (« Ulis » for Les Ulis), so the outlines' `nom` needs it back before we print « Mairie des Ulis ».
 */
const WITH_ARTICLE: Record<string, string> = {
  // Essonne
  Ulis: 'Les Ulis',
  'Ferté-Alais': 'La Ferté-Alais',
  'Plessis-Pâté': 'Le Plessis-Pâté',
  'Ville-du-Bois': 'La Ville-du-Bois',
  'Coudray-Montceaux': 'Le Coudray-Montceaux',
  'Val-Saint-Germain': 'Le Val-Saint-Germain',
  Norville: 'La Norville',
  'Forêt-le-Roi': 'La Forêt-le-Roi',
  'Forêt-Sainte-Croix': 'La Forêt-Sainte-Croix',
  // Finistère
  Conquet: 'Le Conquet',
  'Relecq-Kerhuon': 'Le Relecq-Kerhuon',
  Faou: 'Le Faou',
  Folgoët: 'Le Folgoët',
  Drennec: 'Le Drennec',
  Juch: 'Le Juch',
  Tréhou: 'Le Tréhou',
  Martyre: 'La Martyre',
  Feuillée: 'La Feuillée',
  'Roche-Maurice': 'La Roche-Maurice',
  'Forest-Landerneau': 'La Forest-Landerneau',
  'Forêt-Fouesnant': 'La Forêt-Fouesnant',
  'Cloître-Pleyben': 'Le Cloître-Pleyben',
  'Cloître-Saint-Thégonnec': 'Le Cloître-Saint-Thégonnec',
  'Hôpital-Camfrout': "L'Hôpital-Camfrout",
  Guilvinec: 'Le Guilvinec',
  Ponthou: 'Le Ponthou',
};

/** The commune's name with its article (« Les Ulis »), as shown to users. */
export function displayName(storedName: string): string {
  return WITH_ARTICLE[storedName] ?? storedName;
}

/**
 * « de Massy », « d'Étampes », « des Ulis », « du Faou », « de La Ferté-Alais »: the complement
 * that follows « Mairie » or « cimetière ».
 */
export function ofCommune(name: string): string {
  if (name.startsWith('Les ')) return `des ${name.slice(4)}`;
  if (name.startsWith('Le ')) return `du ${name.slice(3)}`;
  if (/^[AEIOUYÀÂÉÈÊËÎÏÔÖÙÛÜH]/i.test(name) && !name.startsWith('La ')) return `d'${name}`;
  return `de ${name}`;
}
