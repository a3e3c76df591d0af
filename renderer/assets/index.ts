/** The asset detail panel and the asset search box. */
import './panel.css';
import './search.css';
export { AssetPanel } from './AssetPanel';
export { AssetSearch } from './AssetSearch';
export { formatMetric, formatMetrics } from './metric-format';
