import { useEffect, useMemo, useState } from 'react';
import type { CommandRequest, GroupCommandOutcome, LightingSchedule } from '../../shared';
import { DEFAULT_LIGHTING_SCHEDULE } from '../../shared/schedules/defaults';
import { ConfirmCommandDialog } from '../commands';
import { useConnectionState, useHubClient } from '../connection';
import { formatNumber, useI18n } from '../i18n';
import { LightingScheduleEditor } from '../programmes';
import { useGroupSelection, useStore, useTerritory } from '../state';
import { groupImpact, impactSentence, type GroupAction } from './group-impact';
import { commandableKinds, communesWithGroupAssets, selectFiltered, selectInPolygon, type GroupKind } from './group-selection';
import { GroupProgress } from './GroupProgress';

/**
 * Above this many assets a group command takes a second, deliberate confirmation: a slip of the
 * lasso over a whole town should not switch it off in one click. Gates always take one.
 */
export const SECOND_CONFIRMATION_ABOVE = 10;

const LIGHTING_ACTIONS: readonly GroupAction[] = [0, 30, 50, 70, 100].map((percent) => ({ type: 'lighting.dim', percent }));
const GATE_ACTIONS: readonly GroupAction[] = [
  { type: 'gate.set', position: 'open' },
  { type: 'gate.set', position: 'closed' },
];
const NO_IDS: ReadonlySet<string> = new Set();

const sameAction = (a: GroupAction | null, b: GroupAction) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Group commands on the map: « Sélection » opens the panel; a lasso or the commune filter picks
 * the cabinets or gates the user may command (highlighted on the map); the panel says what the
 * chosen command will do (« coupe 12 armoires, 1 840 points lumineux, 3 communes »), asks for
 * confirmation (twice above a size, always for gates) and then follows the group's commands.
 */
