import type { Alarm } from '../../shared';
import { translate, type Locale } from '../i18n';

/** Only what must pull an operator's eyes from another window: critical and high priorities. */
export const NOTIFIED_PRIORITIES: ReadonlySet<Alarm['priority']> = new Set(['critical', 'high']);

export interface AlarmNotice {
  title: string;
  body: string;
  /** Lets the system replace rather than pile up notices about the same alarm. */
  tag: string;
}

/**
 * One notice for the serious alarms raised in a frame, however many: a tripped feeder can raise
 * hundreds at once, and one system notification each would bury the operator (and cost the main
 * thread a notice per alarm). Only the most severe alarm is described, the others are counted.
 * Null when none is serious enough.
 */
export function summariseRaised(alarms: readonly Alarm[], locale: Locale, describe: (alarm: Alarm) => string): AlarmNotice | null {
  let critical = 0;
  let high = 0;
  let worst: Alarm | undefined;
  for (const alarm of alarms) {
    if (alarm.priority === 'critical') {
      critical += 1;
      if (worst?.priority !== 'critical') worst = alarm;
    } else if (alarm.priority === 'high') {
      high += 1;
      worst ??= alarm;
    }
  }
  if (!worst) return null;
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params);
  const count = critical + high;
  if (count === 1) {
    return { title: `${t('notify.title')} ${t(`priority.${worst.priority}`)}`, body: describe(worst), tag: worst.id };
  }
  const title =
    high === 0
      ? t('notify.manyCritical', { count })
      : critical === 0
        ? t('notify.manyHigh', { count })
        : t(critical === 1 ? 'notify.manyMixedOne' : 'notify.manyMixed', { count, critical });
  const others = count - 1;
  const body = t(others === 1 ? 'notify.andOneOther' : 'notify.andOthers', { first: describe(worst), others });
  return { title, body, tag: `burst-${worst.id}` };
}
