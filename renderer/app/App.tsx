import { useCallback, useEffect, useState } from 'react';
import { AdminScreen } from '../admin';
import { AlarmList } from '../alarms';
import { AssetPanel } from '../assets';
import type { Role } from '../../shared';
import { useConnectionState, type LinkState } from '../connection';
import { useI18n } from '../i18n';
import { LogbookDrawer, LOGBOOK_HASH, mayKeepLogbook } from '../logbook';
import { MapView, type MapStats } from '../map';
import { GroupPanel } from '../groups';
import { useStoreReady, useTerritory } from '../state';
import { useAlarmDeepLink } from './alarm-deep-link';
import { ConnectionBanner } from './ConnectionBanner';
import { ALARM_WINDOW_HASH } from './desktop';
import { ADMIN_HASH, useHashRoute } from './hash-route';
import { Header } from './Header';
import { LoginScreen } from './LoginScreen';
import { SessionExpiredDialog } from './SessionExpiredDialog';

/** Login, or the console: header, banner when the hub is lost, map with its panel, alarm list. */
export function App({ onMapStats }: { onMapStats(stats: MapStats | null): void }) {
  const { t } = useI18n();
  const { session, resuming, link, expired } = useConnectionState();
  const territory = useTerritory();
  const ready = useStoreReady();
  const onStats = useCallback((stats: MapStats | null) => onMapStats(stats), [onMapStats]);
  const route = useHashRoute();
  const [phoneTab, setPhoneTab] = useState<PhoneTab>('alarms');

  useEffect(() => {
    document.title = territory ? `${t('app.name')} — ${territory.label}` : t('app.name');
  }, [territory, t]);

  if (!session) {
    if (resuming) return <Splash />;
    return <LoginScreen />;
  }
  // An expired session keeps the console mounted (state, open dialogs, typed text) under the
  // re-login dialog; another user logging in remounts it from scratch (`key`).
  const user = session.user.username;
  return (
    <>
      <ConsoleLayout key={user} route={route} role={session.user.role} link={link} ready={ready} inert={expired} onStats={onStats} />
      <SessionExpiredDialog />
    </>
  );
}

interface ConsoleLayoutProps {
  route: string;
  role: Role;
  link: LinkState;
  ready: boolean;
  /** Under the re-login dialog: visible, kept, but out of reach of keyboard and mouse. */
  inert: boolean;
  onStats(stats: MapStats | null): void;
}

function ConsoleLayout({ route, role, link, ready, inert, onStats }: ConsoleLayoutProps) {
  if (route === ALARM_WINDOW_HASH) return <AlarmWindow inert={inert} />;
  if (route.startsWith(ADMIN_HASH) && role === 'admin') {
    return (
      <div className="console" data-testid="console" data-link={link} inert={inert}>
        <Header />
        <ConnectionBanner />
        <AdminScreen route={route} />
      </div>
    );
  }
  return <Console link={link} ready={ready} route={route} role={role} inert={inert} onStats={onStats} />;
}

/** The map with its panel and the alarm list, following an alarm link (`#alarme/<id>`) if any. */
function Console({ link, ready, route, role, inert, onStats }: { link: string; ready: boolean; route: string; role: Role; inert: boolean; onStats(stats: MapStats | null): void }) {
  const { t } = useI18n();
  const deepLink = useAlarmDeepLink(route);
  // On a phone the list comes first and the map waits behind a tab.
  const [phoneTab, setPhoneTab] = useState<PhoneTab>('alarms');
  return (
    <div className="console" data-testid="console" data-ready={ready} data-link={link} inert={inert}>
      <Header />
      <ConnectionBanner />
      {deepLink && !deepLink.found && (
        <p className="deep-link-notice" role="status" data-testid="deep-link-missing">
          {t('deepLink.missing')}
        </p>
      )}
      <PhoneTabs tab={phoneTab} onTab={setPhoneTab} />
      <div className="console__body" data-phone-tab={phoneTab}>
        <div className="console__map">
          <MapView onStats={onStats} />
          <AssetPanel />
          <GroupPanel />
          {route === LOGBOOK_HASH && mayKeepLogbook(role) && <LogbookDrawer />}
        </div>
        <AlarmList focusAlarmId={deepLink?.found ? deepLink.alarmId : undefined} />
      </div>
    </div>
  );
}

type PhoneTab = 'alarms' | 'map';

/**
 * On a phone (≤ 600 px, see layout.css) the on-call person sees the alarm list first, full width;
 * the map waits behind its tab. Hidden on wider screens, where both are side by side.
 */
function PhoneTabs({ tab, onTab }: { tab: PhoneTab; onTab(tab: PhoneTab): void }) {
  const { t } = useI18n();
  return (
    <nav className="phone-tabs" aria-label={t('phone.tabs')} data-testid="phone-tabs">
      {(['alarms', 'map'] as const).map((name) => (
        <button key={name} type="button" aria-pressed={tab === name} data-testid={`phone-tab-${name}`} onClick={() => onTab(name)}>
          {t(`phone.${name}`)}
        </button>
      ))}
    </nav>
  );
}

function Splash() {
  const { t } = useI18n();
  return (
    <main className="splash" data-testid="splash">
      <ConnectionBanner />
      <p className="muted">{t('connection.connecting')}</p>
    </main>
  );
}

/** The detachable alarm list the desktop shell opens on a second screen: alarms only, full height. */
function AlarmWindow({ inert }: { inert: boolean }) {
  return (
    <div className="console console--alarms" data-testid="alarm-window" inert={inert}>
      <Header compact />
      <ConnectionBanner />
      <div className="console__alarms-only">
        <AlarmList />
      </div>
    </div>
  );
}
