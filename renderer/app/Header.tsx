import { SoundControls, useNewCritical } from '../alarms';
import { AssetSearch } from '../assets';
import { useConnectionState, useHubClient } from '../connection';
import { formatNumber, useI18n } from '../i18n';
import { useAlarmCounts, useStore, useTerritory } from '../state';
import { BeffroiMark } from './BeffroiMark';
import { ConnectionLight } from './ConnectionBanner';
import { ALARM_WINDOW_HASH, desktopFeatures } from './desktop';
import { ADMIN_HASH, navigateTo, useHashRoute } from './hash-route';
import { LogbookToggle } from '../logbook';
import { LanguageSwitch } from './LanguageSwitch';

/** `compact`: the alarm window's header (no search: there is no map to fly). */
export function Header({ compact = false }: { compact?: boolean }) {
  const { t, locale } = useI18n();
  const client = useHubClient();
  const store = useStore();
  const { session, problemCount } = useConnectionState();
  const counts = useAlarmCounts();
  const territory = useTerritory();
  const newCritical = useNewCritical();

  const logout = async () => {
    await client.logout();
    store.reset();
  };

  return (
    <header className={`app-header${compact ? ' app-header--compact' : ''}`}>
      <div className="app-header__brand">
        <BeffroiMark />
        <span className="app-header__name">{t('app.name')}</span>
        {territory && <span className="app-header__territory">{territory.label}</span>}
      </div>
      {!compact && <AssetSearch />}
      <div className={`alarm-counters${newCritical ? ' alarm-counters--critical' : ''}`} data-testid="alarm-counters" data-new-critical={newCritical}>
        <span className={`alarm-counter${counts.active > 0 ? ' alarm-counter--active' : ''}`} data-testid="alarm-count-active" title={t('header.alarmsActive')}>
          <strong>{formatNumber(counts.active, 0, locale)}</strong>{' '}
          {/* A laptop's header shows the short word (see layout.css); the title keeps the whole. */}
          <span className="alarm-counter__label alarm-counter__label--long">{t('header.alarmsActive')}</span>
          <span className="alarm-counter__label alarm-counter__label--short">{t('header.alarmsActiveShort')}</span>
        </span>
        <span className={`alarm-counter${counts.unacknowledged > 0 ? ' alarm-counter--pending' : ''}`} data-testid="alarm-count-unacknowledged">
          <strong>{formatNumber(counts.unacknowledged, 0, locale)}</strong> <span className="alarm-counter__label">{t('header.alarmsUnacknowledged')}</span>
        </span>
      </div>
      <div className="app-header__right">
        {problemCount > 0 && (
          <span className="problem-flag" title={t('header.problems', { count: problemCount })} data-testid="problem-flag">
            ⚠ {problemCount}
          </span>
        )}
        <ConnectionLight />
        <SoundControls />
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
        <button
          type="button"
          className="button button--ghost"
          data-testid="logout"
          // Who is logged in, also when a narrow header folds the name away.
          title={session ? t('header.logoutAs', { user: session.user.username, role: t(`role.${session.user.role}`) }) : undefined}
          onClick={logout}
        >
          {t('header.logout')}
        </button>
      </div>
    </header>
  );
}

/**
 * Opens the alarm list on a second screen: a window of the desktop app through its bridge, or in
 * a browser a window of its own on the alarm route, which resumes this tab's session (the browser
 * copies sessionStorage into a window this page opens) and follows the hub by itself.
 */
function AlarmWindowButton() {
  const { t } = useI18n();
  const open = () => {
    const desktop = desktopFeatures();
    if (desktop) void desktop.openAlarmWindow();
    else window.open(`${window.location.pathname}${window.location.search}${ALARM_WINDOW_HASH}`, 'beffroi-alarmes', 'popup,width=960,height=1000');
  };
  return (
    <button type="button" className="button button--ghost app-header__alarm-window" data-testid="alarm-window-open" onClick={open}>
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
