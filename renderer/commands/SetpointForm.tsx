import { useState, type FormEvent } from 'react';
import { isCommandFinal, type Asset } from '../../shared';
import { HubRequestError, useHubClient } from '../connection';
import { formatNumber, formatQuantity, parseDecimal, useI18n, type Locale } from '../i18n';
import { useAssetCommands, useCommand, useStore } from '../state';
import { CommandStepper } from './CommandStepper';
import { checkSetpoint, nudgeSetpoint, nudgeStepC, stepDecimals, stepWording, valueDecimals, type SetpointLimits } from './setpoint-limits';

/**
 * Heating setpoint of a building whose thermostat takes one. Bounds and resolution are the hub's
 * (`Asset.accepts`): the building's bounds narrowed to the user's own, the device's step (0,1 °C
 * on a Vicki, 1 °C on a WT101). The value is typed the French way (« 19,5 »); an off-step value
 * or one outside the user's own bounds is refused here, one outside the building's is sent and
 * the hub's refusal shown as it words it.
 */
export function SetpointForm({ asset, limits }: { asset: Asset; limits: SetpointLimits }) {
  const { t, locale } = useI18n();
  const client = useHubClient();
  const store = useStore();
  const current = asset.metrics.setpointC;
  const format = (value: number) => formatNumber(value, valueDecimals(value, limits.stepC), locale);
  const [text, setText] = useState(() => (typeof current === 'number' ? format(current) : ''));
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sentId, setSentId] = useState<string | null>(null);
  const sent = useCommand(sentId);
  const commands = useAssetCommands(asset.id);
  // The command to follow: the one just sent, else one still running from before (another console).
  const followed = sent ?? commands.find((c) => c.type === 'heating.setpoint' && !isCommandFinal(c.state));
  const nudgeC = nudgeStepC(limits.stepC);
  const stepText = stepHint(limits.stepC, locale, t);

  const nudge = (direction: 1 | -1) => {
    const value = parseDecimal(text) ?? (typeof current === 'number' ? current : (limits.minC + limits.maxC) / 2);
    setText(format(nudgeSetpoint(value, direction, limits)));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkSetpoint(text, limits);
    if (!checked.ok) {
      setError(
        checked.problem === 'off-step'
          ? t('setpoint.offStep', { value: text.trim(), step: stepText })
          : checked.problem === 'out-of-bounds'
            ? t('setpoint.outOfBounds', { min: format(limits.minC), max: format(limits.maxC) })
            : t('setpoint.invalidNumber'),
      );
      return;
    }
    setSending(true);
    setError(null);
    try {
      const reply = await client.request('command.send', { assetId: asset.id, command: { type: 'heating.setpoint', celsius: checked.celsius } });
      store.mergeCommands([reply.command]);
      setSentId(reply.commandId);
    } catch (caught) {
      setError(caught instanceof HubRequestError ? caught.message : String(caught));
    } finally {
      setSending(false);
    }
  };

  const nudgeLabel = (sign: string) => t('setpoint.nudge', { sign, step: formatNumber(nudgeC, valueDecimals(nudgeC, nudgeC), locale) });
  return (
    <section className="panel-section" data-testid="setpoint-form" data-step-c={limits.stepC}>
      <h3>{t('setpoint.title')}</h3>
      {typeof current === 'number' && <p className="muted">{t('setpoint.current', { value: formatQuantity(current, stepDecimals(limits.stepC), '°C', locale) })}</p>}
      <form className="setpoint" onSubmit={submit} noValidate>
        <label className="field">
          <span>{t('setpoint.label')}</span>
          <span className="setpoint__row">
            <button type="button" className="button button--ghost button--square" aria-label={nudgeLabel('−')} data-testid="setpoint-down" onClick={() => nudge(-1)}>
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
            <button type="button" className="button button--ghost button--square" aria-label={nudgeLabel('+')} data-testid="setpoint-up" onClick={() => nudge(1)}>
              +
            </button>
            <button type="submit" className="button button--primary" data-testid="setpoint-send" disabled={sending}>
              {sending ? t('setpoint.sending') : t('setpoint.send')}
            </button>
          </span>
        </label>
        <p id="setpoint-bounds" className="muted small" data-testid="setpoint-bounds">
          {t(limits.narrowed ? 'setpoint.boundsAccount' : 'setpoint.bounds', { min: format(limits.minC), max: format(limits.maxC), step: stepText })}
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

/** « au dixième de degré », « en degrés entiers », or « par pas de 0,25 °C ». */
function stepHint(stepC: number, locale: Locale, t: ReturnType<typeof useI18n>['t']): string {
  const wording = stepWording(stepC);
  if (wording !== 'other') return t(`setpoint.step.${wording}`);
  return t('setpoint.step.other', { step: formatNumber(stepC, valueDecimals(stepC, stepC), locale) });
}
