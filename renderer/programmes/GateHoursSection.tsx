import { useState } from 'react';
import type { Asset, GateHours } from '../../shared';
import { DEFAULT_GATE_HOURS } from '../../shared/schedules/defaults';
import { useHubClient } from '../connection';
import { formatDateTime, useI18n } from '../i18n';
import { useStore } from '../state';
import { GateHoursEditor } from './GateHoursEditor';
import { useAssetProgrammes } from './use-asset-programmes';

/** A cemetery gate's opening hours: where they want the gate now, the next opening or closing. */
export function GateHoursSection({ asset }: { asset: Asset }) {
  const { t, locale } = useI18n();
  const client = useHubClient();
  const store = useStore();
  const { programmes } = useAssetProgrammes(asset.id);
  const [editing, setEditing] = useState(false);
  const now = programmes?.now.gate;

  const save = async (hours: GateHours) => {
    const reply = await client.request('command.send', { assetId: asset.id, command: { type: 'gate.hours', hours } });
    store.mergeCommands([reply.command]);
  };

  return (
    <section className="panel-section" data-testid="gate-hours">
      <h3>{t('programme.gate.section')}</h3>
      {programmes?.gate && now ? (
        <p data-testid="gate-hours-now" data-position={now.position}>
          {t(`programme.gate.now.${now.position}`, { hours: now.hoursLabel })}
          {now.next && <span className="muted small"> · {t(`programme.gate.next.${now.next.position}`, { at: formatDateTime(now.next.at, locale) })}</span>}
        </p>
      ) : (
        <p className="muted">{t('programme.gate.none')}</p>
      )}
      <button type="button" className="button" data-testid="gate-hours-edit" onClick={() => setEditing(true)}>
        {programmes?.gate ? t('programme.edit') : t('programme.create')}
      </button>
      {editing && <GateHoursEditor initial={programmes?.gate ?? DEFAULT_GATE_HOURS} onClose={() => setEditing(false)} save={save} />}
    </section>
  );
}
