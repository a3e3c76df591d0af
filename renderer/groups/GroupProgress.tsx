import { useCallback } from 'react';
import type { GroupCommandOutcome } from '../../shared';
import { formatNumber, useI18n } from '../i18n';
import { useStoreSelector, type ConsoleStore } from '../state';
import { PROGRESS_STATES, progressCounts, progressKey } from './group-progress';

/** How many refusals the panel lists by name; the rest are counted. */
const REFUSALS_LISTED = 5;

/**
 * A sent group's commands, counted per state as the hub's events move them (requested → queued →
 * sent → confirmed, or failed / expired), and the assets the hub refused, with its reason.
 */
export function GroupProgress({ outcomes, names }: { outcomes: readonly GroupCommandOutcome[]; names(assetId: string): string }) {
  const { t, locale } = useI18n();
  const ids = outcomes.flatMap((o) => (o.commandId ? [o.commandId] : []));
  const idsKey = ids.join('|');
  const select = useCallback((store: ConsoleStore) => progressKey(store.commandsById(idsKey ? idsKey.split('|') : [])), [idsKey]);
  const counts = progressCounts(useStoreSelector(select));
  const refused = outcomes.filter((o) => o.error);
  return (
    <section className="group-progress" data-testid="group-progress" data-sent={ids.length} data-refused={refused.length}>
      <h3>{t('groups.progress.title', { count: formatNumber(ids.length, 0, locale) })}</h3>
      <ul className="group-progress__states">
        {PROGRESS_STATES.filter((state) => counts[state] > 0 || ['requested', 'queued', 'sent', 'confirmed', 'failed', 'expired'].includes(state)).map((state) => (
          <li key={state} data-testid={`group-state-${state}`} data-count={counts[state]} className={`group-progress__state group-progress__state--${state}`}>
            <span className="group-progress__count">{formatNumber(counts[state], 0, locale)}</span> {t(`command.state.${state}`)}
          </li>
        ))}
      </ul>
      {refused.length > 0 && (
        <div className="group-progress__refused" data-testid="group-refused">
          <p>{t('groups.progress.refused', { count: formatNumber(refused.length, 0, locale) })}</p>
          <ul>
            {refused.slice(0, REFUSALS_LISTED).map((o) => (
              <li key={o.assetId}>
                {names(o.assetId)} : {o.error!.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
