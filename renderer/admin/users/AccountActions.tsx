import { useState } from 'react';
import type { UserAccount } from '../../../shared';
import { useHubClient } from '../../connection';
import { useI18n } from '../../i18n';
import { AccountDialog } from './AccountDialog';
import { MIN_PASSWORD_LENGTH, passwordResetRequest } from './user-form';

export type AccountAction = 'disable' | 'enable' | 'password' | 'revoke';

/** What an action did, for the notice above the table. */
export interface ActionOutcome {
  user?: UserAccount;
  notice: string;
}

/** The dialog of one account action, asking for confirmation (and a new password) first. */
export function AccountActionDialog({ action, account, onDone, onClose }: { action: AccountAction; account: UserAccount; onDone(outcome: ActionOutcome): void; onClose(): void }) {
  const { t } = useI18n();
  const client = useHubClient();
  const [password, setPassword] = useState('');
  const user = account.username;

  switch (action) {
    case 'disable':
    case 'enable': {
      const disabled = action === 'disable';
      return (
        <AccountDialog
          name={`user-${action}`}
          title={t(disabled ? 'users.disableTitle' : 'users.enableTitle', { user })}
          confirmLabel={t(disabled ? 'users.disable' : 'users.enable')}
          danger={disabled}
          onClose={onClose}
          send={async () => {
            const reply = await client.request('user.update', { username: user, disabled });
            onDone({ user: reply.user, notice: t(disabled ? 'users.disabledNotice' : 'users.enabledNotice', { user }) });
          }}
        >
          <p className="dialog__subject">{t(disabled ? 'users.disableText' : 'users.enableText', { user })}</p>
        </AccountDialog>
      );
    }
    case 'password': {
      const built = passwordResetRequest(user, password, t);
      return (
        <AccountDialog
          name="user-password-reset"
          title={t('users.passwordTitle', { user })}
          confirmLabel={t('users.passwordConfirm')}
          onClose={onClose}
          check={() => (built.ok ? undefined : built.errors.password ?? built.errors.form)}
          send={async () => {
            if (!built.ok) return;
            const reply = await client.request('user.update', built.request);
            onDone({ user: reply.user, notice: t('users.passwordNotice', { user }) });
          }}
        >
          <div className="field">
            <label htmlFor="user-new-password">{t('users.newPassword')}</label>
            <input id="user-new-password" data-testid="user-new-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby="user-new-password-rule" />
            <span className="muted small" id="user-new-password-rule">
              {t('users.passwordRule', { min: MIN_PASSWORD_LENGTH, count: password.length })}
            </span>
          </div>
          <p className="muted small">{t('users.sessionsCloseHint')}</p>
        </AccountDialog>
      );
    }
    case 'revoke':
      return (
        <AccountDialog
          name="user-revoke"
          title={t('users.revokeTitle', { user })}
          confirmLabel={t('users.revoke')}
          danger
          onClose={onClose}
          send={async () => {
            const { revoked } = await client.request('user.revoke-sessions', { username: user });
            onDone({ notice: t('users.revokedNotice', { user, count: revoked }) });
          }}
        >
          <p className="dialog__subject">{t('users.revokeText', { user })}</p>
        </AccountDialog>
      );
  }
}
