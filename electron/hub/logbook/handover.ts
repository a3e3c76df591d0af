import { compareAlarmsNewestFirst, type Alarm } from '../../../shared/domain/alarms';
import type { Command } from '../../../shared/domain/commands';
import type { LogbookEntry, LogbookHandover } from '../../../shared/domain/logbook';

/** Most items of each list the handover view carries; `totals` says how many there were. */
export const MAX_HANDOVER_ITEMS = 500;
/** The default shift: the last 12 hours (two shifts a day in most command posts). */
export const DEFAULT_SHIFT_MS = 12 * 3_600_000;
/** Longest period a handover or its export covers: a month of a command post. */
export const MAX_SHIFT_MS = 31 * 24 * 3_600_000;

/** What the handover is made of, as read from the hub's state and its disk. */
export interface HandoverSources {
  from: string;
  to: string;
  generatedAt: string;
  /** Alarms on the list and shelved, now. */
  keptAlarms: readonly Alarm[];
  /** Commands not yet final, now. */
  pendingCommands: readonly Command[];
  /** Alarms acknowledged in [from, to). */
  acknowledgedInShift: readonly Alarm[];
  /** Commands requested in [from, to), in their current state. */
  commandsInShift: readonly Command[];
  /** Entries written in [from, to). */
  entriesInShift: readonly LogbookEntry[];
}

/**
 * The shift handover (« relève »): what the next team inherits (alarms nobody acknowledged,
 * acknowledged ones still active, shelved ones with their expiry, commands still pending) and
 * what was done (acknowledgements, commands with their outcome, the main courante). Open items
 * come most urgent first: by priority, then newest.
 */
export function assembleHandover(sources: HandoverSources, cap = MAX_HANDOVER_ITEMS): LogbookHandover {
  const unacknowledged = sources.keptAlarms.filter((a) => a.state === 'unacknowledged' || a.state === 'cleared-unacknowledged').sort(byUrgency);
  const acknowledged = sources.keptAlarms.filter((a) => a.state === 'acknowledged').sort(byUrgency);
  const shelved = sources.keptAlarms.filter((a) => a.state === 'shelved').sort(byExpiry);
  const pendingCommands = [...sources.pendingCommands].sort(newest((c) => c.requestedAt));
  const acknowledgements = [...sources.acknowledgedInShift].sort(newest((a) => a.acknowledgedAt ?? ''));
  const commands = [...sources.commandsInShift].sort(newest((c) => c.requestedAt));
  const entries = [...sources.entriesInShift].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
  return {
    from: sources.from,
    to: sources.to,
    generatedAt: sources.generatedAt,
    open: {
      unacknowledged: unacknowledged.slice(0, cap),
      acknowledged: acknowledged.slice(0, cap),
      shelved: shelved.slice(0, cap),
      pendingCommands: pendingCommands.slice(0, cap),
    },
    // The log reads oldest first; when cut, the latest of the shift are the ones kept.
    done: { acknowledgements: acknowledgements.slice(0, cap), commands: commands.slice(0, cap), entries: entries.slice(-cap) },
    totals: {
      unacknowledged: unacknowledged.length,
      acknowledged: acknowledged.length,
      shelved: shelved.length,
      pendingCommands: pendingCommands.length,
      acknowledgements: acknowledgements.length,
      commands: commands.length,
      entries: entries.length,
    },
  };
}

const PRIORITY_RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;

function byUrgency(a: Alarm, b: Alarm): number {
  return PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || compareAlarmsNewestFirst(a, b);
}

/** Shelved alarms come back soonest first: that is when the next team meets them again. */
function byExpiry(a: Alarm, b: Alarm): number {
  return (a.shelvedUntil ?? '') < (b.shelvedUntil ?? '') ? -1 : (a.shelvedUntil ?? '') > (b.shelvedUntil ?? '') ? 1 : compareAlarmsNewestFirst(a, b);
}

function newest<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0);
}

/**
 * The shift asked for, [from, to): `to` defaults to now included (what was written this very
 * millisecond is in), `from` to 12 hours before `to`. Refused when empty, reversed or longer
 * than a month.
 */
export function shiftRange(request: { from?: string; to?: string }, nowMs: number): { fromMs: number; toMs: number } | { error: string } {
  const toMs = request.to ? Date.parse(request.to) : nowMs + 1;
  const fromMs = request.from ? Date.parse(request.from) : toMs - DEFAULT_SHIFT_MS;
  if (!(toMs > fromMs)) return { error: 'La fin de la période doit suivre son début.' };
  if (toMs - fromMs > MAX_SHIFT_MS) return { error: 'Période trop longue : 31 jours au plus.' };
  return { fromMs, toMs };
}
