import { z } from 'zod';
import { InseeCode } from './assets';

export const AlarmPriority = z.enum(['critical', 'high', 'medium', 'low']);
export type AlarmPriority = z.infer<typeof AlarmPriority>;
export const ALARM_PRIORITIES = AlarmPriority.options;

/**
 * ISA-18.2 lifecycle: an alarm is raised unacknowledged; acknowledging and the condition clearing
 * may come in either order, and it leaves the active list once both happened.
 */
export const AlarmState = z.enum(['unacknowledged', 'acknowledged', 'cleared-unacknowledged', 'cleared', 'shelved']);
export type AlarmState = z.infer<typeof AlarmState>;

/** A comment added to an alarm after it was raised, by anyone who may acknowledge it. */
export const AlarmComment = z.object({ by: z.string(), at: z.string(), text: z.string() });
export type AlarmComment = z.infer<typeof AlarmComment>;

export const Alarm = z.object({
  id: z.string(),
  assetId: z.string(),
  commune: InseeCode,
  /** Which condition raised it, e.g. `co2.high`; one active alarm per (asset, condition). */
  condition: z.string(),
  priority: AlarmPriority,
  state: AlarmState,
  /** What happened, in French, for the operator. */
  message: z.string(),
  raisedAt: z.string(),
  lastAt: z.string(),
  /** How many times the condition was reported while the alarm was active. */
  count: z.number().int().positive(),
  clearedAt: z.string().optional(),
  acknowledgedBy: z.string().optional(),
  acknowledgedAt: z.string().optional(),
  /** The acknowledgement's comment. */
  comment: z.string().optional(),
  /** Comments added after the fact, oldest first. */
  comments: z.array(AlarmComment).optional(),
  /** While `shelved`: who shelved it, when, until when, and why (mandatory). */
  shelvedBy: z.string().optional(),
  shelvedAt: z.string().optional(),
  shelvedUntil: z.string().optional(),
  shelveReason: z.string().optional(),
  /**
   * The alarm that explains this one (a silent gateway, a tripped cabinet feeder): the console
   * groups this alarm under it instead of listing it on its own. Kept once set, as history.
   */
  causeAlarmId: z.string().optional(),
  /** Raised and cleared 3 times or more within a minute: one alarm counts the cycles instead. */
  chattering: z.boolean().optional(),
  /** Raise/clear cycles folded into this alarm (absent: 1). */
  cycles: z.number().int().positive().optional(),
});
export type Alarm = z.infer<typeof Alarm>;


/** Alarm on a LoRaWAN gateway the network no longer hears through (« Passerelle muette »). */
export const GATEWAY_SILENT_CONDITION = 'gateway.silent';

/** Alarms about the radio network itself: for the command post only, like gateways. */
export function isTechnicalAlarm(alarm: Pick<Alarm, 'condition'>): boolean {
  return alarm.condition.startsWith('gateway.');
}

/** An alarm stays on the operators' list until it is both acknowledged and cleared. */
export function isAlarmActive(state: AlarmState): boolean {
  return state === 'unacknowledged' || state === 'acknowledged' || state === 'cleared-unacknowledged';
}

/**
 * Kept by the hub and sent in snapshots: the alarms on the list, plus the shelved ones (the
 * console hides those from the main list but counts them).
 */
export function isAlarmKept(state: AlarmState): boolean {
  return isAlarmActive(state) || state === 'shelved';
}

/** Newest first, the order of the alarm list. */
export function compareAlarmsNewestFirst(a: Alarm, b: Alarm): number {
  return a.raisedAt < b.raisedAt ? 1 : a.raisedAt > b.raisedAt ? -1 : a.id < b.id ? 1 : -1;
}
