/** The territory map: offline basemap (maplibre) and asset layers (deck.gl) fed from the store. */
import './map.css';
export { MapView } from './MapView';
export type { MapStats } from './asset-map';
export { KindIcon, iconNameFor } from './kind-icon';
export { useMapBounds, type MapBounds } from './map-bounds';
