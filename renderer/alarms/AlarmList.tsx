import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Alarm } from '../../shared';
import { useConnectionState } from '../connection';
import { useI18n, useNow } from '../i18n';
import { useMapBounds } from '../map';
import { groupAlarmsByCause, useSelectedAssetId, useStore, type AlarmListItem } from '../state';
import { AcknowledgeDialog } from './AcknowledgeDialog';
import { filterAlarms, NO_FILTER, sortAlarms, type AlarmContext, type AlarmFilter, type AlarmOrder } from './alarm-filter';
import { needsAcknowledgement, newestRaised } from './alarm-presentation';
import { AlarmFilters } from './AlarmFilters';
import { AlarmLoadStrip } from './AlarmLoadStrip';
import { AlarmRow } from './AlarmRow';
import { BulkAcknowledgeBar } from './BulkAcknowledgeBar';
import { CauseGroupRow } from './CauseGroupRow';
import { CommentDialog } from './CommentDialog';
import { ShelveDialog } from './ShelveDialog';
import { ShelvedList } from './ShelvedList';
import { usePacedAlarms } from './use-paced-view';
import { VirtualList } from './VirtualList';

/** A row's height before it is drawn and measured (an alarm without comments), and the gap. */
const ROW_ESTIMATE_PX = 96;
const ROW_GAP_PX = 6;
/** Rows that flash on arrival at once: the newest ones; a burst of hundreds flashes only these. */
const MAX_FLASHING_ROWS = 12;
/** How long a new alarm is highlighted on arrival. */
const NEW_FOR_MS = 60_000;

type Filter = 'all' | 'pending';

const itemKey = (item: AlarmListItem) => (item.kind === 'alarm' ? item.alarm.id : item.cause.id);
const holds = (item: AlarmListItem, alarmId: string) =>
  item.kind === 'alarm' ? item.alarm.id === alarmId : item.cause.id === alarmId || item.children.some((child) => child.id === alarmId);

/**
 * Active alarms beside the map, filtered, searched and sorted by the operator (newest first by
 * default); selecting one flies the map to its asset. Alarms explained by a cause on the list
 * fold under it. Long lists are windowed (VirtualList). `focusAlarmId` (a notification's link)
 * brings that alarm to the top of the list, shelved list included.
 */
