/** The operator's sound settings, kept per workstation (localStorage), not per account. */
export interface SoundSettings {
  /** 0–1. */
  volume: number;
  muted: boolean;
}

export const DEFAULT_SOUND: SoundSettings = { volume: 0.8, muted: false };
const KEY = 'beffroi.sound';

/** Whatever is stored is untrusted: a bad value falls back to the default, never throws. */
export function parseSoundSettings(raw: string | null): SoundSettings {
  if (!raw) return DEFAULT_SOUND;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return DEFAULT_SOUND;
  }
  if (typeof value !== 'object' || value === null) return DEFAULT_SOUND;
  const volume: unknown = Reflect.get(value, 'volume');
  const muted: unknown = Reflect.get(value, 'muted');
  return {
    volume: typeof volume === 'number' && Number.isFinite(volume) ? Math.min(1, Math.max(0, volume)) : DEFAULT_SOUND.volume,
    muted: typeof muted === 'boolean' ? muted : DEFAULT_SOUND.muted,
  };
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function loadSoundSettings(): SoundSettings {
  return parseSoundSettings(storage()?.getItem(KEY) ?? null);
}

export function saveSoundSettings(settings: SoundSettings): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Storage full or forbidden: the setting holds for this session only.
  }
}
