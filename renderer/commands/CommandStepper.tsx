import type { Command } from '../../shared';
import { formatClock, formatTimeSeconds, useI18n } from '../i18n';
import { awaitsDevice, commandSteps } from './command-steps';

/** demandée → en file d’attente → envoyée → remise → confirmée, live, with the time of each step. */
export function CommandStepper({ command }: { command: Command }) {
  const { t, locale } = useI18n();
  const steps = commandSteps(command);
  return (
    <div className="stepper" data-testid="command-stepper" data-command-id={command.id}>
      <p className="stepper__state">
        <span className={`command-state command-state--${command.state}`} data-testid="command-state" data-state={command.state}>
          {t(`command.state.${command.state}`)}
        </span>
        {awaitsDevice(command) && command.nextListenAt && (
          <span className="stepper__next" data-testid="command-next-listen">
            {t('command.nextListen', { time: formatClock(command.nextListenAt, locale) })}
          </span>
        )}
      </p>
      <ol className="stepper__steps">
        {steps.map((step) => (
          <li key={step.state} className={`step step--${step.status}`} data-step={step.state}>
            <span className="step__marker" aria-hidden>
              {step.status === 'done' ? '✓' : step.status === 'failed' ? '✕' : ''}
            </span>
            <span className="step__label">{t(`command.state.${step.state}`)}</span>
            <span className="step__time">{step.at ? formatTimeSeconds(step.at, locale) : ''}</span>
          </li>
        ))}
      </ol>
      {command.detail && (
        <p className="stepper__detail" data-testid="command-detail">
          {command.detail}
        </p>
      )}
    </div>
  );
}
