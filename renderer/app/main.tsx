// First: zod must know before any schema is built that it may not compile with `Function`.
import './zod-jitless';
import 'maplibre-gl/dist/maplibre-gl.css';
import './base.css';
import './login.css';
import './layout.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AlarmSoundProvider, startAlarmSound } from '../alarms';
import { browserTokenStore, HubClient, HubClientProvider, openBrowserSocket, resolveHubUrl } from '../connection';
import { I18nProvider, isLocale, translate } from '../i18n';
import type { MapStats } from '../map';
import { animationFrameScheduler, ConsoleStore, StoreProvider } from '../state';
import { App } from './App';
import { notifyNewAlarms } from './alarm-notifier';
import { installDebug } from './debug';
import { desktopFeatures } from './desktop';

/** The composition root: one store, one hub client, wired together, then React on top. */
const currentLocale = () => (isLocale(document.documentElement.lang) ? document.documentElement.lang : 'fr');

const store = new ConsoleStore(animationFrameScheduler);
const client = new HubClient({
  url: resolveHubUrl(window),
  openSocket: openBrowserSocket,
  tokens: browserTokenStore(),
  sink: store,
  messages: {
    timeout: () => translate(currentLocale(), 'error.timeout'),
    disconnected: () => translate(currentLocale(), 'error.disconnected'),
  },
});

let mapStats: MapStats | null = null;
const onMapStats = (stats: MapStats | null) => {
  mapStats = stats;
};
notifyNewAlarms(store, desktopFeatures(), currentLocale);
const sounder = startAlarmSound(store);
installDebug(store, client, () => mapStats, sounder);
client.start();

const root = document.getElementById('root');
if (!root) throw new Error('#root absent de index.html');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <HubClientProvider client={client}>
        <StoreProvider store={store}>
          <AlarmSoundProvider sounder={sounder}>
            <App onMapStats={onMapStats} />
          </AlarmSoundProvider>
        </StoreProvider>
      </HubClientProvider>
    </I18nProvider>
  </StrictMode>,
);
