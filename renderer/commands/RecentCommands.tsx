import { useEffect } from 'react';
import type { Asset } from '../../shared';
import { useHubClient } from '../connection';
import { formatDateTime, useI18n } from '../i18n';
import { useAssetCommands, useStore } from '../state';
import { commandSummary } from './command-summary';

/** The asset's latest commands, fetched once when the panel opens and kept live by events. */
export function RecentCommands({ asset }: { asset: Asset }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const client = useHubClient();
  const store = useStore();
  const commands = useAssetCommands(asset.id);

  useEffect(() => {
    let cancelled = false;
    client
      .request('asset.commands', { assetId: asset.id })
      .then(({ commands: fetched }) => !cancelled && store.mergeCommands(fetched))
      .catch(() => undefined); // the events keep what we have live; an empty history is not an error
    return () => {
      cancelled = true;
    };
  }, [client, store, asset.id]);

  return (
    <section className="panel-section" data-testid="recent-commands">
      <h3>{t('command.recent')}</h3>
      {commands.length === 0 ? (
        <p className="muted">{t('command.none')}</p>
      ) : (
        <ul className="command-list">
          {commands.map((command) => (
            <li key={command.id} className="command-list__row" data-testid="recent-command" data-command-id={command.id} data-state={command.state}>
              <span className="command-list__what">{commandSummary(command, i18n)}</span>
              <span className={`command-state command-state--${command.state}`}>{t(`command.state.${command.state}`)}</span>
              <span className="command-list__meta">
                {formatDateTime(command.requestedAt, locale)} · {t('command.by', { user: command.requestedBy })}
              </span>
              {command.detail && <span className="command-list__detail">{command.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
