import { useState, type FormEvent } from 'react';
import { HubRequestError, useConnectionState, useHubClient } from '../connection';
import { useI18n } from '../i18n';
import { BeffroiMark } from './BeffroiMark';
import { LanguageSwitch } from './LanguageSwitch';

/** The door of the console: French, dark, the hub's own words when it refuses. */
export function LoginScreen() {
  const { t } = useI18n();
  const client = useHubClient();
  const connection = useConnectionState();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    setError(null);
    try {
      await client.login(username.trim(), password);
    } catch (caught) {
      setError(caught instanceof HubRequestError ? caught.message : String(caught));
      setSending(false);
    }
  };

  const message = error ?? connection.authMessage;
  return (
    <main className="login">
      <div className="login__language">
        <LanguageSwitch />
      </div>
      <form className="login__card" onSubmit={submit} data-testid="login-form">
        <div className="login__brand">
          <BeffroiMark size={44} />
          <div>
            <h1>{t('app.name')}</h1>
            <p className="muted">{t('app.tagline')}</p>
          </div>
        </div>
        <h2 className="login__title">{t('login.title')}</h2>
        <label className="field">
          <span>{t('login.username')}</span>
          <input data-testid="login-username" name="username" autoComplete="username" autoFocus value={username} onChange={(e) => setUsername(e.target.value)} required />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input data-testid="login-password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {message && (
          <p className="form-error" role="alert" data-testid="login-error">
            {message}
          </p>
        )}
        <button type="submit" className="button button--primary button--wide" data-testid="login-submit" disabled={sending || !username || !password}>
          {sending ? t('login.submitting') : t('login.submit')}
        </button>
        {connection.link !== 'connected' && (
          <p className="login__link" data-testid="login-hub-state">
            <span className="status-dot status-dot--down" /> {t('login.hubUnreachable')}
          </p>
        )}
        <p className="muted small login__hint">{t('login.demoHint')}</p>
      </form>
    </main>
  );
}
