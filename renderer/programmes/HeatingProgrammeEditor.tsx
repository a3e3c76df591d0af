import { useState } from 'react';
import { WEEKDAYS, type HeatingMode, type HeatingPeriod, type HeatingProgramme, type Weekday } from '../../shared';
import { formatNumber, parseDecimal, useI18n } from '../i18n';
import { ProgrammeDialog } from './ProgrammeDialog';

const MODES: HeatingMode[] = ['comfort', 'reduced', 'frost'];
const SCHOOL_DAYS: Weekday[] = ['mon', 'tue', 'thu', 'fri'];

/**
 * A school's week: per day, the times the building switches mode; the setpoint of each mode; the
 * mode for holidays. Values are typed the French way; the hub checks them against the building.
 */
export function HeatingProgrammeEditor({ initial, onClose, save }: { initial: HeatingProgramme; onClose(): void; save(programme: HeatingProgramme): Promise<void> }) {
  const { t, locale } = useI18n();
  const [week, setWeek] = useState(initial.week);
  const [setpoints, setSetpoints] = useState(() => ({
    comfort: formatNumber(initial.setpoints.comfort, 1, locale),
    reduced: formatNumber(initial.setpoints.reduced, 1, locale),
    frost: formatNumber(initial.setpoints.frost, 1, locale),
  }));
  const [daysOff, setDaysOff] = useState<HeatingMode>(initial.daysOff);

  const setDay = (day: Weekday, periods: HeatingPeriod[]) => setWeek((current) => ({ ...current, [day]: periods }));
  const sorted = (periods: HeatingPeriod[]) => [...periods].sort((a, b) => a.from.localeCompare(b.from));

  const submit = async () => {
    const parsed = Object.fromEntries(MODES.map((mode) => [mode, parseDecimal(setpoints[mode])])) as Record<HeatingMode, number | null>;
    const missing = MODES.find((mode) => parsed[mode] === null);
    if (missing) throw new Error(t('programme.heating.badSetpoint', { mode: t(`programme.mode.${missing}`) }));
    const programme: HeatingProgramme = {
      setpoints: { comfort: parsed.comfort!, reduced: parsed.reduced!, frost: parsed.frost! },
      week: Object.fromEntries(WEEKDAYS.map((day) => [day, sorted(week[day])])) as HeatingProgramme['week'],
      daysOff,
    };
    await save(programme);
  };

  return (
    <ProgrammeDialog name="heating-programme" title={t('programme.heating.title')} onClose={onClose} save={submit}>
      <fieldset className="programme-setpoints">
        <legend>{t('programme.heating.setpoints')}</legend>
        {MODES.map((mode) => (
          <label key={mode} className="field field--inline">
            <span>{t(`programme.mode.${mode}`)}</span>
            <input
              type="text"
              inputMode="decimal"
              className="programme-number"
              data-testid={`setpoint-${mode}`}
              value={setpoints[mode]}
              onChange={(e) => setSetpoints((current) => ({ ...current, [mode]: e.target.value }))}
            />
            <span className="muted">°C</span>
          </label>
        ))}
      </fieldset>

      <table className="programme-week" data-testid="programme-week">
        <tbody>
          {WEEKDAYS.map((day) => (
            <tr key={day} data-day={day}>
              <th scope="row">{t(`weekday.${day}`)}</th>
              <td>
                <div className="programme-periods">
                  {week[day].map((period, index) => (
                    <span key={index} className="programme-period">
                      <input
                        type="time"
                        aria-label={t('programme.from')}
                        value={period.from}
                        onChange={(e) => setDay(day, week[day].map((p, i) => (i === index ? { ...p, from: e.target.value } : p)))}
                      />
                      <select aria-label={t('programme.modeLabel')} value={period.mode} onChange={(e) => setDay(day, week[day].map((p, i) => (i === index ? { ...p, mode: e.target.value as HeatingMode } : p)))}>
                        {MODES.map((mode) => (
                          <option key={mode} value={mode}>
                            {t(`programme.mode.${mode}`)}
                          </option>
                        ))}
                      </select>
                      <button type="button" className="icon-button" aria-label={t('programme.removePeriod')} onClick={() => setDay(day, week[day].filter((_, i) => i !== index))}>
                        ×
                      </button>
                    </span>
                  ))}
                  {week[day].length < 8 && (
                    <button type="button" className="button button--ghost button--small" data-testid={`add-period-${day}`} onClick={() => setDay(day, [...week[day], { from: '08:00', mode: 'comfort' }])}>
                      {t('programme.addPeriod')}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row">
        <button type="button" className="button button--ghost button--small" onClick={() => setWeek((current) => ({ ...current, ...Object.fromEntries(SCHOOL_DAYS.map((day) => [day, current.mon])) }))}>
          {t('programme.heating.copyMonday')}
        </button>
      </div>
      <p className="muted small">{t('programme.heating.carryOver')}</p>

      <label className="field field--inline">
        <span>{t('programme.heating.daysOff')}</span>
        <select data-testid="days-off" value={daysOff} onChange={(e) => setDaysOff(e.target.value as HeatingMode)}>
          {MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t(`programme.mode.${mode}`)}
            </option>
          ))}
        </select>
      </label>
    </ProgrammeDialog>
  );
}
