import type { Alarm } from '../../../shared/domain/alarms';
import type { AssetDevice } from '../../../shared/domain/assets';
import type { JournalEventBody } from '../../../shared/protocol/messages';
import type { AssetRecord, CommandRecord, DeviceRecord } from '../state/records';
import type { AuditEntry } from '../audit/audit-chain';
import type { Write } from './db';
import { alarmWrite, assetWrite, commandWrite, deviceWrite } from './rows';

/** The devices an asset lists to consoles (admins and operators), as events and snapshots carry them. */
export function assetDevices(devices: readonly DeviceRecord[]): AssetDevice[] {
  return devices.map((d) => ({
    devEui: d.devEui,
    model: d.model,
    ...(d.lastJoinAt === undefined ? {} : { lastJoinAt: new Date(d.lastJoinAt).toISOString() }),
  }));
}

/**
 * What one batch changed. Several changes to the same record within a batch collapse into one
 * row write and one event (a cabinet reporting twice in 50 ms is one `asset.updated`), which is
 * what keeps ingest bursts cheap for the disk and the consoles.
 */
export class ChangeSet {
  private readonly assets = new Map<string, AssetRecord>();
  private readonly devices = new Map<string, DeviceRecord>();
  private readonly alarms = new Map<string, { alarm: Alarm; raised: boolean }>();
  private readonly commands = new Map<string, CommandRecord>();
  private readonly extraWrites: Write[] = [];
  /** Rows rewritten many times in a batch (a gateway heard by every uplink): the last one wins. */
  private readonly keyedWrites = new Map<string, Write>();
  private readonly extraEvents: { body: JournalEventBody; commune: string }[] = [];
  /** Audit entries, chained by the writer at commit time. */
  readonly audit: AuditEntry[] = [];

  asset(record: AssetRecord): void {
    this.assets.set(record.asset.id, record);
  }

  device(record: DeviceRecord): void {
    this.devices.set(record.devEui, record);
  }

  /** A device retired in this batch: an uplink applied earlier in it must not write its row back. */
  forgetDevice(devEui: string): void {
    this.devices.delete(devEui);
  }

  alarm(alarm: Alarm, raised = false): void {
    const previous = this.alarms.get(alarm.id);
    this.alarms.set(alarm.id, { alarm, raised: raised || (previous?.raised ?? false) });
  }

  command(record: CommandRecord): void {
    this.commands.set(record.command.id, record);
  }

  /** Records who did what in the audit trail, in the same transaction as the change itself. */
  audited(entry: AuditEntry): void {
    this.audit.push(entry);
  }

  /** A row that is not an event (users, sessions, meta). */
  write(write: Write): void {
    this.extraWrites.push(write);
  }

  /** A row that is not an event, written once per batch however often it changed under `key`. */
  upsert(key: string, write: Write): void {
    this.keyedWrites.set(key, write);
  }

  /** An event that is not a record's new state (a maintenance window, a suppressed alarm). */
  event(body: JournalEventBody, commune: string): void {
    this.extraEvents.push({ body, commune });
  }

  get isEmpty(): boolean {
    return (
      this.assets.size +
        this.devices.size +
        this.alarms.size +
        this.commands.size +
        this.extraWrites.length +
        this.keyedWrites.size +
        this.extraEvents.length +
        this.audit.length ===
      0
    );
  }

  /** The rows to write and the events to journal, in a stable order. */
  drain(): { writes: Write[]; events: { body: JournalEventBody; commune: string }[] } {
    const writes: Write[] = [...this.extraWrites, ...this.keyedWrites.values()];
    const events: { body: JournalEventBody; commune: string }[] = [];
    for (const record of this.assets.values()) {
      writes.push(assetWrite(record));
      const asset = { ...record.asset, devices: assetDevices(record.devices) };
      events.push({ body: { type: 'asset.updated', asset }, commune: asset.commune });
    }
    for (const device of this.devices.values()) writes.push(deviceWrite(device));
    for (const { alarm, raised } of this.alarms.values()) {
      writes.push(alarmWrite(alarm));
      events.push({ body: { type: raised ? 'alarm.raised' : 'alarm.updated', alarm }, commune: alarm.commune });
    }
    for (const record of this.commands.values()) {
      writes.push(commandWrite(record));
      events.push({ body: { type: 'command.updated', command: record.command }, commune: record.command.commune });
    }
    events.push(...this.extraEvents);
    return { writes, events };
  }
}
