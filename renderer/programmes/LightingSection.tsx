import { useState } from 'react';
import type { Asset, LightingSchedule } from '../../shared';
import { DEFAULT_LIGHTING_SCHEDULE } from '../../shared/schedules/defaults';
import { useHubClient } from '../connection';
import { formatDateTime, useI18n } from '../i18n';
import { useStore } from '../state';
import { LightingScheduleEditor } from './LightingScheduleEditor';
import { useAssetProgrammes } from './use-asset-programmes';

/** A cabinet's lighting schedule: the level it wants now and its next change. */
export function LightingSection({ asset, dimmable }: { asset: Asset; dimmable: boolean }) {
  const { t, locale } = useI18n();
  const client = useHubClient();
  const store = useStore();
  const { programmes } = useAssetProgrammes(asset.id);
  const [editing, setEditing] = useState(false);
  const now = programmes?.now.lighting;

  const save = async (schedule: LightingSchedule) => {
    const reply = await client.request('command.send', { assetId: asset.id, command: { type: 'lighting.schedule', schedule } });
    store.mergeCommands([reply.command]);
  };

  return (
    <section className="panel-section" data-testid="lighting-schedule">
      <h3>{t('programme.lighting.section')}</h3>
      {programmes?.lighting && now ? (
        <p data-testid="lighting-now" data-percent={now.percent}>
          {now.percent > 0 ? t('programme.lighting.nowOn', { percent: now.percent }) : t(`programme.lighting.nowOff.${now.reason === 'cut-off' ? 'cutOff' : now.reason === 'exception' ? 'exception' : 'day'}`)}
          {now.exception && <span className="muted"> ({now.exception})</span>}
          {now.next && (
            <span className="muted small">
              {' '}
              · {now.next.percent > 0 ? t('programme.lighting.nextOn', { percent: now.next.percent, at: formatDateTime(now.next.at, locale) }) : t('programme.lighting.nextOff', { at: formatDateTime(now.next.at, locale) })}
            </span>
          )}
        </p>
      ) : (
        <p className="muted">{t('programme.lighting.none')}</p>
      )}
      <button type="button" className="button" data-testid="lighting-schedule-edit" onClick={() => setEditing(true)}>
        {programmes?.lighting ? t('programme.edit') : t('programme.create')}
      </button>
      {editing && <LightingScheduleEditor initial={programmes?.lighting ?? DEFAULT_LIGHTING_SCHEDULE} dimmable={dimmable} onClose={() => setEditing(false)} save={save} />}
    </section>
  );
}
