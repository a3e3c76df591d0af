import { useCallback, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { LogbookHandover } from '../../shared';
import { useConnectionState, useHubClient } from '../connection';
import { formatDateTime, useI18n } from '../i18n';
import { downloadCsv, handoverFilename } from './download';
import { HandoverSections } from './HandoverSections';

/** The shifts a command post runs: 8 h (three teams), 12 h (two), 24 h (astreinte weekend). */
const SHIFT_HOURS = [8, 12, 24] as const;

/**
 * « Relève »: what the next team inherits and what this one did, for the last 8, 12 or 24 hours,
 * exportable as CSV and printable (the printout is the handover alone, see logbook.css).
 */
export function HandoverView() {
  const { t, locale } = useI18n();
  const client = useHubClient();
  const { subscribed } = useConnectionState();
  const [hours, setHours] = useState<(typeof SHIFT_HOURS)[number]>(12);
  const [handover, setHandover] = useState<LogbookHandover | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const to = new Date();
    const from = new Date(to.getTime() - hours * 3_600_000);
    setBusy(true);
    try {
      const reply = await client.request('logbook.handover', { from: from.toISOString(), to: to.toISOString() });
      setHandover(reply.handover);
      setError(null);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }, [client, hours]);

  useEffect(() => {
    if (subscribed) void load();
  }, [load, subscribed]);

  const exportCsv = async () => {
    if (!handover) return;
    setBusy(true);
    try {
      // The same period as on screen, so the file says what the operator was reading.
      const reply = await client.request('logbook.export', { from: handover.from, to: handover.to });
      downloadCsv(handoverFilename(reply.to), reply.csv);
      setNotice(t('logbook.handover.exported', { rows: reply.rows }));
      setError(null);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="logbook-handover" data-testid="logbook-handover">
      <div className="logbook-handover__toolbar">
        <label className="logbook-handover__period">
          <span className="small muted">{t('logbook.handover.period')}</span>
          <select value={hours} data-testid="handover-hours" onChange={(event) => setHours(Number(event.target.value) as (typeof SHIFT_HOURS)[number])}>
            {SHIFT_HOURS.map((h) => (
              <option key={h} value={h}>
                {t('logbook.handover.last', { hours: h })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--small" disabled={busy} onClick={() => void load()}>
          {t('logbook.handover.refresh')}
        </button>
        <button type="button" className="button button--small button--primary" data-testid="handover-export" disabled={busy || !handover} onClick={() => void exportCsv()}>
          {t('logbook.handover.export')}
        </button>
        <button type="button" className="button button--small" disabled={!handover} onClick={() => window.print()}>
          {t('logbook.handover.print')}
        </button>
      </div>
      {error && (
        <p className="logbook-error" role="alert">
          {error}
        </p>
      )}
      {notice && <p className="small muted" role="status">{notice}</p>}
      {handover && (
        <>
          <p className="small muted">{t('logbook.handover.range', { from: formatDateTime(handover.from, locale), to: formatDateTime(handover.to, locale) })}</p>
          <HandoverSections handover={handover} />
          {createPortal(
            <div className="logbook-print" aria-hidden="true">
              <h1>
                {t('logbook.tab.handover')} — {t('logbook.handover.range', { from: formatDateTime(handover.from, locale), to: formatDateTime(handover.to, locale) })}
              </h1>
              <HandoverSections handover={handover} />
            </div>,
            document.body,
          )}
        </>
      )}
    </div>
  );
}
