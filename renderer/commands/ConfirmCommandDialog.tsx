import { useEffect, useRef, useState } from 'react';
import { useHubAction } from '../connection';
import { useI18n } from '../i18n';

/**
 * Asks before a command acts on the field, saying its consequence in plain words. Opening a gate
 * and large group commands take a second, deliberate confirmation (`secondConfirmation`): the first
 * button only moves on to it. The hub's refusal is shown in its own words; Escape cancels.
 */
export function ConfirmCommandDialog({
  name,
  title,
  consequence,
  confirmLabel,
  secondConfirmation,
  onClose,
  send,
}: {
  /** Test id prefix: `<name>-dialog`, `<name>-confirm`, `<name>-error`. */
  name: string;
  title: string;
  consequence: string;
  confirmLabel: string;
  secondConfirmation?: string;
  onClose(): void;
  send(): Promise<void>;
}) {
  const { t } = useI18n();
  const [step, setStep] = useState<1 | 2>(1);
  const { sending, error, run } = useHubAction(onClose);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    confirmRef.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose, step]);

  const confirm = async () => {
    if (secondConfirmation && step === 1) {
      setStep(2);
      return;
    }
    await run(send);
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={`${name}-title`} data-testid={`${name}-dialog`} data-step={step}>
        <h2 id={`${name}-title`}>{title}</h2>
        <p className="dialog__subject" data-testid={`${name}-consequence`}>
          {consequence}
        </p>
        {step === 2 && secondConfirmation && (
          <p className="dialog__warning" role="alert" data-testid={`${name}-second`}>
            {secondConfirmation}
          </p>
        )}
        {error && (
          <p className="form-error" role="alert" data-testid={`${name}-error`}>
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('command.cancel')}
          </button>
          <button ref={confirmRef} type="button" className="button button--primary" data-testid={`${name}-confirm`} disabled={sending} onClick={() => void confirm()}>
            {secondConfirmation && step === 1 ? t('command.continue') : confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
