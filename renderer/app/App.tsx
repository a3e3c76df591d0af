import { useCallback, useEffect, useState } from 'react';
import { AdminScreen } from '../admin';
import { AlarmList } from '../alarms';
import { AssetPanel } from '../assets';
import { useConnectionState } from '../connection';
import { useI18n } from '../i18n';
import { MapView, type MapStats } from '../map';
import { useStoreReady, useTerritory } from '../state';
import { ConnectionBanner } from './ConnectionBanner';
import { ALARM_WINDOW_HASH } from './desktop';
import { ADMIN_HASH, useHashRoute } from './hash-route';
import { Header } from './Header';
import { LoginScreen } from './LoginScreen';

/** Login, or the console: header, banner when the hub is lost, map with its panel, alarm list. */
export function App({ onMapStats }: { onMapStats(stats: MapStats | null): void }) {
  const { t } = useI18n();
  const { session, resuming, link } = useConnectionState();
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
  if (route === ALARM_WINDOW_HASH) return <AlarmWindow />;
  if (route.startsWith(ADMIN_HASH) && session.user.role === 'admin') {
    return (
      <div className="console" data-testid="console" data-link={link}>
        <Header />
        <ConnectionBanner />
        <AdminScreen route={route} />
      </div>
    );
  }
  return (
    <div className="console" data-testid="console" data-ready={ready} data-link={link}>
      <Header />
      <ConnectionBanner />
      <PhoneTabs tab={phoneTab} onTab={setPhoneTab} />
      <div className="console__body" data-phone-tab={phoneTab}>
        <div className="console__map">
          <MapView onStats={onStats} />
          <AssetPanel />
        </div>
        <AlarmList />
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
function AlarmWindow() {
  return (
    <div className="console console--alarms" data-testid="alarm-window">
      <Header compact />
      <ConnectionBanner />
      <div className="console__alarms-only">
        <AlarmList />
      </div>
    </div>
  );
}