export function AlarmList({ focusAlarmId }: { focusAlarmId?: string | undefined } = {}) {
  const i18n = useI18n();
  const { t } = i18n;
  const store = useStore();
  // Paced, not every frame: nothing in this component follows the store frame by frame.
  const { active: alarms, shelved } = usePacedAlarms();
  const unacknowledged = useMemo(() => alarms.reduce((n, a) => (needsAcknowledgement(a) ? n + 1 : n), 0), [alarms]);
  const selectedAssetId = useSelectedAssetId();
  const { session } = useConnectionState();
  const nowMs = useNow();
  const [filter, setFilter] = useState<Filter>('all');
  const [acknowledging, setAcknowledging] = useState<Alarm | null>(null);
  const [shelving, setShelving] = useState<Alarm | null>(null);
  const [commentingId, setCommentingId] = useState<string | null>(null);
  const [showShelved, setShowShelved] = useState(false);
  // One segmented control: a filter of the list, or the shelved alarms apart.
  const showFilter = (next: Filter) => {
    setFilter(next);
    setShowShelved(false);
  };
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set());
  const [criteria, setCriteria] = useState<AlarmFilter>(NO_FILTER);
  const [order, setOrder] = useState<AlarmOrder>('time');
  const [onlyVisible, setOnlyVisible] = useState(false);
  const mapBounds = useMapBounds();
  // The map's moves only refilter the list while the operator asked for « what I see ».
  const bounds = onlyVisible ? mapBounds : null;
  const communeName = useCallback((code: string) => store.communeName(code), [store]);
  const context = useMemo<AlarmContext>(() => ({ asset: (id) => store.getAsset(id), communeName }), [store, communeName]);

  const shown = useMemo(() => {
    const effective: AlarmFilter = { ...criteria, state: filter, bounds };
    return sortAlarms(filterAlarms(alarms, effective, context), order, communeName);
  }, [alarms, criteria, filter, bounds, order, context, communeName]);
  // Lines of the list: alarms explained by a cause on the list fold under it (the header still counts them).
  const grouped = useMemo(() => groupAlarmsByCause(shown), [shown]);
  // The item holding the alarm a link points to goes first: it is why the user came.
  const items = useMemo(() => {
    const focused = focusAlarmId ? grouped.items.find((item) => holds(item, focusAlarmId)) : undefined;
    return focused ? [focused, ...grouped.items.filter((item) => item !== focused)] : grouped.items;
  }, [grouped, focusAlarmId]);
  useEffect(() => {
    if (!focusAlarmId) return;
    const isShelved = shelved.some((a) => a.id === focusAlarmId);
    setShowShelved(isShelved);
    if (!isShelved) {
      setFilter('all');
      setCriteria(NO_FILTER);
    }
    requestAnimationFrame(() => document.querySelector(`[data-alarm-id="${CSS.escape(focusAlarmId)}"]`)?.scrollIntoView({ block: 'center' }));
    // Once per link: later changes of the shelved list must not move the operator's view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusAlarmId]);
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
  const canAcknowledge = session !== null && session.user.role !== 'elected';
  const assetName = (id: string) => store.getAsset(id)?.name ?? id;

  // The one place a list item becomes a row: other kinds of rows (a cause's group) slot in here.
  const renderRow = (alarm: Alarm) => (
    <AlarmRow
      key={alarm.id}
      flash={flashing.has(alarm.id)}
      alarm={alarm}
      assetName={assetName(alarm.assetId)}
      communeName={communeName(alarm.commune)}
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
  const renderItem = (item: AlarmListItem) =>
    item.kind === 'alarm' ? renderRow(item.alarm) : <CauseGroupRow key={item.cause.id} cause={item.cause} children={item.children} i18n={i18n} renderRow={renderRow} />;

  return (
    <section className="alarm-list" data-testid="alarm-list" aria-labelledby="alarm-list-title">
      <header className="alarm-list__header">
        <h2 id="alarm-list-title">
          {t('alarms.title')} <span className="alarm-list__count">{alarms.length}</span>
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
            {t('alarms.filterUnacknowledged')} ({unacknowledged})
          </button>
          <button type="button" aria-pressed={showShelved} onClick={() => setShowShelved((v) => !v)} data-testid="alarm-filter-shelved">
            {t('alarms.shelved.toggle', { count: shelved.length })}
          </button>
        </div>
      </header>
      <AlarmLoadStrip active={alarms} shelved={shelved} />
      {showShelved ? (
        <ShelvedList alarms={shelved} canUnshelve={canShelve} assetName={assetName} communeName={communeName} />
      ) : (
        <>
          <AlarmFilters
            filter={criteria}
            onFilter={setCriteria}
            order={order}
            onOrder={setOrder}
            alarms={alarms}
            communeName={communeName}
            onlyVisible={onlyVisible}
            onOnlyVisible={setOnlyVisible}
          />
          {canAcknowledge && <BulkAcknowledgeBar selectedIds={selectedIds} pendingShownIds={pendingShownIds} onDone={clearTicks} />}
          {shown.length === 0 ? (
            <p className="alarm-list__empty">{alarms.length === 0 ? t('alarms.empty') : t('alarms.filters.none')}</p>
          ) : (
            <VirtualList items={items} keyOf={itemKey} renderItem={renderItem} estimatePx={ROW_ESTIMATE_PX} gapPx={ROW_GAP_PX} className="alarm-list__rows" testId="alarm-rows" />
          )}
        </>
      )}
      {commenting && <CommentDialog alarm={commenting} assetName={assetName(commenting.assetId)} onClose={closeComment} />}
      {shelving && <ShelveDialog alarm={shelving} assetName={assetName(shelving.assetId)} onClose={closeShelve} />}
      {acknowledging && <AcknowledgeDialog alarm={acknowledging} assetName={assetName(acknowledging.assetId)} onClose={closeDialog} />}
    </section>
  );
}
