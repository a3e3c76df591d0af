import { useEffect, useMemo, useRef } from 'react';
import type { Alarm } from '../../shared';
import { formatNumber, useI18n, useNow } from '../i18n';
import { useStore } from '../state';
import { alarmLoad, FLOOD_THRESHOLD, RaisedTally } from './alarm-load';

/**
 * ISA-18.2's alarm-load figures for the operator: raised in the last 10 minutes against the flood
 * threshold (amber above what one person manages, red in a flood), standing alarms older than
 * 24 h, shelved count.
 */
export function AlarmLoadStrip({ active, shelved }: { active: readonly Alarm[]; shelved: readonly Alarm[] }) {
  const { t, locale } = useI18n();
  const store = useStore();
  const tally = useRef(new RaisedTally());
  const nowMs = useNow(15_000);

  // Noted as they come; counted when the (paced) lists change, which a raised alarm does too.
  useEffect(() => store.onAlarmsRaised((alarms) => tally.current.note(alarms)), [store]);

  const load = useMemo(() => {
    const at = Date.now();
    // The lists also hold alarms raised before this console connected (the snapshot's).
    tally.current.noteRecent(active, at);
    tally.current.noteRecent(shelved, at);
    return alarmLoad(tally.current.prune(at), active, shelved.length, at);
    // `nowMs` makes it recount as alarms age out of the window.
  }, [active, shelved, nowMs]);

  return (
    <div className={`load-strip load-strip--${load.level}`} data-testid="alarm-load" data-level={load.level} role="status" aria-label={t('load.label')}>
      <span className="load-strip__rate" data-testid="alarm-load-rate" title={t('load.rateHint', { threshold: FLOOD_THRESHOLD })}>
        <strong>{formatNumber(load.raisedRecently, 0, locale)}</strong> {t('load.rate')}
        {load.level === 'flood' && <span className="load-strip__flood"> · {t('load.flood')}</span>}
      </span>
      <span className="load-strip__standing" data-testid="alarm-load-standing" title={t('load.standingHint')}>
        <strong>{formatNumber(load.standing, 0, locale)}</strong> {t('load.standing')}
      </span>
      <span className="load-strip__shelved" data-testid="alarm-load-shelved">
        <strong>{formatNumber(load.shelved, 0, locale)}</strong> {t('load.shelved')}
      </span>
    </div>
  );
}
