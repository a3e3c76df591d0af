import { useState } from 'react';
import { isCommandFinal, type Asset } from '../../shared';
import { useHubClient } from '../connection';
import { useI18n } from '../i18n';
import { useAssetCommands, useCommand, useStore } from '../state';
import { CommandStepper } from './CommandStepper';
import { ConfirmCommandDialog } from './ConfirmCommandDialog';

type Position = 'open' | 'closed';

/**
 * A cemetery gate: where it is (its contact), where it was asked to be, and open / close. Both
 * say what they do to the public; opening takes a second confirmation (the cemetery becomes
 * accessible). The hub tracks the command until the contact reports the new position.
 */
export function GateControl({ asset }: { asset: Asset }) {
  const { t } = useI18n();
  const client = useHubClient();
  const store = useStore();
  const [asking, setAsking] = useState<Position | null>(null);
  const [sentId, setSentId] = useState<string | null>(null);
  const sent = useCommand(sentId);
  const commands = useAssetCommands(asset.id);
  const followed = sent ?? commands.find((c) => c.type === 'gate.set' && !isCommandFinal(c.state));
  const reported = asset.metrics.gateOpen;
  const position = typeof reported === 'boolean' ? (reported ? 'open' : 'closed') : undefined;

  const send = async (wanted: Position) => {
    const reply = await client.request('command.send', { assetId: asset.id, command: { type: 'gate.set', position: wanted } });
    store.mergeCommands([reply.command]);
    setSentId(reply.commandId);
  };

  return (
    <section className="panel-section" data-testid="gate-control">
      <h3>{t('gate.title')}</h3>
      <p data-testid="gate-position" data-position={position ?? 'unknown'}>
        {position ? t(`gate.position.${position}`) : t('gate.position.unknown')}
        {asset.desired?.gateOpen !== undefined && (
          <span className="muted small"> · {t('gate.wanted', { position: t(`gate.position.${asset.desired.gateOpen ? 'open' : 'closed'}`) })}</span>
        )}
      </p>
      <div className="button-row">
        <button type="button" className="button" data-testid="gate-open" onClick={() => setAsking('open')}>
          {t('gate.open')}
        </button>
        <button type="button" className="button" data-testid="gate-close" onClick={() => setAsking('closed')}>
          {t('gate.close')}
        </button>
      </div>
      {followed && <CommandStepper command={followed} />}
      {asking && (
        <ConfirmCommandDialog
          name="gate"
          title={t(asking === 'open' ? 'gate.confirmOpenTitle' : 'gate.confirmCloseTitle')}
          consequence={t(asking === 'open' ? 'gate.consequenceOpen' : 'gate.consequenceClose', { name: asset.name })}
          confirmLabel={t(asking === 'open' ? 'gate.open' : 'gate.close')}
          secondConfirmation={t(asking === 'open' ? 'gate.secondOpen' : 'gate.secondClose')}
          onClose={() => setAsking(null)}
          send={() => send(asking)}
        />
      )}
    </section>
  );
}
