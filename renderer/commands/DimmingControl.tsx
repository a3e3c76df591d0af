import { useMemo, useState } from 'react';
import { isCommandFinal, type Asset } from '../../shared';
import { useHubClient } from '../connection';
import { formatNumber, useI18n } from '../i18n';
import { useAssetCommands, useCommand, useStore } from '../state';
import { CommandStepper } from './CommandStepper';
import { ConfirmCommandDialog } from './ConfirmCommandDialog';
import { lightingImpact } from './lighting-impact';

/** Levels offered for a dimmable cabinet; a switch-only controller gets on (100 %) and off (0 %). */
const DIMMABLE_LEVELS = [0, 30, 50, 70, 100] as const;

/** A lighting cabinet's level now, with what it touches said before it is sent. */
export function DimmingControl({ asset, dimmable }: { asset: Asset; dimmable: boolean }) {
  const { t, locale } = useI18n();
  const client = useHubClient();
  const store = useStore();
  const [asking, setAsking] = useState<number | null>(null);
  const [sentId, setSentId] = useState<string | null>(null);
  const sent = useCommand(sentId);
  const commands = useAssetCommands(asset.id);
  const followed = sent ?? commands.find((c) => c.type === 'lighting.dim' && !isCommandFinal(c.state));
  const levels = dimmable ? DIMMABLE_LEVELS : ([0, 100] as const);
  const impact = useMemo(() => (asking === null ? null : lightingImpact(store.currentBuffers(), new Set([asset.id]))), [asking, store, asset.id]);

  const send = async (percent: number) => {
    const reply = await client.request('command.send', { assetId: asset.id, command: { type: 'lighting.dim', percent } });
    store.mergeCommands([reply.command]);
    setSentId(reply.commandId);
  };

  const label = (percent: number) => (dimmable ? `${formatNumber(percent, 0, locale)} %` : t(percent > 0 ? 'dimming.on' : 'dimming.off'));
  return (
    <section className="panel-section" data-testid="dimming-control">
      <h3>{t('dimming.title')}</h3>
      <div className="button-row">
        {levels.map((percent) => (
          <button key={percent} type="button" className="button" data-testid={`dim-${percent}`} onClick={() => setAsking(percent)}>
            {label(percent)}
          </button>
        ))}
      </div>
      {followed && <CommandStepper command={followed} />}
      {asking !== null && impact && (
        <ConfirmCommandDialog
          name="dim"
          title={t('dimming.confirmTitle', { level: label(asking) })}
          consequence={t(asking === 0 ? 'dimming.consequenceOff' : 'dimming.consequence', { lamps: formatNumber(impact.lamps, 0, locale), name: asset.name, level: label(asking) })}
          confirmLabel={t('dimming.send')}
          onClose={() => setAsking(null)}
          send={() => send(asking)}
        />
      )}
    </section>
  );
}
