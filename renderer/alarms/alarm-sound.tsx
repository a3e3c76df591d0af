import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { ConsoleStore } from '../state';
import { AlarmSounder, type SounderState } from './alarm-sounder';
import { audioElementPlayer } from './audio-player';
import { loadSoundSettings, saveSoundSettings } from './sound-settings';

/**
 * Wires the console's sound to its store: new alarms sound, critical ones ring until no console
 * has left them unacknowledged. The first click, key or touch on the page (the login itself,
 * usually) arms the sound for browsers that allow playing only after a gesture.
 */
export function startAlarmSound(store: ConsoleStore, win: Window = window): AlarmSounder {
  const sounder = new AlarmSounder(audioElementPlayer(win.document), loadSoundSettings(), {
    now: () => Date.now(),
    every: (ms, run) => {
      const timer = win.setInterval(run, ms);
      return () => win.clearInterval(timer);
    },
  }, saveSoundSettings);
  store.onAlarmsRaised((alarms) => sounder.announce(alarms));
  let seen: unknown = null;
  store.subscribe(() => {
    const { alarms } = store.getView();
    if (alarms === seen) return;
    seen = alarms;
    const pendingCritical = new Set<string>();
    for (const alarm of alarms) if (alarm.priority === 'critical' && alarm.state === 'unacknowledged') pendingCritical.add(alarm.id);
    sounder.keepRinging(pendingCritical);
  });
  const onGesture = () => {
    win.removeEventListener('pointerdown', onGesture, true);
    win.removeEventListener('keydown', onGesture, true);
    sounder.arm();
  };
  win.addEventListener('pointerdown', onGesture, true);
  win.addEventListener('keydown', onGesture, true);
  return sounder;
}

const SounderContext = createContext<AlarmSounder | null>(null);

export function AlarmSoundProvider({ sounder, children }: { sounder: AlarmSounder; children: ReactNode }) {
  return <SounderContext.Provider value={sounder}>{children}</SounderContext.Provider>;
}

/** The sounder and its state; null outside a provider (a test rendering a part of the console). */
export function useAlarmSound(): { sounder: AlarmSounder; state: SounderState } | null {
  const sounder = useContext(SounderContext);
  const state = useSyncExternalStore(
    sounder?.subscribe ?? noSubscribe,
    sounder?.getState ?? noState,
  );
  return sounder && state ? { sounder, state } : null;
}

const noSubscribe = () => () => undefined;
const noState = () => null;
