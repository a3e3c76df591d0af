import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { HubRequestError, useConnectionState, useHubClient } from '../connection';
import { useI18n } from '../i18n';
import { useStore } from '../state';

/**
 * « Session expirée », over the console: the hub ended the session mid-shift, but the map, the
 * selection, the open panels and whatever the operator was typing stay where they are, untouched
 * under this dialog. The same user logs in again and carries on (the stream resumes from its last
 * seq); another user logging in here starts afresh, as from the login screen.
 */
export function SessionExpiredDialog() {
  const { expired, session, authMessage } = useConnectionState();
  if (!expired || !session) return null;
  return <ReloginForm previousUser={session.user.username} reason={authMessage} />;
}

function ReloginForm({ previousUser, reason }: { previousUser: string; reason: string | null }) {
  const { t } = useI18n();
  const client = useHubClient();
  const store = useStore();
  const [username, setUsername] = useState(previousUser);
  const [password, setPassword] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  // Read while rendering, before the console behind turns inert and loses the focus.
  const [focused] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  // Where the operator was typing gets the focus back once they are logged in again.
  useEffect(() => {
    passwordRef.current?.focus();
    return () => {
      if (focused?.isConnected) focused.focus();
    };
  }, [focused]);

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

  const leave = async () => {
    await client.logout();
    store.reset();
  };

  // Escape must not reach the dialogs underneath (they would close, losing what was typed).
  const keepKeysHere = (event: KeyboardEvent) => event.stopPropagation();

  return (
    <div className="dialog-backdrop dialog-backdrop--session" onKeyDown={keepKeysHere}>
      <form className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="session-expired-title" aria-describedby="session-expired-reason" data-testid="session-expired-dialog" onSubmit={submit}>
        <h2 id="session-expired-title">{t('session.expired.title')}</h2>
        <p className="dialog__subject" id="session-expired-reason">
          {reason ?? t('session.expired.reason')} {t('session.expired.kept')}
        </p>
        <label className="field">
          <span>{t('login.username')}</span>
          <input data-testid="relogin-username" name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input ref={passwordRef} data-testid="relogin-password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {username.trim() !== previousUser && <p className="muted small">{t('session.expired.otherUser', { user: previousUser })}</p>}
        {error && (
          <p className="form-error" role="alert" data-testid="relogin-error">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" data-testid="relogin-leave" onClick={leave}>
            {t('header.logout')}
          </button>
          <button type="submit" className="button button--primary" data-testid="relogin-submit" disabled={sending || !username.trim() || !password}>
            {sending ? t('login.submitting') : t('session.expired.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
