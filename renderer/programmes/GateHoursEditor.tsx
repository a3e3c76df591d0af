import { useState } from 'react';
import type { GateHours } from '../../shared';
import { useI18n } from '../i18n';
import { ProgrammeDialog } from './ProgrammeDialog';

type Season = GateHours['seasons'][number];
type Exception = GateHours['exceptions'][number];

/** « 01/04 » ⇄ « 04-01 »: French readers write day then month. */
const toFrench = (monthDay: string) => `${monthDay.slice(3)}/${monthDay.slice(0, 2)}`;
const fromFrench = (text: string) => {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\s*$/.exec(text);
  return match ? `${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}` : text;
};

/** A cemetery's opening hours by season, and dated days with other hours or closed. */
export function GateHoursEditor({ initial, onClose, save }: { initial: GateHours; onClose(): void; save(hours: GateHours): Promise<void> }) {
  const { t } = useI18n();
  const [seasons, setSeasons] = useState(() => initial.seasons.map((s) => ({ ...s, from: toFrench(s.from) })));
  const [exceptions, setExceptions] = useState<Exception[]>(initial.exceptions);
  const setSeason = (index: number, change: Partial<Season>) => setSeasons((current) => current.map((s, i) => (i === index ? { ...s, ...change } : s)));
  const setException = (index: number, change: Partial<Exception>) => setExceptions((current) => current.map((e, i) => (i === index ? { ...e, ...change } : e)));

  return (
    <ProgrammeDialog name="gate-hours" title={t('programme.gate.title')} onClose={onClose} save={() => save({ seasons: seasons.map((s) => ({ ...s, from: fromFrench(s.from) })), exceptions })}>
      <table className="programme-table">
        <thead>
          <tr>
            <th>{t('programme.gate.from')}</th>
            <th>{t('programme.label')}</th>
            <th>{t('programme.gate.open')}</th>
            <th>{t('programme.gate.close')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {seasons.map((season, index) => (
            <tr key={index} data-testid="gate-season">
              <td>
                <input type="text" className="programme-date" aria-label={t('programme.gate.from')} placeholder="01/04" value={season.from} onChange={(e) => setSeason(index, { from: e.target.value })} />
              </td>
              <td>
                <input type="text" aria-label={t('programme.label')} value={season.label} onChange={(e) => setSeason(index, { label: e.target.value })} />
              </td>
              <td>
                <input type="time" aria-label={t('programme.gate.open')} value={season.open} onChange={(e) => setSeason(index, { open: e.target.value })} />
              </td>
              <td>
                <input type="time" aria-label={t('programme.gate.close')} value={season.close} onChange={(e) => setSeason(index, { close: e.target.value })} />
              </td>
              <td>
                {seasons.length > 1 && (
                  <button type="button" className="icon-button" aria-label={t('programme.remove')} onClick={() => setSeasons((current) => current.filter((_, i) => i !== index))}>
                    ×
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {seasons.length < 4 && (
        <button type="button" className="button button--ghost button--small" onClick={() => setSeasons((current) => [...current, { from: '01/06', label: '', open: '08:00', close: '20:00' }])}>
          {t('programme.gate.addSeason')}
        </button>
      )}

      <h4>{t('programme.exceptions')}</h4>
      <table className="programme-table">
        <tbody>
          {exceptions.map((exception, index) => (
            <tr key={index} data-testid="gate-exception">
              <td>
                <input type="date" aria-label={t('programme.date')} value={exception.date} onChange={(e) => setException(index, { date: e.target.value })} />
              </td>
              <td>
                <input type="text" aria-label={t('programme.label')} value={exception.label} onChange={(e) => setException(index, { label: e.target.value })} />
              </td>
              <td>
                <label className="field--inline">
                  <input type="checkbox" checked={exception.closed ?? false} onChange={(e) => setException(index, { closed: e.target.checked })} /> {t('programme.gate.closedAllDay')}
                </label>
              </td>
              <td>
                {!exception.closed && (
                  <>
                    <input type="time" aria-label={t('programme.gate.open')} value={exception.open ?? ''} onChange={(e) => setException(index, { open: e.target.value || undefined })} />{' '}
                    <input type="time" aria-label={t('programme.gate.close')} value={exception.close ?? ''} onChange={(e) => setException(index, { close: e.target.value || undefined })} />
                  </>
                )}
              </td>
              <td>
                <button type="button" className="icon-button" aria-label={t('programme.remove')} onClick={() => setExceptions((current) => current.filter((_, i) => i !== index))}>
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button button--ghost button--small" onClick={() => setExceptions((current) => [...current, { date: '', label: '' }])}>
        {t('programme.addException')}
      </button>
    </ProgrammeDialog>
  );
}
