import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Alarm } from '../../shared';
import { useConnectionState } from '../connection';
import { useI18n, useNow } from '../i18n';
import { groupAlarmsByCause, useActiveAlarms, useAlarmCounts, useSelectedAssetId, useShelvedAlarms, useStore } from '../state';
import { AcknowledgeDialog } from './AcknowledgeDialog';
import { needsAcknowledgement, newestRaised } from './alarm-presentation';
import { AlarmRow } from './AlarmRow';
import { BulkAcknowledgeBar } from './BulkAcknowledgeBar';
import { CauseGroupRow } from './CauseGroupRow';
import { CommentDialog } from './CommentDialog';
import { ShelveDialog } from './ShelveDialog';
import { ShelvedList } from './ShelvedList';

/** A list this long is already a crisis; past it the operator filters or works from the map. */
const MAX_ROWS = 300;
/** Rows that flash on arrival at once: the newest ones; a burst of hundreds flashes only these. */
const MAX_FLASHING_ROWS = 12;
/** How long a new alarm is highlighted on arrival. */
const NEW_FOR_MS = 60_000;

type Filter = 'all' | 'pending';

/**
 * Active alarms beside the map, newest first; selecting one flies the map to its asset.
 * `focusAlarmId` (a notification's link) brings that alarm's row into view, shelved list included.
 */
