import { useI18n } from '../i18n';
import { useAlarmSound } from './alarm-sound';

/** Mute, volume, and the browser's refusal to play shown as a button that lifts it. */
export function SoundControls() {
  const { t } = useI18n();
  const sound = useAlarmSound();
  if (!sound) return null;
  const { sounder, state } = sound;
  return (
    <div className="sound-controls" data-testid="sound-controls" data-ringing={state.ringing > 0}>
      {state.blocked && (
        <button type="button" className="sound-controls__blocked" data-testid="sound-blocked" onClick={() => sounder.arm()}>
          {t('sound.blocked')}
        </button>
      )}
      <button
        type="button"
        className="button button--ghost sound-controls__mute"
        data-testid="sound-mute"
        aria-pressed={state.muted}
        title={state.muted ? t('sound.unmute') : t('sound.mute')}
        aria-label={state.muted ? t('sound.unmute') : t('sound.mute')}
        onClick={() => sounder.setMuted(!state.muted)}
      >
        <SpeakerIcon muted={state.muted} />
      </button>
      <input
        type="range"
        className="sound-controls__volume"
        data-testid="sound-volume"
        aria-label={t('sound.volume')}
        min={0}
        max={100}
        step={5}
        value={Math.round(state.volume * 100)}
        disabled={state.muted}
        onChange={(e) => sounder.setVolume(Number(e.target.value) / 100)}
        onPointerUp={() => sounder.preview('medium')}
        onKeyUp={(e) => e.key.startsWith('Arrow') && sounder.preview('medium')}
      />
    </div>
  );
}

/** Drawn, not an emoji: control-room workstations often lack a colour emoji font. */
function SpeakerIcon({ muted }: { muted: boolean }) {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M4 9v6h4l5 4V5L8 9H4z" fill="currentColor" />
      {muted ? <path d="M16 9l5 6M21 9l-5 6" /> : <path d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" />}
    </svg>
  );
}
