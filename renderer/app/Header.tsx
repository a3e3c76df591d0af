import { AssetSearch } from '../assets';
import { useConnectionState, useHubClient } from '../connection';
import { useI18n } from '../i18n';
import { useAlarmCounts, useStore, useTerritory } from '../state';
import { BeffroiMark } from './BeffroiMark';
import { ConnectionLight } from './ConnectionBanner';
import { desktopFeatures } from './desktop';
import { ADMIN_HASH, navigateTo, useHashRoute } from './hash-route';
import { LogbookToggle } from '../logbook';
import { LanguageSwitch } from './LanguageSwitch';

/** `compact`: the alarm window's header (no search: there is no map to fly). */
export function Header({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  const client = useHubClient();
  const store = useStore();
  const { session, problemCount } = useConnectionState();
  const counts = useAlarmCounts();
  const territory = useTerritory();

  const logout = async () => {
    await client.logout();
    store.reset();
  };

  return (
    <header className="app-header">
      <div className="app-header__brand">
        <BeffroiMark />
        <span className="app-header__name">{t('app.name')}</span>
        {territory && <span className="app-header__territory">{territory.label}</span>}
      </div>
      {!compact && <AssetSearch />}
      <div className="alarm-counters" data-testid="alarm-counters">
        <span className={`alarm-counter${counts.active > 0 ? ' alarm-counter--active' : ''}`} data-testid="alarm-count-active">
          <strong>{counts.active}</strong> {t('header.alarmsActive')}
        </span>
        <span className={`alarm-counter${counts.unacknowledged > 0 ? ' alarm-counter--pending' : ''}`} data-testid="alarm-count-unacknowledged">
          <strong>{counts.unacknowledged}</strong> {t('header.alarmsUnacknowledged')}
        </span>
      </div>
      <div className="app-header__right">
        {problemCount > 0 && (
          <span className="problem-flag" title={t('header.problems', { count: problemCount })} data-testid="problem-flag">
            ⚠ {problemCount}
          </span>
        )}
        <ConnectionLight />
        {!compact && <AlarmWindowButton />}
        {!compact && <LogbookToggle />}
        {!compact && session?.user.role === 'admin' && <AdminButton />}
        {session && (
          <span className="app-header__user" data-testid="current-user">
            <strong>{session.user.username}</strong>
            <span className="muted">{t(`role.${session.user.role}`)}</span>
          </span>
        )}
        <LanguageSwitch />
        <button type="button" className="button button--ghost" data-testid="logout" onClick={logout}>
          {t('header.logout')}
        </button>
      </div>
    </header>
  );
}

/** Only in the desktop app: opens the alarm list on a second screen. */
function AlarmWindowButton() {
  const { t } = useI18n();
  const desktop = desktopFeatures();
  if (!desktop) return null;
  return (
    <button type="button" className="button button--ghost" onClick={() => void desktop.openAlarmWindow()}>
      {t('header.alarmWindow')}
    </button>
  );
}

/** Admins switch between the console and the administration screens. */
function AdminButton() {
  const { t } = useI18n();
  const inAdmin = useHashRoute().startsWith(ADMIN_HASH);
  return (
    <button
      type="button"
      className="button button--ghost"
      data-testid="admin-toggle"
      aria-pressed={inAdmin}
      onClick={() => navigateTo(inAdmin ? '' : ADMIN_HASH)}
    >
      {inAdmin ? t('header.backToConsole') : t('header.administration')}
    </button>
  );
}