export function AlarmList({ focusAlarmId }: { focusAlarmId?: string | undefined } = {}) {
  const i18n = useI18n();
  const { t } = i18n;
  const store = useStore();
  const alarms = useActiveAlarms();
  const counts = useAlarmCounts();
  const selectedAssetId = useSelectedAssetId();
  const { session } = useConnectionState();
  const nowMs = useNow();
  const [filter, setFilter] = useState<Filter>('all');
  const [acknowledging, setAcknowledging] = useState<Alarm | null>(null);
  const [shelving, setShelving] = useState<Alarm | null>(null);
  const [commentingId, setCommentingId] = useState<string | null>(null);
  const [showShelved, setShowShelved] = useState(false);
  const shelved = useShelvedAlarms();
  // One segmented control: a filter of the list, or the shelved alarms apart.
  const showFilter = (next: Filter) => {
    setFilter(next);
    setShowShelved(false);
  };
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => {
    if (!focusAlarmId) return;
    const isShelved = shelved.some((a) => a.id === focusAlarmId);
    setShowShelved(isShelved);
    if (!isShelved) setFilter('all');
    requestAnimationFrame(() => document.querySelector(`[data-alarm-id="${CSS.escape(focusAlarmId)}"]`)?.scrollIntoView({ block: 'center' }));
    // Once per link: later changes of the shelved list must not move the operator's view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusAlarmId]);

  const shown = useMemo(() => (filter === 'pending' ? alarms.filter(needsAcknowledgement) : alarms), [alarms, filter]);
  // Lines of the list: alarms explained by a cause on the list fold under it (the header still counts them).
  const grouped = useMemo(() => groupAlarmsByCause(alarms, filter === 'pending' ? needsAcknowledgement : undefined), [alarms, filter]);
  // The alarm a link points to is drawn even past the first MAX_ROWS, on top: it is why the user came.
  const items = useMemo(() => {
    const head = grouped.items.slice(0, MAX_ROWS);
    const inHead = head.some((item) => (item.kind === 'alarm' ? item.alarm.id === focusAlarmId : item.cause.id === focusAlarmId || item.children.some((c) => c.id === focusAlarmId)));
    const focused = focusAlarmId && !inHead ? shown.find((a) => a.id === focusAlarmId) : undefined;
    return focused ? [{ kind: 'alarm' as const, alarm: focused }, ...head] : head;
  }, [grouped, shown, focusAlarmId]);
  // « Tout acquitter » takes the whole filtered list, not only the rows drawn.
  const pendingShownIds = useMemo(() => shown.filter(needsAcknowledgement).map((a) => a.id), [shown]);
  // A ticked alarm acknowledged meanwhile (here or elsewhere) silently drops out of the selection.
  const selectedIds = useMemo(() => pendingShownIds.filter((id) => ticked.has(id)), [pendingShownIds, ticked]);
  const onToggle = useCallback(
    (alarmId: string) =>
      setTicked((previous) => {
        const next = new Set(previous);
        if (!next.delete(alarmId)) next.add(alarmId);
        return next;
      }),
    [],
  );
  const clearTicks = useCallback(() => setTicked(new Set()), []);
  const flashing = useMemo(() => newestRaised(shown, nowMs - NEW_FOR_MS, MAX_FLASHING_ROWS), [shown, nowMs]);
  const onSelect = useCallback((alarm: Alarm) => store.select(alarm.assetId, { fly: true }), [store]);
  const onAcknowledge = useCallback((alarm: Alarm) => setAcknowledging(alarm), []);
  const closeDialog = useCallback(() => setAcknowledging(null), []);
  const onComment = useCallback((alarm: Alarm) => setCommentingId(alarm.id), []);
  const closeComment = useCallback(() => setCommentingId(null), []);
  // The dialog follows the alarm live, so a comment added elsewhere shows in its history.
  const commenting = commentingId === null ? undefined : alarms.find((a) => a.id === commentingId);
  const onShelve = useCallback((alarm: Alarm) => setShelving(alarm), []);
  const closeShelve = useCallback(() => setShelving(null), []);
  const canShelve = session !== null && (session.user.role === 'operator' || session.user.role === 'admin');
  const communeName = (code: string) => store.communeName(code);
  const canAcknowledge = session !== null && session.user.role !== 'elected';
  const assetName = (id: string) => store.getAsset(id)?.name ?? id;
  const row = (alarm: Alarm) => (
    <AlarmRow
      key={alarm.id}
      flash={flashing.has(alarm.id)}
      alarm={alarm}
      assetName={assetName(alarm.assetId)}
      communeName={store.communeName(alarm.commune)}
      nowMs={nowMs}
      i18n={i18n}
      selected={alarm.assetId === selectedAssetId}
      canAcknowledge={canAcknowledge}
      canShelve={canShelve}
      onShelve={onShelve}
      onComment={onComment}
      checked={ticked.has(alarm.id)}
      onToggle={onToggle}
      onSelect={onSelect}
      onAcknowledge={onAcknowledge}
    />
  );

  return (
    <section className="alarm-list" data-testid="alarm-list" aria-labelledby="alarm-list-title">
      <header className="alarm-list__header">
        <h2 id="alarm-list-title">
          {t('alarms.title')} <span className="alarm-list__count">{counts.active}</span>
          {grouped.groupedCount > 0 && (
            <span className="alarm-list__grouped" data-testid="alarm-grouped-count">
              {t('alarms.causes.headerGrouped', { count: grouped.groupedCount })}
            </span>
          )}
        </h2>
        <div className="segmented" role="group">
          <button type="button" aria-pressed={!showShelved && filter === 'all'} onClick={() => showFilter('all')}>
            {t('alarms.filterAll')}
          </button>
          <button type="button" aria-pressed={!showShelved && filter === 'pending'} onClick={() => showFilter('pending')} data-testid="alarm-filter-pending">
            {t('alarms.filterUnacknowledged')} ({counts.unacknowledged})
          </button>
          <button type="button" aria-pressed={showShelved} onClick={() => setShowShelved((v) => !v)} data-testid="alarm-filter-shelved">
            {t('alarms.shelved.toggle', { count: shelved.length })}
          </button>
        </div>
      </header>
      {showShelved ? (
        <ShelvedList alarms={shelved} canUnshelve={canShelve} assetName={assetName} communeName={communeName} />
      ) : (
        <>
          {canAcknowledge && <BulkAcknowledgeBar selectedIds={selectedIds} pendingShownIds={pendingShownIds} onDone={clearTicks} />}
          {shown.length === 0 ? (
            <p className="alarm-list__empty">{t('alarms.empty')}</p>
          ) : (
            <ol className="alarm-list__rows">
              {items.map((item) =>
                item.kind === 'alarm' ? (
                  row(item.alarm)
                ) : (
                  <CauseGroupRow key={item.cause.id} cause={item.cause} children={item.children} i18n={i18n} renderRow={row} />
                ),
              )}
            </ol>
          )}
          {grouped.items.length > MAX_ROWS && <p className="alarm-list__more">+ {grouped.items.length - MAX_ROWS}</p>}
        </>
      )}
      {commenting && <CommentDialog alarm={commenting} assetName={assetName(commenting.assetId)} onClose={closeComment} />}
      {shelving && <ShelveDialog alarm={shelving} assetName={assetName(shelving.assetId)} onClose={closeShelve} />}
      {acknowledging && <AcknowledgeDialog alarm={acknowledging} assetName={assetName(acknowledging.assetId)} onClose={closeDialog} />}
    </section>
  );
}