export function GroupPanel() {
  const { t, locale } = useI18n();
  const store = useStore();
  const client = useHubClient();
  const { session } = useConnectionState();
  const group = useGroupSelection();
  const territory = useTerritory();
  const kinds = useMemo(() => (session ? commandableKinds(session.user) : []), [session]);
  const [open, setOpen] = useState(false);
  const [chosenKind, setKind] = useState<GroupKind | null>(null);
  // What the user may command decides: a kind they lost (another account, new grants) is not kept.
  const kind = chosenKind !== null && kinds.includes(chosenKind) ? chosenKind : (kinds[0] ?? 'lighting-cabinet');
  const [commune, setCommune] = useState('');
  const [action, setAction] = useState<GroupAction | null>(null);
  const [schedule, setSchedule] = useState<LightingSchedule | null>(null);
  const [editingSchedule, setEditingSchedule] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [outcomes, setOutcomes] = useState<GroupCommandOutcome[] | null>(null);

  useEffect(() => store.onLasso((polygon) => store.setGroup(new Set(selectInPolygon(store.currentBuffers(), polygon, kind)))), [store, kind]);
  const impact = useMemo(() => groupImpact(store.currentBuffers(), group.ids), [store, group.ids]);
  // Only once the panel is open: reading which cabinets take commands decodes their records, work
  // the console's start (a new territory) should not pay for a panel nobody has opened.
  const communes = useMemo(() => {
    if (!open) return [];
    const present = communesWithGroupAssets(store.currentBuffers(), kind);
    return (territory?.communes ?? []).filter((c) => present.has(c.code)).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }, [store, territory, kind, open]);

  if (kinds.length === 0) return null;
  const size = group.ids.size;
  const reset = () => {
    setAction(null);
    setSchedule(null);
    setOutcomes(null);
  };
  const choose = (ids: readonly string[]) => {
    reset();
    store.setGroup(new Set(ids));
  };
  const close = () => {
    reset();
    store.setLassoing(false);
    store.setGroup(NO_IDS);
    setOpen(false);
  };
  const switchKind = (next: GroupKind) => {
    setKind(next);
    setCommune('');
    choose([]);
  };
  const request = (chosen: GroupAction): CommandRequest => (chosen.type === 'lighting.schedule' ? { type: 'lighting.schedule', schedule } : chosen);
  const send = async (chosen: GroupAction) => {
    const reply = await client.request('command.send-group', { assetIds: [...group.ids], command: request(chosen) });
    setOutcomes(reply.outcomes);
  };
  const actionLabel = (a: GroupAction) =>
    a.type === 'gate.set'
      ? t(a.position === 'open' ? 'gate.open' : 'gate.close')
      : a.type === 'lighting.schedule'
        ? t('groups.schedule')
        : a.percent === 0
          ? t('dimming.off')
          : a.percent === 100
            ? t('dimming.on')
            : `${formatNumber(a.percent, 0, locale)}\u00a0%`;

  if (!open) {
    return (
      <button type="button" className="group-toggle" data-testid="group-toggle" onClick={() => setOpen(true)}>
        {t('groups.toggle')}
      </button>
    );
  }
  const sentence = action && size > 0 ? impactSentence(locale, impact, action) : null;
  return (
    <aside className="group-panel" data-testid="group-panel" aria-label={t('groups.title')} data-selected={size}>
      <header className="group-panel__header">
        <h2>{t('groups.title')}</h2>
        <button type="button" className="button button--ghost" data-testid="group-close" onClick={close}>
          {t('groups.close')}
        </button>
      </header>
      {kinds.length > 1 && (
        <div className="button-row" role="group" aria-label={t('groups.kind')}>
          {kinds.map((k) => (
            <button key={k} type="button" className="button" aria-pressed={kind === k} data-testid={`group-kind-${k}`} onClick={() => switchKind(k)}>
              {t(`kind.${k}`)}
            </button>
          ))}
        </div>
      )}
      <div className="button-row">
        <button type="button" className="button" data-testid="group-lasso" aria-pressed={group.lassoing} onClick={() => store.setLassoing(!group.lassoing)}>
          {t('groups.lasso')}
        </button>
      </div>
      <div className="group-panel__filter">
        <select aria-label={t('groups.commune')} data-testid="group-commune" value={commune} onChange={(e) => setCommune(e.target.value)}>
          <option value="">{t('groups.allCommunes')}</option>
          {communes.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        <button type="button" className="button" data-testid="group-select-filtered" onClick={() => choose(selectFiltered(store.currentBuffers(), kind, commune || null))}>
          {t('groups.selectFiltered')}
        </button>
      </div>
      <p className="group-panel__summary" data-testid="group-summary">
        {size === 0 ? t('groups.empty') : t('groups.selected', { count: formatNumber(size, 0, locale) })}
        {size > 0 && (
          <button type="button" className="link-button" data-testid="group-clear" onClick={() => choose([])}>
            {t('groups.clear')}
          </button>
        )}
      </p>
      {size > 0 && !outcomes && (
        <>
          <div className="button-row" role="group" aria-label={t('groups.command')}>
            {(kind === 'gate' ? GATE_ACTIONS : LIGHTING_ACTIONS).map((a) => (
              <button key={actionLabel(a)} type="button" className="button" aria-pressed={sameAction(action, a)} data-testid={`group-action-${a.type === 'gate.set' ? a.position : a.type === 'lighting.dim' ? a.percent : 'schedule'}`} onClick={() => setAction(a)}>
                {actionLabel(a)}
              </button>
            ))}
            {kind === 'lighting-cabinet' && (
              <button type="button" className="button" aria-pressed={action?.type === 'lighting.schedule'} data-testid="group-action-schedule" onClick={() => setEditingSchedule(true)}>
                {t('groups.schedule')}
              </button>
            )}
          </div>
          {sentence && (
            <p className="group-panel__impact" data-testid="group-impact">
              {t('groups.preview', { sentence })}
            </p>
          )}
          <button type="button" className="button button--primary" data-testid="group-send" disabled={!action} onClick={() => setConfirming(true)}>
            {t('groups.send')}
          </button>
        </>
      )}
      {outcomes && <GroupProgress outcomes={outcomes} names={(id) => store.getAsset(id)?.name ?? id} />}
      {editingSchedule && (
        <LightingScheduleEditor
          initial={schedule ?? DEFAULT_LIGHTING_SCHEDULE}
          dimmable
          onClose={() => setEditingSchedule(false)}
          save={async (chosen) => {
            setSchedule(chosen);
            setAction({ type: 'lighting.schedule' });
          }}
        />
      )}
      {confirming && action && sentence && (
        <ConfirmCommandDialog
          name="group"
          title={t('groups.confirmTitle', { action: actionLabel(action) })}
          consequence={t('groups.consequence', { sentence })}
          confirmLabel={t('groups.sendConfirm')}
          secondConfirmation={kind === 'gate' || size > SECOND_CONFIRMATION_ABOVE ? t('groups.second', { count: formatNumber(size, 0, locale) }) : undefined}
          onClose={() => setConfirming(false)}
          send={() => send(action)}
        />
      )}
    </aside>
  );
}
