import type { AlarmPriority } from '../../../shared/domain/alarms';
import type { Threshold, ThresholdDefinition } from '../../../shared/domain/thresholds';
import { formatNumber, parseDecimal, type Locale } from '../../i18n';

/** One line of the screen as typed: numbers as text, so « 1 500 » and « 19,5 » stay as written. */
export interface ThresholdDraft {
  raise: string;
  clear: string;
  delaySeconds: string;
  priority: AlarmPriority;
}

/** Up to two decimals: what a threshold needs (19,5 °C, 0,25), no float noise (19,499999). */
const MAX_DECIMALS = 2;

/** As the admin would type it: « 1 500 », « 19,5 » (no trailing zeros). */
function shown(value: number | undefined, locale: Locale): string {
  if (value === undefined) return '';
  const decimals = Math.min(MAX_DECIMALS, (String(value).split('.')[1] ?? '').length);
  return formatNumber(value, decimals, locale);
}

export function draftOf(threshold: Threshold, locale: Locale): ThresholdDraft {
  return {
    raise: shown(threshold.raise, locale),
    clear: shown(threshold.clear, locale),
    delaySeconds: shown(threshold.delaySeconds, locale),
    priority: threshold.priority,
  };
}

/**
 * What to send for a draft: only the fields the condition has, read as French or English
 * numbers. `field` names the input that is not a number.
 */
export function updateOf(
  definition: ThresholdDefinition,
  draft: ThresholdDraft,
): { update: { raise?: number; clear?: number; delaySeconds?: number; priority: AlarmPriority } } | { field: 'raise' | 'clear' | 'delaySeconds'; text: string } {
  const update: { raise?: number; clear?: number; delaySeconds?: number; priority: AlarmPriority } = { priority: draft.priority };
  const fields = [
    ['raise', definition.raise !== undefined],
    ['clear', definition.clear !== undefined],
    ['delaySeconds', definition.delayed],
  ] as const;
  for (const [field, present] of fields) {
    if (!present) continue;
    const value = parseDecimal(draft[field]);
    if (value === null) return { field, text: draft[field] };
    update[field] = value;
  }
  return { update };
}
