import { useCallback, useEffect, useMemo, useState } from 'react';
import type { UserAccount } from '../../../shared';
import { HubRequestError, useConnectionState, useHubClient } from '../../connection';
import { useI18n } from '../../i18n';
import { foldForSearch, useStore } from '../../state';
import { AccountActionDialog, type AccountAction, type ActionOutcome } from './AccountActions';
import { UserForm } from './UserForm';
import { UserTable } from './UserTable';
import './users.css';

type Editing = { mode: 'create' } | { mode: 'edit'; account: UserAccount } | null;

/** « Utilisateurs »: the accounts of the hub, created, edited, disabled and reset here. */
export function UsersTab() {
  const { t } = useI18n();
  const client = useHubClient();
  const { session, subscribed } = useConnectionState();
  const [users, setUsers] = useState<UserAccount[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [pending, setPending] = useState<{ action: AccountAction; account: UserAccount } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const store = useStore();
  // A syndicat has an elected official per commune: a few hundred rows, found by typing.
  const shown = useMemo(() => {
    const folded = foldForSearch(query.trim());
    if (!users || !folded) return users;
    return users.filter((u) => foldForSearch([u.username, t(`role.${u.role}`), ...u.communes, ...u.communes.map((c) => store.communeName(c))].join(' ')).includes(folded));
  }, [users, query, store, t]);

  const load = useCallback(async () => {
    try {
      const reply = await client.request('user.list', {});
      setUsers(reply.users);
      setLoadError(null);
    } catch (caught) {
      setLoadError(caught instanceof HubRequestError ? caught.message : String(caught));
    }
  }, [client]);

  // Loaded once the stream is up, and again after a reconnection or a re-login.
  useEffect(() => {
    if (subscribed) void load();
  }, [subscribed, load]);

  const upsert = (user: UserAccount) =>
    setUsers((list) => {
      const others = (list ?? []).filter((u) => u.username !== user.username);
      return [...others, user].sort((a, b) => a.role.localeCompare(b.role) || a.username.localeCompare(b.username));
    });

  const saved = (user: UserAccount, created: boolean) => {
    upsert(user);
    setEditing(null);
    setNotice(t(created ? 'users.createdNotice' : 'users.savedNotice', { user: user.username }));
  };

  const done = (outcome: ActionOutcome) => {
    if (outcome.user) upsert(outcome.user);
    setNotice(outcome.notice);
  };

  return (
    <div className="users" data-testid="users-tab">
      <div className="admin-toolbar">
        <h2>{t('users.title')}</h2>
        <button type="button" className="button button--primary" data-testid="user-new" onClick={() => setEditing({ mode: 'create' })} disabled={editing?.mode === 'create'}>
          {t('users.new')}
        </button>
      </div>
      {notice && (
        <p className="admin-notice" role="status" data-testid="users-notice">
          {notice}
        </p>
      )}
      {editing && (
        <UserForm
          key={editing.mode === 'edit' ? editing.account.username : '(new)'}
          {...(editing.mode === 'edit' ? { account: editing.account } : {})}
          onSaved={saved}
          onCancel={() => setEditing(null)}
        />
      )}
      {loadError && (
        <p className="form-error" role="alert">
          {loadError}{' '}
          <button type="button" className="link-button" onClick={() => void load()}>
            {t('users.retry')}
          </button>
        </p>
      )}
      {users === null && !loadError && <p className="muted">{t('users.loading')}</p>}
      {users && (
        <label className="field users__search">
          <span>{t('users.search')}</span>
          <input type="search" data-testid="user-search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('users.searchPlaceholder')} />
        </label>
      )}
      {shown && <UserTable users={shown} me={session?.user.username} onEdit={(account) => setEditing({ mode: 'edit', account })} onAction={(action, account) => setPending({ action, account })} />}
      {pending && <AccountActionDialog action={pending.action} account={pending.account} onDone={done} onClose={() => setPending(null)} />}
    </div>
  );
}
