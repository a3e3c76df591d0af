import { useState } from 'react';
import type { LightingException, LightingSchedule } from '../../shared';
import { useI18n } from '../i18n';
import { ProgrammeDialog } from './ProgrammeDialog';

const EXCEPTION_MODES: LightingException['mode'][] = ['all-night', 'off', 'no-cut-off'];

/**
 * A cabinet's night: switch-on after sunset and switch-off around sunrise (offsets in minutes, at
 * the cabinet's own place), the level at dusk and later steps, an optional cut-off window, and
 * dated exceptions for the night that starts that evening.
 */
export function LightingScheduleEditor({ initial, dimmable, onClose, save }: { initial: LightingSchedule; dimmable: boolean; onClose(): void; save(schedule: LightingSchedule): Promise<void> }) {
  const { t } = useI18n();
  const [schedule, setSchedule] = useState(initial);
  const [cutOff, setCutOff] = useState(initial.cutOff ?? { from: '01:00', to: '05:00' });
  const [withCutOff, setWithCutOff] = useState(initial.cutOff !== undefined);
  const change = (patch: Partial<LightingSchedule>) => setSchedule((current) => ({ ...current, ...patch }));
  const number = (text: string) => (text.trim() === '' || Number.isNaN(Number(text)) ? 0 : Math.round(Number(text)));

  const submit = () => {
    const { cutOff: _previous, ...rest } = schedule;
    // A switch-only controller knows on and off: the night is lit in full, or not at all.
    const levels = dimmable ? rest : { ...rest, duskPercent: 100, dimming: [] };
    return save(withCutOff ? { ...levels, cutOff } : levels);
  };

  return (
    <ProgrammeDialog name="lighting-schedule" title={t('programme.lighting.title')} onClose={onClose} save={submit}>
      <label className="field field--inline">
        <span>{t('programme.lighting.on')}</span>
        <input type="number" className="programme-number" data-testid="switch-on-offset" value={schedule.switchOnAfterSunsetMin} onChange={(e) => change({ switchOnAfterSunsetMin: number(e.target.value) })} />
        <span className="muted">{t('programme.lighting.afterSunset')}</span>
      </label>
      <label className="field field--inline">
        <span>{t('programme.lighting.off')}</span>
        <input type="number" className="programme-number" data-testid="switch-off-offset" value={schedule.switchOffAfterSunriseMin} onChange={(e) => change({ switchOffAfterSunriseMin: number(e.target.value) })} />
        <span className="muted">{t('programme.lighting.afterSunrise')}</span>
      </label>
      {dimmable ? (
        <>
          <label className="field field--inline">
            <span>{t('programme.lighting.dusk')}</span>
            <input type="number" min={1} max={100} className="programme-number" value={schedule.duskPercent} onChange={(e) => change({ duskPercent: number(e.target.value) })} />
            <span className="muted">%</span>
          </label>
          <h4>{t('programme.lighting.steps')}</h4>
          {schedule.dimming.map((step, index) => (
            <div key={index} className="programme-period" data-testid="dimming-step">
              <input type="time" aria-label={t('programme.from')} value={step.from} onChange={(e) => change({ dimming: schedule.dimming.map((s, i) => (i === index ? { ...s, from: e.target.value } : s)) })} />
              <input type="number" min={0} max={100} className="programme-number" aria-label="%" value={step.percent} onChange={(e) => change({ dimming: schedule.dimming.map((s, i) => (i === index ? { ...s, percent: number(e.target.value) } : s)) })} />
              <span className="muted">%</span>
              <button type="button" className="icon-button" aria-label={t('programme.remove')} onClick={() => change({ dimming: schedule.dimming.filter((_, i) => i !== index) })}>
                ×
              </button>
            </div>
          ))}
          {schedule.dimming.length < 6 && (
            <button type="button" className="button button--ghost button--small" onClick={() => change({ dimming: [...schedule.dimming, { from: '00:00', percent: 50 }] })}>
              {t('programme.lighting.addStep')}
            </button>
          )}
        </>
      ) : (
        <p className="muted small">{t('programme.lighting.switchOnly')}</p>
      )}
      <label className="field--inline">
        <input type="checkbox" data-testid="cut-off" checked={withCutOff} onChange={(e) => setWithCutOff(e.target.checked)} /> {t('programme.lighting.cutOff')}
      </label>
      {withCutOff && (
        <div className="programme-period">
          <input type="time" aria-label={t('programme.from')} value={cutOff.from} onChange={(e) => setCutOff({ ...cutOff, from: e.target.value })} />
          <span>→</span>
          <input type="time" aria-label={t('programme.to')} value={cutOff.to} onChange={(e) => setCutOff({ ...cutOff, to: e.target.value })} />
        </div>
      )}
      <h4>{t('programme.exceptions')}</h4>
      {schedule.exceptions.map((exception, index) => (
        <div key={index} className="programme-period" data-testid="lighting-exception">
          <input type="date" aria-label={t('programme.date')} value={exception.date} onChange={(e) => change({ exceptions: schedule.exceptions.map((x, i) => (i === index ? { ...x, date: e.target.value } : x)) })} />
          <select aria-label={t('programme.modeLabel')} value={exception.mode} onChange={(e) => change({ exceptions: schedule.exceptions.map((x, i) => (i === index ? { ...x, mode: e.target.value as LightingException['mode'] } : x)) })}>
            {EXCEPTION_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`programme.lighting.exception.${mode}`)}
              </option>
            ))}
          </select>
          <input type="text" aria-label={t('programme.label')} placeholder={t('programme.lighting.exceptionPlaceholder')} value={exception.label} onChange={(e) => change({ exceptions: schedule.exceptions.map((x, i) => (i === index ? { ...x, label: e.target.value } : x)) })} />
          <button type="button" className="icon-button" aria-label={t('programme.remove')} onClick={() => change({ exceptions: schedule.exceptions.filter((_, i) => i !== index) })}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="button button--ghost button--small" onClick={() => change({ exceptions: [...schedule.exceptions, { date: '', mode: 'all-night', label: '' }] })}>
        {t('programme.addException')}
      </button>
    </ProgrammeDialog>
  );
}
