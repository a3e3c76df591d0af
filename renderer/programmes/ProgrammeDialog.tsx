import { useEffect, type FormEvent, type ReactNode } from 'react';
import { useHubAction } from '../connection';
import { useI18n } from '../i18n';

/**
 * The frame of a programme editor: wide, scrollable, Escape to cancel, and the hub's refusal
 * shown in its words while everything typed stays in the form.
 */
export function ProgrammeDialog({ name, title, onClose, save, children }: { name: string; title: string; onClose(): void; save(): Promise<void>; children: ReactNode }) {
  const { t } = useI18n();
  const { sending: saving, error, run } = useHubAction(onClose);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(save);
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form className="dialog dialog--wide" role="dialog" aria-modal="true" aria-labelledby={`${name}-title`} data-testid={`${name}-dialog`} onSubmit={submit} noValidate>
        <h2 id={`${name}-title`}>{title}</h2>
        <div className="programme-editor">{children}</div>
        {error && (
          <p className="form-error" role="alert" data-testid={`${name}-error`}>
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('command.cancel')}
          </button>
          <button type="submit" className="button button--primary" data-testid={`${name}-save`} disabled={saving}>
            {saving ? t('programme.saving') : t('programme.save')}
          </button>
        </div>
      </form>
    </div>
  );
}
