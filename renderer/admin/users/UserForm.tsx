import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Role, type UserAccount } from '../../../shared';
import { HubRequestError, useHubClient } from '../../connection';
import { useI18n } from '../../i18n';
import { useTerritory } from '../../state';
import { CommunePicker } from './CommunePicker';
import { FieldError } from './FieldError';
import { GrantsEditor } from './GrantsEditor';
import { SitePicker } from './SitePicker';
import { createRequest, emptyUserForm, fieldOfHubError, formFromAccount, MIN_PASSWORD_LENGTH, updateRequest, type FormErrors, type UserFormState } from './user-form';

/**
 * Creates an account (`account` absent) or edits one's role, scope and commands. What the admin
 * typed stays in the form whatever the hub answers; its refusal shows next to the field it is
 * about.
 */
export function UserForm({ account, onSaved, onCancel }: { account?: UserAccount; onSaved(user: UserAccount, created: boolean): void; onCancel(): void }) {
  const { t } = useI18n();
  const client = useHubClient();
  const territory = useTerritory();
  const [form, setForm] = useState<UserFormState>(() => (account ? formFromAccount(account) : emptyUserForm()));
  const [errors, setErrors] = useState<FormErrors>({});
  const [sending, setSending] = useState(false);
  const creating = account === undefined;
  const formRef = useRef<HTMLFormElement>(null);

  // Opened from a row far down a long table: bring the form into view, its first field focused.
  useEffect(() => {
    formRef.current?.scrollIntoView({ block: 'start' });
    formRef.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, []);
  const set = <K extends keyof UserFormState>(key: K, value: UserFormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  /** Sends the request; a refusal goes next to the field it is about, the form untouched. */
  const send = async (request: () => Promise<{ user: UserAccount }>) => {
    setSending(true);
    setErrors({});
    try {
      const { user } = await request();
      onSaved(user, creating);
    } catch (caught) {
      if (!(caught instanceof HubRequestError)) throw caught;
      setErrors({ [fieldOfHubError(caught)]: caught.message });
      setSending(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (creating) {
      const built = createRequest(form, t);
      if (!built.ok) return setErrors(built.errors);
      return void send(() => client.request('user.create', built.request));
    }
    const built = updateRequest(form, account, t);
    if (!built.ok) return setErrors(built.errors);
    const request = built.request;
    if (request === null) return setErrors({ form: t('users.noChange') });
    return void send(() => client.request('user.update', request));
  };

  const title = creating ? t('users.createTitle') : t('users.editTitle', { user: account.username });
  return (
    <form ref={formRef} className="user-form" aria-labelledby="user-form-title" data-testid="user-form" onSubmit={submit} noValidate>
      <h3 id="user-form-title">{title}</h3>
      {creating && (
        <div className="user-form__row">
          <div className="field">
            <label htmlFor="user-username">{t('users.username')}</label>
            <input id="user-username" data-testid="user-username" autoComplete="off" value={form.username} onChange={(e) => set('username', e.target.value)} aria-invalid={!!errors.username} aria-describedby="user-username-rule user-username-error" required />
            <span className="muted small" id="user-username-rule">
              {t('users.usernameRule')}
            </span>
            <FieldError id="user-username-error" message={errors.username} />
          </div>
          <div className="field">
            <label htmlFor="user-password">{t('users.password')}</label>
            <input
              id="user-password"
              data-testid="user-password"
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => set('password', e.target.value)}
              aria-invalid={!!errors.password}
              aria-describedby="user-password-rule user-password-error"
              required
            />
            <span className="muted small" id="user-password-rule">
              {t('users.passwordRule', { min: MIN_PASSWORD_LENGTH, count: form.password.length })}
            </span>
            <FieldError id="user-password-error" message={errors.password} />
          </div>
        </div>
      )}
      <div className="field user-form__role">
        <label htmlFor="user-role">{t('users.role')}</label>
        <select id="user-role" data-testid="user-role" value={form.role} onChange={(e) => set('role', Role.parse(e.target.value))} aria-describedby="user-role-error">
          {Role.options.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </select>
        <FieldError id="user-role-error" message={errors.role} />
      </div>
      <CommunePicker communes={territory?.communes ?? []} selected={form.communes} onChange={(codes) => set('communes', codes)} error={errors.communes} />
      <SitePicker communes={form.communes} selected={form.sites} onChange={(ids) => set('sites', ids)} error={errors.sites} />
      <GrantsEditor
        mode={form.grantsMode}
        grants={form.grants}
        onMode={(mode) => set('grantsMode', mode)}
        onGrant={(type, draft) => set('grants', { ...form.grants, [type]: draft })}
        error={errors.grants}
      />
      <FieldError id="user-form-error" message={errors.form} />
      <div className="dialog__actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('alarms.cancel')}
        </button>
        <button type="submit" className="button button--primary" data-testid="user-save" disabled={sending}>
          {sending ? t('users.saving') : creating ? t('users.create') : t('users.save')}
        </button>
      </div>
    </form>
  );
}
