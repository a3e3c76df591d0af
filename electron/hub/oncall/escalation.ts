import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Alarm } from '../../../shared/domain/alarms';
import type { AlarmNotification } from '../../../shared/domain/oncall';
import type { AlarmBook } from '../alarms/alarm-book';
import type { NotificationChannel } from '../notify/channel';
import { composeNotice } from '../notify/message';
import type { ChangeSet } from '../store/change-set';
import type { Database } from '../store/db';
import type { Writer } from '../store/writer';
import type { TerritoryState } from '../state/territory-state';
import { dueLevel, type EscalationPolicy, type EscalationProgress } from './escalation-policy';
import type { RosterBook } from './roster-book';

export interface EscalatorDeps {
  state: TerritoryState;
  alarms: AlarmBook;
  rosters: RosterBook;
  writer: Writer;
  channels: readonly NotificationChannel[];
  policy: EscalationPolicy;
  /** The console's address (known once the hub listens). */
  publicUrl(): string;
  communeName(code: string): string;
  /** The hub's clock; tests inject one to jump minutes ahead. */
  now(): number;
  log(line: string): void;
}

const ProgressRow = z.object({ alarm_id: z.string(), level: z.number(), at: z.string() });

const INSERT = `INSERT INTO alarm_notifications (id, alarm_id, commune, level, username, channel, recipient, at, outcome, detail)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * Tells the people on call about alarms nobody acknowledged in time: level 1 after the priority's
 * delay, level 2 after a further delay. Where each alarm stands is read back from
 * `alarm_notifications` at start, so a restart neither forgets nor repeats a level. Alarms
 * shelved or under maintenance are never notified.
 */
export class Escalator {
  private readonly progress = new Map<string, EscalationProgress>();
  private chain: Promise<void> = Promise.resolve();
  private pending = 0;
  private stopped = false;

  private constructor(private readonly deps: EscalatorDeps) {}

  static async load(db: Database, deps: EscalatorDeps): Promise<Escalator> {
    const escalator = new Escalator(deps);
    const rows = await db.all('SELECT alarm_id, MAX(level) AS level, MAX(at) AS at FROM alarm_notifications GROUP BY alarm_id');
    for (const raw of rows) {
      const row = ProgressRow.parse(raw);
      if (deps.state.alarms.has(row.alarm_id)) escalator.progress.set(row.alarm_id, { level: row.level, atMs: Date.parse(row.at) });
    }
    return escalator;
  }

  /** Where this alarm's escalation stands (undefined: nobody told yet). */
  progressOf(alarmId: string): EscalationProgress | undefined {
    return this.progress.get(alarmId);
  }

  /** Notifies every level now due; runs one after the other, so no level is ever sent twice. */
  run(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.pending += 1;
    const next = this.chain.then(() => this.runOnce()).finally(() => (this.pending -= 1));
    this.chain = next.catch((error: Error) => this.deps.log(`astreinte : ${error.message}`));
    return next;
  }

  /** No run starts after this; resolves once the one under way is recorded. */
  stop(): Promise<void> {
    this.stopped = true;
    return this.chain;
  }

  /** Whether a run is under way or queued (the periodic sweep then skips its turn). */
  get busy(): boolean {
    return this.pending > 0;
  }

  private async runOnce(): Promise<void> {
    // Without a channel nobody can be told: escalation is off (the hub said so at start).
    if (this.deps.channels.length === 0) return;
    const nowMs = this.deps.now();
    for (const id of this.progress.keys()) if (!this.deps.state.alarms.has(id)) this.progress.delete(id);
    const due: { alarm: Alarm; level: number }[] = [];
    for (const alarm of this.deps.state.alarms.values()) {
      const level = dueLevel(alarm, this.progress.get(alarm.id), this.deps.policy, nowMs);
      if (level !== undefined && !this.deps.alarms.underMaintenance({ id: alarm.assetId, commune: alarm.commune })) due.push({ alarm, level });
    }
    for (const { alarm, level } of due) {
      // Acknowledged while earlier messages of this run were going out: nothing to send.
      if (alarm.state !== 'unacknowledged') continue;
      await this.notify(alarm, level, nowMs);
    }
  }

  private async notify(alarm: Alarm, level: number, nowMs: number): Promise<void> {
    const record = this.deps.state.assets.get(alarm.assetId);
    const kind = record?.asset.kind;
    const base = { alarmId: alarm.id, commune: alarm.commune, level, at: new Date(nowMs).toISOString() };
    const people = [...new Set(this.deps.rosters.onCallFor(alarm.commune, kind, nowMs).filter((s) => s.level === level).map((s) => s.username))];
    const sent: AlarmNotification[] = [];
    const note = (fields: Omit<AlarmNotification, 'id' | 'alarmId' | 'commune' | 'level' | 'at'>) => sent.push({ id: `nt-${randomUUID()}`, ...base, ...fields });
    if (people.length === 0) note({ channel: '-', outcome: 'no-one', detail: `aucune astreinte de niveau ${level} ne couvre cette commune et ce type d’équipement` });
    for (const username of people) {
      const contact = this.deps.rosters.contacts.get(username);
      const notice = composeNotice({
        alarm,
        assetName: record?.asset.name ?? alarm.assetId,
        assetKind: kind ?? '',
        communeName: this.deps.communeName(alarm.commune),
        level,
        username,
        contact,
        publicUrl: this.deps.publicUrl(),
      });
      for (const channel of this.deps.channels) {
        const recipient = channel.recipientFor(contact);
        if (!recipient) {
          note({ username, channel: channel.name, outcome: 'no-contact', detail: `pas d’adresse pour le canal ${channel.name}` });
          continue;
        }
        try {
          await channel.send(notice, recipient);
          note({ username, channel: channel.name, recipient, outcome: 'sent' });
        } catch (error) {
          this.deps.log(`astreinte : ${channel.name} vers ${username} en échec : ${(error as Error).message}`);
          note({ username, channel: channel.name, recipient, outcome: 'failed', detail: (error as Error).message.slice(0, 500) });
        }
      }
    }
    this.progress.set(alarm.id, { level, atMs: nowMs });
    await this.deps.writer.submit((changes) => recordNotifications(sent, changes));
  }
}

/** Writes, journals and audits what escalation tried, in one transaction. */
function recordNotifications(notifications: AlarmNotification[], changes: ChangeSet): void {
  for (const n of notifications) {
    changes.write({ sql: INSERT, params: [n.id, n.alarmId, n.commune, n.level, n.username ?? null, n.channel, n.recipient ?? null, n.at, n.outcome, n.detail ?? null] });
    // Every console of the commune gets the event (elected officials' too): no address in it.
    const { recipient: _recipient, ...withoutAddress } = n;
    changes.event({ type: 'alarm.notified', notification: withoutAddress }, n.commune);
    changes.audited({
      actor: 'hub',
      action: 'alarm.notify',
      target: n.alarmId,
      details: { level: n.level, username: n.username ?? null, channel: n.channel, recipient: n.recipient ?? null, outcome: n.outcome, ...(n.detail ? { detail: n.detail } : {}) },
    });
  }
}

/** The notifications of one alarm, oldest first, as its history shows them. */
export async function notificationsOf(db: Database, alarmId: string): Promise<AlarmNotification[]> {
  const rows = await db.all<Record<string, string | number | null>>('SELECT * FROM alarm_notifications WHERE alarm_id = ? ORDER BY at, rowid', [alarmId]);
  return rows.map((r) => ({
    id: String(r.id),
    alarmId: String(r.alarm_id),
    commune: String(r.commune),
    level: Number(r.level),
    ...(r.username !== null ? { username: String(r.username) } : {}),
    channel: String(r.channel),
    ...(r.recipient !== null ? { recipient: String(r.recipient) } : {}),
    at: String(r.at),
    outcome: z.enum(['sent', 'failed', 'no-contact', 'no-one']).parse(r.outcome),
    ...(r.detail !== null ? { detail: String(r.detail) } : {}),
  }));
}
