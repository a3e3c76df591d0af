import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useHubAction } from '../../connection';
import { useI18n } from '../../i18n';

/**
 * The frame of the account actions that ask first (disable, enable, new password, close
 * sessions): Escape cancels, the first field (or the confirm button) has the focus, and the hub's
 * refusal shows inside without closing, so nothing typed is lost. `name` prefixes the test ids.
 */
export function AccountDialog({
  name,
  title,
  confirmLabel,
  danger = false,
  check,
  send,
  onClose,
  children,
}: {
  name: string;
  title: string;
  confirmLabel: string;
  danger?: boolean;
  /** A message to show instead of sending, or undefined. */
  check?(): string | undefined;
  send(): Promise<void>;
  onClose(): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { sending, error, run } = useHubAction(onClose);
  const formRef = useRef<HTMLFormElement>(null);
  // The row's button that opened the dialog gets the focus back when it closes (keyboard users).
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  useEffect(() => {
    const first = formRef.current?.querySelector<HTMLElement>('input, [type="submit"]');
    first?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, [opener]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(send, check);
  };

  return (
    <div className="dialog-backdrop" onKeyDown={onKeyDown} onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form ref={formRef} className="dialog" role="dialog" aria-modal="true" aria-labelledby={`${name}-title`} data-testid={`${name}-dialog`} onSubmit={submit} noValidate>
        <h2 id={`${name}-title`}>{title}</h2>
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
          <button type="submit" className={`button ${danger ? 'button--danger' : 'button--primary'}`} data-testid={`${name}-confirm`} disabled={sending}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </div>
  );
}
