import type { UserAccount } from '../../../shared';
import { formatDate, useI18n } from '../../i18n';
import { useStore } from '../../state';
import type { AccountAction } from './AccountActions';

/** The accounts, one row each, with what an admin does to one. */
export function UserTable({ users, me, onEdit, onAction }: { users: readonly UserAccount[]; me: string | undefined; onEdit(user: UserAccount): void; onAction(action: AccountAction, user: UserAccount): void }) {
  const { t, locale } = useI18n();
  const store = useStore();

  const scope = (user: UserAccount) => {
    const communes = user.communes.length === 0 ? t('users.wholeTerritory') : user.communes.map((code) => store.communeName(code)).join(', ');
    const sites = user.sites?.length ? ` — ${t('users.siteCount', { count: user.sites.length })}` : '';
    return communes + sites;
  };
  const commands = (user: UserAccount) =>
    user.grants === undefined ? t('users.grantsRoleShort') : user.grants.length === 0 ? t('users.grantsNone') : user.grants.map((g) => t(`users.command.${g.type}`)).join(', ');

  return (
    <table className="admin-table" data-testid="user-table">
      <caption className="visually-hidden">{t('users.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('users.username')}</th>
          <th scope="col">{t('users.role')}</th>
          <th scope="col">{t('users.communes')}</th>
          <th scope="col">{t('users.grants')}</th>
          <th scope="col">{t('users.state')}</th>
          <th scope="col">{t('users.createdAt')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('users.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.username} data-testid="user-row" data-username={user.username} data-disabled={user.disabled}>
            <th scope="row">{user.username}</th>
            <td data-testid="user-role-cell">{t(`role.${user.role}`)}</td>
            <td data-testid="user-communes-cell">{scope(user)}</td>
            <td>{commands(user)}</td>
            <td data-testid="user-state-cell">
              <span className={user.disabled ? 'user-state user-state--disabled' : 'user-state'}>{user.disabled ? t('users.disabled') : t('users.active')}</span>
            </td>
            <td>{formatDate(user.createdAt, locale)}</td>
            <td className="admin-table__actions">
              <button type="button" className="button button--small button--ghost" onClick={() => onEdit(user)} aria-label={t('users.editOf', { user: user.username })}>
                {t('users.edit')}
              </button>
              <button type="button" className="button button--small button--ghost" onClick={() => onAction('password', user)} aria-label={t('users.passwordOf', { user: user.username })}>
                {t('users.passwordReset')}
              </button>
              {user.username !== me && (
                <button
                  type="button"
                  className="button button--small button--ghost"
                  onClick={() => onAction(user.disabled ? 'enable' : 'disable', user)}
                  aria-label={t(user.disabled ? 'users.enableOf' : 'users.disableOf', { user: user.username })}
                >
                  {t(user.disabled ? 'users.enable' : 'users.disable')}
                </button>
              )}
              <button type="button" className="button button--small button--ghost" onClick={() => onAction('revoke', user)} aria-label={t('users.revokeOf', { user: user.username })}>
                {t('users.revoke')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
