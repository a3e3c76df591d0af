import { ALARM_PRIORITIES, type AlarmPriority } from '../../shared';
import type { TonePlayer } from './alarm-sounder';

/**
 * Plays the shipped tones (scripts/make-sounds.mjs) through one `<audio>` element per priority,
 * kept in the page (hidden) so they load once and a test can see which one plays. Relative URLs:
 * the same build is served by the hub over http and by Electron over app://.
 */
export function audioElementPlayer(doc: Document = document): TonePlayer {
  const elements = new Map<AlarmPriority, HTMLAudioElement>();
  const element = (priority: AlarmPriority): HTMLAudioElement => {
    let audio = elements.get(priority);
    if (!audio) {
      audio = doc.createElement('audio');
      audio.src = `sounds/alarm-${priority}.wav`;
      audio.preload = 'auto';
      audio.hidden = true;
      audio.dataset.testid = 'alarm-sound';
      audio.dataset.priority = priority;
      doc.body.append(audio);
      elements.set(priority, audio);
    }
    return audio;
  };
  return {
    play(priority, volume) {
      const audio = element(priority);
      audio.muted = false;
      audio.volume = volume;
      audio.currentTime = 0;
      // Counted apart from the silent unlock below: what an end-to-end test checks was heard.
      return audio.play().then(() => {
        audio.dataset.plays = String(Number(audio.dataset.plays ?? '0') + 1);
      });
    },
    unlock() {
      // Safari and Firefox allow an element to play later once it played inside a gesture.
      for (const priority of ALARM_PRIORITIES) {
        const audio = element(priority);
        if (!audio.paused) continue;
        audio.muted = true;
        audio.play().then(
          () => {
            audio.pause();
            audio.currentTime = 0;
            audio.muted = false;
          },
          () => {
            audio.muted = false;
          },
        );
      }
    },
  };
}
