import { describe, expect, it } from 'vitest';
import type { AlarmPriority } from '../../../shared';
import { AlarmSounder, CRITICAL_REPEAT_MS, MIN_GAP_MS, type SounderClock, type TonePlayer } from '../../../renderer/alarms/alarm-sounder';
import { DEFAULT_SOUND, parseSoundSettings, type SoundSettings } from '../../../renderer/alarms/sound-settings';
import { alarm } from './fixtures';

/** A clock the test moves by hand, with the repeat timers it would fire. */
function manualClock() {
  let nowMs = 0;
  const timers: Array<{ everyMs: number; nextMs: number; run: () => void; live: boolean }> = [];
  const clock: SounderClock = {
    now: () => nowMs,
    every(ms, run) {
      const timer = { everyMs: ms, nextMs: nowMs + ms, run, live: true };
      timers.push(timer);
      return () => {
        timer.live = false;
      };
    },
  };
  const advance = (ms: number) => {
    const until = nowMs + ms;
    for (const timer of timers) {
      while (timer.live && timer.nextMs <= until) {
        nowMs = timer.nextMs;
        timer.nextMs += timer.everyMs;
        timer.run();
      }
    }
    nowMs = until;
  };
  return { clock, advance, liveTimers: () => timers.filter((t) => t.live).length };
}

/** Records what would have played; `refuse` plays the browser's autoplay refusal. */
function recordingPlayer() {
  const played: Array<{ priority: AlarmPriority; volume: number }> = [];
  let refuse = false;
  let unlocked = 0;
  const player: TonePlayer = {
    play(priority, volume) {
      played.push({ priority, volume });
      return refuse ? Promise.reject(new DOMException('play() needs a user gesture', 'NotAllowedError')) : Promise.resolve();
    },
    unlock() {
      unlocked += 1;
    },
  };
  return { player, played, refuse: (on: boolean) => (refuse = on), unlocked: () => unlocked };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(settings: SoundSettings = DEFAULT_SOUND) {
  const time = manualClock();
  const audio = recordingPlayer();
  const saved: SoundSettings[] = [];
  const sounder = new AlarmSounder(audio.player, settings, time.clock, (s) => saved.push(s));
  return { sounder, ...time, ...audio, saved };
}

describe('alarm sounds', () => {
  it('a burst plays its most severe priority’s tone once, at the operator’s volume', async () => {
    const { sounder, played } = setup({ volume: 0.4, muted: false });
    sounder.announce([alarm({ id: 'a', assetId: 'x', priority: 'low' }), alarm({ id: 'b', assetId: 'y', priority: 'high' }), alarm({ id: 'c', assetId: 'z', priority: 'medium' })]);
    await settle();
    expect(played).toEqual([{ priority: 'high', volume: 0.4 }]);
    expect(sounder.getState().played).toBe(1);
  });

  it('a burst right after another stays silent unless it is more severe', () => {
    const { sounder, played, advance } = setup();
    sounder.announce([alarm({ id: 'a', assetId: 'x', priority: 'high' })]);
    sounder.announce([alarm({ id: 'b', assetId: 'x', priority: 'medium' })]);
    sounder.announce([alarm({ id: 'c', assetId: 'x', priority: 'critical' })]);
    advance(MIN_GAP_MS);
    sounder.announce([alarm({ id: 'd', assetId: 'x', priority: 'low' })]);
    expect(played.map((p) => p.priority)).toEqual(['high', 'critical', 'low']);
  });

  it('a critical alarm rings again until no console leaves it unacknowledged', () => {
    const { sounder, played, advance, liveTimers } = setup();
    sounder.announce([alarm({ id: 'crit', assetId: 'x', priority: 'critical' })]);
    advance(CRITICAL_REPEAT_MS * 3);
    expect(played.map((p) => p.priority)).toEqual(['critical', 'critical', 'critical', 'critical']);
    expect(sounder.getState().ringing).toBe(1);
    sounder.keepRinging(new Set(['crit']));
    advance(CRITICAL_REPEAT_MS);
    expect(played).toHaveLength(5);
    // Acknowledged (here or elsewhere): it leaves the pending set and stops.
    sounder.keepRinging(new Set());
    advance(CRITICAL_REPEAT_MS * 5);
    expect(played).toHaveLength(5);
    expect(liveTimers()).toBe(0);
    expect(sounder.getState().ringing).toBe(0);
  });

  it('a high alarm sounds once and does not repeat; an alarm already acknowledged is silent', () => {
    const { sounder, played, advance } = setup();
    sounder.announce([alarm({ id: 'h', assetId: 'x', priority: 'high' })]);
    advance(CRITICAL_REPEAT_MS * 3);
    sounder.announce([alarm({ id: 'c', assetId: 'y', priority: 'critical', state: 'acknowledged' })]);
    advance(CRITICAL_REPEAT_MS * 3);
    expect(played.map((p) => p.priority)).toEqual(['high']);
  });

  it('muting silences everything, the repeat included; the setting is saved', () => {
    const { sounder, played, advance, saved, liveTimers } = setup();
    sounder.announce([alarm({ id: 'crit', assetId: 'x', priority: 'critical' })]);
    sounder.setMuted(true);
    expect(liveTimers()).toBe(0);
    advance(CRITICAL_REPEAT_MS * 3);
    sounder.announce([alarm({ id: 'crit2', assetId: 'y', priority: 'critical' })]);
    expect(played).toHaveLength(1);
    expect(saved.at(-1)).toEqual({ volume: DEFAULT_SOUND.volume, muted: true });
    // Unmuted while still unacknowledged: it rings again.
    sounder.setMuted(false);
    advance(CRITICAL_REPEAT_MS);
    expect(played).toHaveLength(2);
  });

  it('the volume is clamped to 0–1 and saved', () => {
    const { sounder, saved } = setup();
    sounder.setVolume(1.7);
    expect(sounder.getState().volume).toBe(1);
    sounder.setVolume(-1);
    expect(saved.at(-1)).toEqual({ volume: 0, muted: false });
  });

  it('a play the browser refuses shows « blocked »; a gesture arms it and rings the pending critical at once', async () => {
    const { sounder, played, refuse, unlocked } = setup();
    refuse(true);
    sounder.announce([alarm({ id: 'crit', assetId: 'x', priority: 'critical' })]);
    await settle();
    expect(sounder.getState()).toMatchObject({ blocked: true, played: 0 });
    refuse(false);
    sounder.arm();
    await settle();
    expect(unlocked()).toBe(1);
    expect(sounder.getState()).toMatchObject({ blocked: false, played: 1 });
    expect(played.map((p) => p.priority)).toEqual(['critical', 'critical']);
  });
});

describe('stored sound settings', () => {
  it.each([
    [null, DEFAULT_SOUND],
    ['not json', DEFAULT_SOUND],
    ['[1,2]', DEFAULT_SOUND],
    ['{"volume":0.3,"muted":true}', { volume: 0.3, muted: true }],
    ['{"volume":7,"muted":"yes"}', { volume: 1, muted: false }],
    ['{"volume":null}', DEFAULT_SOUND],
  ])('%s reads as %o', (raw, expected) => {
    expect(parseSoundSettings(raw)).toEqual(expected);
  });
});
