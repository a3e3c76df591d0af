import type { MetricValues } from '../../../shared/domain/assets';
import type { Observation } from '../../../shared/domain/metrics';
import type { AssetRecord } from '../state/records';

/** Default height from an ultrasonic sensor to the bottom of a container, when the asset sets none. */
const DEFAULT_BIN_DEPTH_MM = 1600;

/**
 * The asset's latest values after these observations, with what is derived from them: a bin's
 * fill level comes from the measured distance and the container's depth.
 */
export function mergeObservations(record: AssetRecord, observations: readonly Observation[]): MetricValues {
  const metrics: MetricValues = { ...record.asset.metrics };
  for (const { metric, value } of observations) metrics[metric] = value;
  const distance = metrics.distanceMm;
  if (record.asset.kind === 'waste-container' && typeof distance === 'number') {
    const depth = typeof record.settings.depthMm === 'number' ? record.settings.depthMm : DEFAULT_BIN_DEPTH_MM;
    metrics.fillPercent = Math.round(Math.min(100, Math.max(0, (1 - distance / depth) * 100)));
  }
  return metrics;
}
