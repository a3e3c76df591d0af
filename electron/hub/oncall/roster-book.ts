import { z } from 'zod';
import { OnCallRoster, rosterCovers, UserContact, whoIsOnCall, type OnCallShift } from '../../../shared/domain/oncall';
import type { ChangeSet } from '../store/change-set';
import type { Database } from '../store/db';

const RosterRow = z.object({ id: z.string(), body: z.string() });
const ContactRow = z.object({ username: z.string(), email: z.string().nullable(), phone: z.string().nullable() });

/**
 * The on-call rosters and the contact details of the people on them, kept in memory (a handful
 * of rosters, read on every escalation) and written through the writer like everything else.
 */
export class RosterBook {
  readonly rosters = new Map<string, OnCallRoster>();
  readonly contacts = new Map<string, UserContact>();
  private readonly byUser = new Map<string, OnCallRoster[]>();

  static async load(db: Database, log: (line: string) => void = () => undefined): Promise<RosterBook> {
    const book = new RosterBook();
    for (const raw of await db.all('SELECT id, body FROM oncall_rosters ORDER BY id')) {
      const row = RosterRow.parse(raw);
      // A roster the schema no longer accepts is reported, not fatal: the others still escalate.
      const parsed = OnCallRoster.safeParse(JSON.parse(row.body));
      if (parsed.success) book.rosters.set(row.id, parsed.data);
      else log(`astreinte ${row.id} illisible, ignorée : ${parsed.error.issues[0]?.message ?? ''}`);
    }
    for (const raw of await db.all('SELECT username, email, phone FROM user_contacts')) {
      const row = ContactRow.parse(raw);
      book.contacts.set(row.username, UserContact.parse({ username: row.username, email: row.email ?? undefined, phone: row.phone ?? undefined }));
    }
    return book;
  }

  /** Everyone on call for an asset of this commune and kind at `atMs`, level 1 first. */
  onCallFor(commune: string, kind: string | undefined, atMs: number): OnCallShift[] {
    const shifts: OnCallShift[] = [];
    for (const roster of this.rosters.values()) {
      if (rosterCovers(roster, commune, kind)) shifts.push(...whoIsOnCall(roster, atMs));
    }
    return shifts.sort((a, b) => a.level - b.level || a.rosterName.localeCompare(b.rosterName, 'fr'));
  }

  /** Rosters in which the user appears anywhere: a rotation, a cover or a swap. */
  rostersOf(username: string): OnCallRoster[] {
    // Read for every alarm event sent to an on-call console: kept until a roster changes.
    let rosters = this.byUser.get(username);
    if (!rosters) {
      rosters = [...this.rosters.values()].filter((roster) =>
        roster.levels.some(
          (level) =>
            level.rotation.users.includes(username) ||
            level.exceptions.some((e) => (e.type === 'cover' ? e.username === username : e.a === username || e.b === username)),
        ),
      );
      this.byUser.set(username, rosters);
    }
    return rosters;
  }

  save(roster: OnCallRoster, by: string, at: string, changes: ChangeSet): OnCallRoster {
    this.rosters.set(roster.id, roster);
    this.byUser.clear();
    changes.write({
      sql: `INSERT INTO oncall_rosters (id, body, updated_by, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      params: [roster.id, JSON.stringify(roster), by, at],
    });
    return roster;
  }

  delete(roster: OnCallRoster, changes: ChangeSet): void {
    this.rosters.delete(roster.id);
    this.byUser.clear();
    changes.write({ sql: 'DELETE FROM oncall_rosters WHERE id = ?', params: [roster.id] });
  }

  setContact(contact: UserContact, at: string, changes: ChangeSet): UserContact {
    this.contacts.set(contact.username, contact);
    changes.write({
      sql: `INSERT INTO user_contacts (username, email, phone, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (username) DO UPDATE SET email = excluded.email, phone = excluded.phone, updated_at = excluded.updated_at`,
      params: [contact.username, contact.email ?? null, contact.phone ?? null, at],
    });
    return contact;
  }
}
