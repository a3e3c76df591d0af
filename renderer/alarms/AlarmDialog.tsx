import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import type { Alarm } from '../../shared';
import { useHubAction } from '../connection';
import { useI18n } from '../i18n';

/**
 * The frame every alarm dialog shares: the alarm it is about, Escape or a click outside to
 * cancel, its first text field focused, a check before sending, and the hub's refusal shown in
 * its own words. `name` prefixes the test ids (`<name>-dialog`, `-error`, `-confirm`).
 */
export function AlarmDialog({
  alarm,
  assetName,
  name,
  title,
  confirmLabel,
  onClose,
  check,
  send,
  children,
}: {
  alarm: Alarm;
  assetName: string;
  name: string;
  title: string;
  confirmLabel: string;
  onClose(): void;
  /** A message to show instead of sending (a required field left empty), or undefined. */
  check?(): string | undefined;
  send(): Promise<void>;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { sending, error, run } = useHubAction(onClose);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    formRef.current?.querySelector('textarea')?.focus();
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(send, check);
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form ref={formRef} className="dialog" role="dialog" aria-modal="true" aria-labelledby={`${name}-title`} data-testid={`${name}-dialog`} onSubmit={submit}>
        <h2 id={`${name}-title`}>{title}</h2>
        <p className="dialog__subject">
          <strong>{assetName}</strong> — {alarm.message}
        </p>
        {children}
        {error && (
          <p className="form-error" role="alert" data-testid={`${name}-error`}>
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('alarms.cancel')}
          </button>
          <button type="submit" className="button button--primary" data-testid={`${name}-confirm`} disabled={sending}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </div>
  );
}
