import { useState, type FormEvent } from 'react';
import { DEFAULT_SETPOINT_BOUNDS_C, isCommandFinal, type Asset } from '../../shared';
import { HubRequestError, useHubClient } from '../connection';
import { formatNumber, formatQuantity, parseDecimal, useI18n } from '../i18n';
import { useAssetCommands, useCommand, useStore } from '../state';
import { CommandStepper } from './CommandStepper';

const STEP_C = 0.5;

/**
 * Heating setpoint of a school. The value is typed the French way (« 19,5 »); the hub is the
 * authority on bounds (a building may have its own), so an out-of-range value is sent and the
 * hub's refusal is shown as it words it.
 */
export function SetpointForm({ asset }: { asset: Asset }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const client = useHubClient();
  const store = useStore();
  const current = asset.metrics.setpointC;
  const [text, setText] = useState(() => (typeof current === 'number' ? formatNumber(current, 1, locale) : ''));
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sentId, setSentId] = useState<string | null>(null);
  const sent = useCommand(sentId);
  const commands = useAssetCommands(asset.id);
  // The command to follow: the one just sent, else one still running from before (another console).
  const followed = sent ?? commands.find((c) => c.type === 'heating.setpoint' && !isCommandFinal(c.state));
  // The hub knows each building's own bounds; it says them when it refuses a value.
  const [bounds, setBounds] = useState<{ min: number; max: number }>(DEFAULT_SETPOINT_BOUNDS_C);
  const { min, max } = bounds;

  const nudge = (deltaC: number) => {
    const value = parseDecimal(text) ?? (typeof current === 'number' ? current : 19);
    setText(formatNumber(Math.round((value + deltaC) / STEP_C) * STEP_C, 1, locale));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const celsius = parseDecimal(text);
    if (celsius === null) {
      setError(t('setpoint.invalidNumber'));
      return;
    }
    setSending(true);
    setError(null);
    try {
      const reply = await client.request('command.send', { assetId: asset.id, command: { type: 'heating.setpoint', celsius } });
      store.mergeCommands([reply.command]);
      setSentId(reply.commandId);
    } catch (caught) {
      setError(caught instanceof HubRequestError ? caught.message : String(caught));
      const learnt = caught instanceof HubRequestError ? boundsFrom(caught.details) : null;
      if (learnt) setBounds(learnt);
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="panel-section" data-testid="setpoint-form">
      <h3>{t('setpoint.title')}</h3>
      {typeof current === 'number' && <p className="muted">{t('setpoint.current', { value: formatQuantity(current, 1, '°C', locale) })}</p>}
      <form className="setpoint" onSubmit={submit} noValidate>
        <label className="field">
          <span>{t('setpoint.label')}</span>
          <span className="setpoint__row">
            <button type="button" className="button button--ghost button--square" aria-label="−0,5" onClick={() => nudge(-STEP_C)}>
              −
            </button>
            <input
              className="setpoint__input"
              data-testid="setpoint-input"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-describedby="setpoint-bounds"
            />
            <button type="button" className="button button--ghost button--square" aria-label="+0,5" onClick={() => nudge(STEP_C)}>
              +
            </button>
            <button type="submit" className="button button--primary" data-testid="setpoint-send" disabled={sending}>
              {sending ? t('setpoint.sending') : t('setpoint.send')}
            </button>
          </span>
        </label>
        <p id="setpoint-bounds" className="muted small">
          {t('setpoint.bounds', { min: formatNumber(min, Number.isInteger(min) ? 0 : 1, locale), max: formatNumber(max, Number.isInteger(max) ? 0 : 1, locale) })}
        </p>
      </form>
      {error && (
        <p className="form-error" role="alert" data-testid="setpoint-error">
          {error}
        </p>
      )}
      {followed && <CommandStepper command={followed} />}
      {followed && !isCommandFinal(followed.state) && <p className="muted small">{t('setpoint.classA')}</p>}
    </section>
  );
}

function boundsFrom(details: Record<string, unknown> | undefined): { min: number; max: number } | null {
  const min = details?.min;
  const max = details?.max;
  return typeof min === 'number' && typeof max === 'number' ? { min, max } : null;
}
