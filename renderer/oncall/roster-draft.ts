import { instantOfLocal, type OnCallException, type OnCallRoster } from '../../shared';

/**
 * A roster as the form edits it: lists typed as text (« 91377, 91228 »), exceptions' bounds as
 * Paris wall-clock times. `toRoster` turns it back into what the hub validates.
 */
export interface LevelDraft {
  level: number;
  users: string;
  handoverDay: number;
  handoverTime: string;
  startsOn: string;
  exceptions: OnCallException[];
}

export interface RosterDraft {
  id?: string;
  name: string;
  communes: string;
  kinds: string[];
  levels: LevelDraft[];
}

const list = (text: string) => text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);

export function mondayOf(nowMs: number): string {
  const day = new Date(nowMs);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

export function newLevel(level: number, nowMs: number): LevelDraft {
  return { level, users: '', handoverDay: 1, handoverTime: '08:00', startsOn: mondayOf(nowMs), exceptions: [] };
}

export function emptyDraft(nowMs: number): RosterDraft {
  return { name: '', communes: '', kinds: [], levels: [newLevel(1, nowMs)] };
}

export function toDraft(roster: OnCallRoster): RosterDraft {
  return {
    id: roster.id,
    name: roster.name,
    communes: roster.communes.join(', '),
    kinds: [...roster.kinds],
    levels: roster.levels.map((l) => ({
      level: l.level,
      users: l.rotation.users.join(', '),
      handoverDay: l.rotation.handoverDay,
      handoverTime: l.rotation.handoverTime,
      startsOn: l.rotation.startsOn,
      exceptions: [...l.exceptions],
    })),
  };
}

/** What `oncall.save` sends; the hub validates it (and says what is wrong, in French). */
export function toRoster(draft: RosterDraft) {
  return {
    ...(draft.id ? { id: draft.id } : {}),
    name: draft.name.trim(),
    communes: list(draft.communes),
    kinds: draft.kinds,
    levels: draft.levels.map((l) => ({
      level: l.level,
      rotation: { users: list(l.users), handoverDay: l.handoverDay, handoverTime: l.handoverTime, timeZone: 'Europe/Paris', startsOn: l.startsOn },
      exceptions: l.exceptions,
    })),
  } as OnCallRoster;
}

/** A `datetime-local` value read as Paris time, as an ISO instant. */
export function parisInstant(value: string): string {
  const [date, time] = value.split('T') as [string, string];
  return new Date(instantOfLocal(date, time.slice(0, 5))).toISOString();
}
