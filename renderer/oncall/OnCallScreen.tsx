import { useCallback, useEffect, useState } from 'react';
import { whoIsOnCall, type OnCallRoster, type UserContact } from '../../shared';
import { HubRequestError, useHubClient } from '../connection';
import { useI18n } from '../i18n';
import { ContactsEditor } from './ContactsEditor';
import { RosterEditor } from './RosterEditor';
import { emptyDraft, toDraft, type RosterDraft } from './roster-draft';
import './oncall.css';

const WEEK_MS = 7 * 86_400_000;

/** « Astreintes »: the rosters, who is on call now and next week, and the roster editor. */
export function OnCallScreen() {
  const { t } = useI18n();
  const client = useHubClient();
  const [rosters, setRosters] = useState<OnCallRoster[] | null>(null);
  const [contacts, setContacts] = useState<UserContact[]>([]);
  const [editing, setEditing] = useState<RosterDraft | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const reply = await client.request('oncall.list', {});
      setRosters(reply.rosters);
      setContacts(reply.contacts);
      setError(null);
    } catch (e) {
      setError(e instanceof HubRequestError ? e.message : String(e));
    }
  }, [client]);
  useEffect(() => void load(), [load]);

  const nowMs = Date.now();
  const contactOf = (username: string) => contacts.find((c) => c.username === username);

  if (editing) {
    return <RosterEditor key={editing.id ?? 'new'} initial={editing} onCancel={() => setEditing(null)} onSaved={() => (setEditing(null), void load())} />;
  }
  return (
    <div className="oncall" data-testid="oncall-screen">
      <header className="oncall__header">
        <h2>{t('oncall.title')}</h2>
        <button type="button" className="button button--primary" data-testid="oncall-new" onClick={() => setEditing(emptyDraft(nowMs))}>
          {t('oncall.new')}
        </button>
      </header>
      {error && <p className="oncall-error">{error}</p>}
      {rosters?.length === 0 && <p className="muted">{t('oncall.none')}</p>}
      <table className="oncall__table">
        <thead>
          <tr>
            <th>{t('oncall.name')}</th>
            <th>{t('oncall.scope')}</th>
            <th>{t('oncall.now')}</th>
            <th>{t('oncall.nextWeek')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(rosters ?? []).map((roster) => (
            <tr key={roster.id} data-testid="oncall-roster" data-roster-name={roster.name}>
              <td>{roster.name}</td>
              <td>
                {roster.communes.length === 0 ? t('oncall.allCommunes') : roster.communes.join(', ')}
                <br />
                <span className="muted">{roster.kinds.length === 0 ? t('oncall.allKinds') : roster.kinds.map((k) => t(`kind.${k}`)).join(', ')}</span>
              </td>
              <td data-testid="oncall-now">
                <Shifts roster={roster} atMs={nowMs} contactOf={contactOf} />
              </td>
              <td>
                <Shifts roster={roster} atMs={nowMs + WEEK_MS} contactOf={contactOf} />
              </td>
              <td>
                <button type="button" className="button button--small" data-testid="oncall-edit" onClick={() => setEditing(toDraft(roster))}>
                  {t('oncall.edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rosters && <ContactsEditor rosters={rosters} contacts={contacts} onSaved={() => void load()} />}
    </div>
  );
}

function Shifts({ roster, atMs, contactOf }: { roster: OnCallRoster; atMs: number; contactOf(username: string): UserContact | undefined }) {
  const { t } = useI18n();
  return (
    <ul className="oncall__shifts">
      {whoIsOnCall(roster, atMs).map((shift) => {
        const contact = contactOf(shift.username);
        return (
          <li key={shift.level}>
            {t('oncall.levelShort', { level: shift.level })} <strong>{shift.username}</strong>
            {contact && <span className="muted"> {[contact.email, contact.phone].filter(Boolean).join(' · ')}</span>}
          </li>
        );
      })}
    </ul>
  );
}
