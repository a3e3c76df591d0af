import { useState, type FormEvent, type ReactNode } from 'react';
import type { SourceView } from '../../../shared';
import { HubRequestError, useHubClient } from '../../connection';
import { useI18n } from '../../i18n';
import { EMPTY_SOURCE_FORM, formOf, passwordOf, settingsOf, type SourceFormState } from './source-form';

export interface SourceFormProps {
  /** The source to edit; a new one when absent. */
  editing?: SourceView;
  onDone(): void;
  onCancel(): void;
}

/**
 * Adds or edits a console source. Checked by the shared schema before sending (a bad address is
 * said at once, in French); the hub checks again and says what else is wrong. The password is
 * write-only: the form never shows it, only whether one is set.
 */
export function SourceForm({ editing, onDone, onCancel }: SourceFormProps) {
  const { t } = useI18n();
  const client = useHubClient();
  const [form, setForm] = useState<SourceFormState>(editing ? formOf(editing) : EMPTY_SOURCE_FORM);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof SourceFormState>(key: K, value: SourceFormState[K]) => setForm((previous) => ({ ...previous, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = settingsOf(form);
    if ('error' in checked) {
      setError(`${t(`sources.field.${checked.field}` as 'sources.field.name')} : ${checked.error}`);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      if (editing) {
        const { name: _name, ...settings } = checked.settings;
        await client.request('source.update', { name: editing.name, source: settings, ...passwordOf(form, true) });
      } else {
        const { password } = passwordOf(form, false);
        await client.request('source.create', { source: checked.settings, ...(password ? { password } : {}) });
      }
      onDone();
    } catch (caught) {
      setError(caught instanceof HubRequestError ? caught.message : String(caught));
    } finally {
      setSaving(false);
    }
  };

  const text = (key: 'name' | 'url' | 'username' | 'applicationIds' | 'topicPrefix', hint?: string, disabled = false): ReactNode => (
    <label className="field">
      <span>{t(`sources.field.${key}`)}</span>
      <input data-testid={`source-${key}`} value={form[key]} disabled={disabled} onChange={(e) => set(key, e.target.value)} />
      {hint && <small className="muted">{hint}</small>}
    </label>
  );
  const pem = (key: 'tlsCa' | 'tlsCert' | 'tlsKey', label: 'ca' | 'cert' | 'key'): ReactNode => (
    <label className="field">
      <span>{t(`sources.field.tls.${label}`)}</span>
      <textarea data-testid={`source-${key}`} rows={2} value={form[key]} placeholder={t('sources.pemHint')} onChange={(e) => set(key, e.target.value)} />
    </label>
  );

  return (
    <form className="source-form" data-testid="source-form" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{editing ? t('sources.editTitle', { name: editing.name }) : t('sources.addTitle')}</h3>
      <div className="source-form__grid">
        {text('name', t('sources.nameHint'), Boolean(editing))}
        <label className="field">
          <span>{t('sources.field.format')}</span>
          <select data-testid="source-format" value={form.format} onChange={(e) => set('format', e.target.value as SourceFormState['format'])}>
            <option value="chirpstack">{t('sources.format.chirpstack')}</option>
            <option value="tts">{t('sources.format.tts')}</option>
          </select>
        </label>
        {text('url', t('sources.urlHint'))}
        {text('username')}
        <label className="field">
          <span>{t('sources.field.password')}</span>
          <input
            data-testid="source-password"
            type="password"
            autoComplete="new-password"
            value={form.password}
            placeholder={editing?.hasPassword ? t('sources.passwordKept') : ''}
            onChange={(e) => set('password', e.target.value)}
          />
          {editing?.hasPassword && (
            <label className="source-form__check">
              <input type="checkbox" checked={form.removePassword} onChange={(e) => set('removePassword', e.target.checked)} />
              {t('sources.removePassword')}
            </label>
          )}
        </label>
        {text('applicationIds', t('sources.applicationIdsHint'))}
        {text('topicPrefix', t('sources.topicPrefixHint'))}
        {pem('tlsCa', 'ca')}
        {pem('tlsCert', 'cert')}
        {pem('tlsKey', 'key')}
        <div className="source-form__checks">
          <label className="source-form__check">
            <input type="checkbox" data-testid="source-reject-unauthorized" checked={form.rejectUnauthorized} onChange={(e) => set('rejectUnauthorized', e.target.checked)} />
            {t('sources.field.rejectUnauthorized')}
          </label>
          <label className="source-form__check">
            <input type="checkbox" data-testid="source-enabled" checked={form.enabled} onChange={(e) => set('enabled', e.target.checked)} />
            {t('sources.field.enabled')}
          </label>
        </div>
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid="source-error">
          {error}
        </p>
      )}
      <div className="source-form__buttons">
        <button type="submit" className="button button--primary" data-testid="source-save" disabled={saving}>
          {saving ? t('sources.saving') : t('sources.save')}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('sources.cancel')}
        </button>
      </div>
    </form>
  );
}
