/** Group commands: a lasso or a filtered selection on the map, its impact, one command for all, its progress. */
import './groups.css';
export { GroupPanel, SECOND_CONFIRMATION_ABOVE } from './GroupPanel';
export { GROUP_KINDS, commandableKinds, communesWithGroupAssets, pointInPolygon, selectFiltered, selectInPolygon, type GroupKind } from './group-selection';
export { groupImpact, impactSentence, type GroupAction, type GroupImpact } from './group-impact';
