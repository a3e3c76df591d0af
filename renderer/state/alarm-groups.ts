import type { Alarm } from '../../shared';

/** One line of the alarm list: an alarm on its own, or a cause with the alarms it explains. */
export type AlarmListItem = { kind: 'alarm'; alarm: Alarm } | { kind: 'cause'; cause: Alarm; children: readonly Alarm[] };

export interface GroupedAlarms {
  items: readonly AlarmListItem[];
  /** Alarms folded under a cause (not lines of their own): the header still counts them. */
  groupedCount: number;
}

/**
 * Parent/child suppression as the list shows it: an alarm naming a cause (`causeAlarmId`) that
 * is itself on the list goes under it; the cause becomes one item with its children, where the
 * cause alarm stands in the order. A child whose cause is not on the list (acknowledged and
 * cleared, out of this user's scope) stays on its own: nothing is hidden behind an absent cause.
 * One level only: a cause is always a line of its own. `keep` filters (the « to acknowledge »
 * view): a cause stays when it or one of its children is kept, with only the kept children.
 */
export function groupAlarmsByCause(alarms: readonly Alarm[], keep: (alarm: Alarm) => boolean = () => true): GroupedAlarms {
  const byId = new Map(alarms.map((a) => [a.id, a]));
  const presentCause = (alarm: Alarm) => (alarm.causeAlarmId !== undefined && alarm.causeAlarmId !== alarm.id ? byId.get(alarm.causeAlarmId) : undefined);
  const childrenOf = new Map<string, Alarm[]>();
  const folded = new Set<string>();
  for (const alarm of alarms) {
    const cause = presentCause(alarm);
    // No chains: a cause that is itself folded under another leaves its children on their own.
    if (!cause || presentCause(cause)) continue;
    const siblings = childrenOf.get(cause.id) ?? [];
    siblings.push(alarm);
    childrenOf.set(cause.id, siblings);
    folded.add(alarm.id);
  }

  const items: AlarmListItem[] = [];
  let groupedCount = 0;
  for (const alarm of alarms) {
    if (folded.has(alarm.id)) continue;
    const children = (childrenOf.get(alarm.id) ?? []).filter(keep);
    if (children.length > 0) {
      items.push({ kind: 'cause', cause: alarm, children });
      groupedCount += children.length;
    } else if (keep(alarm)) {
      items.push({ kind: 'alarm', alarm });
    }
  }
  return { items, groupedCount };
}
