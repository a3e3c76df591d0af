import { useConnectionState } from '../connection';
import { formatTime, useI18n } from '../i18n';

/**
 * Said loudly while the hub is unreachable: what is on screen is the last known state, not the
 * live territory. Stays put across reconnection attempts (the time is when the link was lost).
 */
export function ConnectionBanner() {
  const { t, locale } = useI18n();
  const { link, sinceMs } = useConnectionState();
  if (link !== 'disconnected') return null;
  return (
    <div className="connection-banner" role="alert" data-testid="connection-banner" data-link={link}>
      <strong>{t('connection.disconnected', { time: formatTime(sinceMs, locale) })}</strong>
      <span>{t('connection.staleHint')}</span>
    </div>
  );
}

/** The small light in the header. */
export function ConnectionLight() {
  const { t } = useI18n();
  const { link, subscribed } = useConnectionState();
  const live = link === 'connected' && subscribed;
  const label = link === 'connected' ? t('connection.connected') : link === 'connecting' ? t('connection.connecting') : t('connection.lost');
  return (
    <span className={`connection-light connection-light--${live ? 'live' : link}`} data-testid="connection-state" data-link={link} title={label}>
      <span className="status-dot" />
      <span className="connection-light__label">{label}</span>
    </span>
  );
}
