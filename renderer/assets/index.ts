/** The asset detail panel and the asset search box. */
export { AssetPanel } from './AssetPanel';
export { AssetSearch } from './AssetSearch';
export { formatMetric, formatMetrics } from './metric-format';
