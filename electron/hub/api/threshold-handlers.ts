import { THRESHOLD_DEFINITIONS, effectiveThreshold, thresholdProblem, type Threshold, type ThresholdOverride } from '../../../shared/domain/thresholds';
import type { ClientMessage, ReplyPayload } from '../../../shared/protocol/messages';
import { mayAdminister, mayReadThresholds } from '../auth/permissions';
import { HubError } from '../errors';
import type { ConsoleConnection } from './console-connection';

type ThresholdOp = 'threshold.list' | 'threshold.update' | 'threshold.reset';
type Handler<K extends ThresholdOp> = (message: Extract<ClientMessage, { op: K }>, connection: ConsoleConnection) => Promise<ReplyPayload<K>>;

/** What the audit trail keeps of a condition's settings, before and after a change. */
function settingsOf(threshold: Threshold): Record<string, unknown> {
  const { raise, clear, delaySeconds, priority } = threshold;
  return { raise: raise ?? null, clear: clear ?? null, delaySeconds, priority };
}

/**
 * Stores the new override (undefined: back to the defaults), audited with before and after, and
 * journaled so that consoles showing the thresholds fetch them again. The rules use it from the
 * next uplink on: the book is the one they read.
 */
async function store(connection: ConsoleConnection, condition: string, override: ThresholdOverride | undefined, action: string): Promise<Threshold> {
  const actor = connection.requirePermission(mayAdminister, 'Seul un administrateur peut modifier les seuils d’alarme.').username;
  const { thresholds } = connection.hub.alarms;
  const before = thresholds.view(condition);
  const at = new Date().toISOString();
  await connection.hub.writer.submit((changes) => {
    thresholds.set(condition, override, actor, at, changes);
    const after = thresholds.view(condition);
    changes.audited({ actor, address: connection.address, action, target: condition, details: { before: settingsOf(before), after: settingsOf(after) } });
    changes.event({ type: 'threshold.updated', threshold: after }, '');
  });
  return thresholds.view(condition);
}

/** Only what differs from the shipped defaults is kept: a value set back to its default is no override. */
function overrideFrom(condition: string, settings: ReturnType<typeof effectiveThreshold>): ThresholdOverride | undefined {
  const definition = THRESHOLD_DEFINITIONS.get(condition)!;
  const override: ThresholdOverride = {};
  if (settings.raise !== undefined && settings.raise !== definition.raise) override.raise = settings.raise;
  if (settings.clear !== undefined && settings.clear !== definition.clear) override.clear = settings.clear;
  if (settings.delaySeconds !== definition.delaySeconds) override.delaySeconds = settings.delaySeconds;
  if (settings.priority !== definition.priority) override.priority = settings.priority;
  return Object.keys(override).length > 0 ? override : undefined;
}

export const THRESHOLD_HANDLERS: { [K in ThresholdOp]: Handler<K> } = {
  async 'threshold.list'(_message, connection) {
    connection.requirePermission(mayReadThresholds, 'Les seuils d’alarme sont réservés au poste de commandement.');
    return { thresholds: connection.hub.alarms.thresholds.list() };
  },

  async 'threshold.update'(message, connection) {
    connection.requirePermission(mayAdminister, 'Seul un administrateur peut modifier les seuils d’alarme.');
    const { condition, raise, clear, delaySeconds, priority } = message;
    const definition = THRESHOLD_DEFINITIONS.get(condition)!;
    const current = connection.hub.alarms.thresholds.get(condition)!;
    if (raise !== undefined && definition.raise === undefined) throw new HubError('invalid', 'Cette condition n’a pas de seuil : seuls le délai et la priorité se règlent.');
    if (clear !== undefined && definition.clear === undefined) throw new HubError('invalid', 'Cette condition n’a pas de valeur de retour.');
    if (delaySeconds !== undefined && !definition.delayed && delaySeconds !== 0) throw new HubError('invalid', 'Cette condition n’a pas de délai réglable.');
    const next = {
      ...current,
      ...(raise !== undefined ? { raise } : {}),
      ...(clear !== undefined ? { clear } : {}),
      ...(delaySeconds !== undefined ? { delaySeconds } : {}),
      ...(priority !== undefined ? { priority } : {}),
    };
    const problem = thresholdProblem(definition, next);
    if (problem) throw new HubError('invalid', problem);
    return { threshold: await store(connection, condition, overrideFrom(condition, next), 'threshold.update') };
  },

  async 'threshold.reset'(message, connection) {
    return { threshold: await store(connection, message.condition, undefined, 'threshold.reset') };
  },
};
