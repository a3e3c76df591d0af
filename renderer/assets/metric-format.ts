import { isMetricId, METRICS, type MetricValues } from '../../shared';
import { formatNumber, formatQuantity, type Locale } from '../i18n';

export interface MetricLine {
  id: string;
  label: string;
  text: string;
}

const METRIC_ORDER = Object.keys(METRICS);

/**
 * One latest value as a French console writes it: « 19,5 °C », « 1 234 ppm », « oui ».
 * Metrics outside the catalogue are still shown (by id), so a new codec never hides data.
 */
export function formatMetric(id: string, value: number | boolean | string, locale: Locale, yesNo: { yes: string; no: string }): MetricLine {
  if (isMetricId(id)) {
    const definition = METRICS[id];
    const label = definition.label[locale];
    if (typeof value === 'number') return { id, label, text: formatQuantity(value, definition.decimals, definition.unit, locale) };
    if (typeof value === 'boolean') return { id, label, text: value ? yesNo.yes : yesNo.no };
    return { id, label, text: value };
  }
  if (typeof value === 'number') return { id, label: id, text: formatNumber(value, Number.isInteger(value) ? 0 : 2, locale) };
  if (typeof value === 'boolean') return { id, label: id, text: value ? yesNo.yes : yesNo.no };
  return { id, label: id, text: value };
}

/** Every metric of an asset, catalogue order first, then unknown ones alphabetically. */
export function formatMetrics(metrics: MetricValues, locale: Locale, yesNo: { yes: string; no: string }): MetricLine[] {
  const ids = Object.keys(metrics).sort((a, b) => {
    const ia = METRIC_ORDER.indexOf(a);
    const ib = METRIC_ORDER.indexOf(b);
    if (ia >= 0 && ib >= 0) return ia - ib;
    if (ia >= 0) return -1;
    if (ib >= 0) return 1;
    return a.localeCompare(b);
  });
  return ids.map((id) => formatMetric(id, metrics[id]!, locale, yesNo));
}

/** Link-quality readings: what the radio says about the sensor, not what it measures. */
const LINK_METRICS = new Set(['rssiDbm', 'snrDb', 'batteryPercent', 'online']);

/** Measured values first (big tiles), link quality apart (one small line). */
export function splitMetrics(lines: MetricLine[]): { measures: MetricLine[]; link: MetricLine[] } {
  return { measures: lines.filter((l) => !LINK_METRICS.has(l.id)), link: lines.filter((l) => LINK_METRICS.has(l.id)) };
}
