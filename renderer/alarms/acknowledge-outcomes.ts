import type { AcknowledgeOutcome } from '../../shared';
import { formatNumber, type I18n, type MessageKey } from '../i18n';

/** Singular in French for 0 and 1, as in English for 1: only non-zero groups are ever shown. */
function plural(count: number, one: MessageKey, other: MessageKey, i18n: I18n, params: Record<string, string> = {}): string {
  return i18n.t(count <= 1 ? one : other, { count: formatNumber(count, 0, i18n.locale), ...params });
}

/**
 * One line for a bulk acknowledgement's reply: « 12 acquittées, 2 déjà acquittées par operateur ».
 * Alarms acknowledged first by someone else are grouped per person, in the order they appear.
 */
export function summariseOutcomes(outcomes: readonly AcknowledgeOutcome[], i18n: I18n): string {
  let acknowledged = 0;
  let shelved = 0;
  let notFound = 0;
  const alreadyBy = new Map<string, number>();
  for (const { outcome, by } of outcomes) {
    if (outcome === 'acknowledged') acknowledged += 1;
    else if (outcome === 'shelved') shelved += 1;
    else if (outcome === 'not-found') notFound += 1;
    else alreadyBy.set(by ?? '', (alreadyBy.get(by ?? '') ?? 0) + 1);
  }
  const parts: string[] = [];
  if (acknowledged > 0) parts.push(plural(acknowledged, 'alarms.bulk.acknowledged.one', 'alarms.bulk.acknowledged.other', i18n));
  for (const [by, count] of alreadyBy) {
    parts.push(
      by
        ? plural(count, 'alarms.bulk.alreadyBy.one', 'alarms.bulk.alreadyBy.other', i18n, { user: by })
        : plural(count, 'alarms.bulk.already.one', 'alarms.bulk.already.other', i18n),
    );
  }
  if (shelved > 0) parts.push(plural(shelved, 'alarms.bulk.shelved.one', 'alarms.bulk.shelved.other', i18n));
  if (notFound > 0) parts.push(plural(notFound, 'alarms.bulk.notFound.one', 'alarms.bulk.notFound.other', i18n));
  return parts.length > 0 ? parts.join(', ') : i18n.t('alarms.bulk.nothing');
}
