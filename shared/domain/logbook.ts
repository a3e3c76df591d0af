import { z } from 'zod';
import { Alarm } from './alarms';
import { Command } from './commands';

/** Longest entry an operator may write: a detailed account of an incident, not a report. */
export const MAX_LOGBOOK_TEXT = 4000;
/** Most ids of each kind one entry links to (a bulk acknowledgement links at most this many alarms). */
export const MAX_LOGBOOK_LINKS = 100;

/**
 * What an entry is about. The hub resolves the label and the asset when the entry is written, so
 * the main courante says what the operator saw then, even after the alarm left the list.
 */
export const LogbookLink = z.object({
  kind: z.enum(['alarm', 'command', 'asset']),
  id: z.string(),
  /** The asset the alarm or command concerns (the asset itself for an asset link). */
  assetId: z.string(),
  /** « Benne pleine — Conteneur 12 », « Consigne 19 °C — École Jules Ferry », the asset's name. */
  label: z.string(),
});
export type LogbookLink = z.infer<typeof LogbookLink>;

/**
 * One line of the main courante (operator logbook). Append-only: a mistake is corrected by a new
 * entry whose `corrects` names the earlier one; nothing is edited or deleted.
 */
export const LogbookEntry = z.object({
  id: z.string(),
  at: z.string(),
  author: z.string(),
  /** `note`: written by a person; `auto`: recorded by the hub for an action (acknowledgement with comment, shelving, command outcome). */
  kind: z.enum(['note', 'auto']),
  /** INSEE code the entry concerns; absent for the whole territory (only unscoped users see those). */
  commune: z.string().optional(),
  text: z.string(),
  links: z.array(LogbookLink),
  /** The earlier entry this one corrects. */
  corrects: z.string().optional(),
});
export type LogbookEntry = z.infer<typeof LogbookEntry>;

/**
 * A shift handover (« relève »): what is open now and what was done between `from` and `to`.
 * Each list holds at most the hub's cap; `totals` says how many there were.
 */
export const LogbookHandover = z.object({
  from: z.string(),
  to: z.string(),
  generatedAt: z.string(),
  open: z.object({
    /** Unacknowledged, including those whose condition cleared (someone must still look). */
    unacknowledged: z.array(Alarm),
    /** Acknowledged, condition still there. */
    acknowledged: z.array(Alarm),
    /** Set aside, each with its reason and expiry. */
    shelved: z.array(Alarm),
    /** Commands the devices have not confirmed yet. */
    pendingCommands: z.array(Command),
  }),
  done: z.object({
    /** Alarms acknowledged during the shift, newest first. */
    acknowledgements: z.array(Alarm),
    /** Commands requested during the shift, with their outcome so far, newest first. */
    commands: z.array(Command),
    /** Main courante entries of the shift, oldest first (read like a log). */
    entries: z.array(LogbookEntry),
  }),
  totals: z.object({
    unacknowledged: z.number().int(),
    acknowledged: z.number().int(),
    shelved: z.number().int(),
    pendingCommands: z.number().int(),
    acknowledgements: z.number().int(),
    commands: z.number().int(),
    entries: z.number().int(),
  }),
});
export type LogbookHandover = z.infer<typeof LogbookHandover>;
