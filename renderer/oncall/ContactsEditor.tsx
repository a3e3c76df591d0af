import { useState } from 'react';
import type { OnCallRoster, UserContact } from '../../shared';
import { HubRequestError, useHubClient } from '../connection';
import { useI18n } from '../i18n';

/** Everyone a roster names: rotations, covers and swaps. */
function peopleOf(rosters: readonly OnCallRoster[]): string[] {
  const names = new Set<string>();
  for (const level of rosters.flatMap((r) => r.levels)) {
    level.rotation.users.forEach((u) => names.add(u));
    for (const e of level.exceptions) (e.type === 'cover' ? [e.username] : [e.a, e.b]).forEach((u) => names.add(u));
  }
  return [...names].sort();
}

/** Where escalation reaches each person on the rosters: e-mail and phone (`contact.set`). */
export function ContactsEditor({ rosters, contacts, onSaved }: { rosters: readonly OnCallRoster[]; contacts: readonly UserContact[]; onSaved(): void }) {
  const { t } = useI18n();
  const people = peopleOf(rosters);
  if (people.length === 0) return null;
  return (
    <section className="oncall-contacts">
      <h3>{t('oncall.contacts')}</h3>
      <table className="oncall__table">
        <tbody>
          {people.map((username) => (
            <ContactRow key={username} username={username} contact={contacts.find((c) => c.username === username)} onSaved={onSaved} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ContactRow({ username, contact, onSaved }: { username: string; contact: UserContact | undefined; onSaved(): void }) {
  const { t } = useI18n();
  const client = useHubClient();
  const [email, setEmail] = useState(contact?.email ?? '');
  const [phone, setPhone] = useState(contact?.phone ?? '');
  const [message, setMessage] = useState<string | null>(null);
  const save = async () => {
    try {
      await client.request('contact.set', { username, email: email.trim() || null, phone: phone.replace(/\s+/g, '') || null });
      setMessage(t('oncall.contactSaved'));
      onSaved();
    } catch (e) {
      setMessage(e instanceof HubRequestError ? e.message : t('oncall.saveFailed'));
    }
  };
  return (
    <tr data-testid="oncall-contact" data-username={username}>
      <td>{username}</td>
      <td>
        <input type="email" value={email} placeholder={t('oncall.email')} aria-label={t('oncall.email')} onChange={(e) => setEmail(e.target.value)} />
      </td>
      <td>
        <input type="tel" value={phone} placeholder="+33612345678" aria-label={t('oncall.phone')} onChange={(e) => setPhone(e.target.value)} />
      </td>
      <td>
        <button type="button" className="button button--small" onClick={() => void save()}>
          {t('oncall.save')}
        </button>{' '}
        {message && <span className="muted">{message}</span>}
      </td>
    </tr>
  );
}
