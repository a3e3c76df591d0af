import { useMemo, useState } from 'react';
import { ALARM_PRIORITIES, ASSET_KINDS, type Alarm, type AlarmPriority, type AssetKind } from '../../shared';
import { useI18n } from '../i18n';
import { useMapBounds } from '../map';
import { activeCriteria, NO_FILTER, type AlarmFilter, type AlarmOrder } from './alarm-filter';
import { PRIORITY_COLOUR } from './alarm-presentation';

const ORDERS: readonly AlarmOrder[] = ['time', 'priority', 'commune'];

export interface AlarmFiltersProps {
  filter: AlarmFilter;
  onFilter(next: AlarmFilter): void;
  order: AlarmOrder;
  onOrder(next: AlarmOrder): void;
  /** The active alarms, to offer only the communes that have some. */
  alarms: readonly Alarm[];
  communeName(code: string): string;
  /** « Seulement ce que je vois »: the list follows the map's bounds as it moves. */
  onlyVisible: boolean;
  onOnlyVisible(on: boolean): void;
}

/**
 * Search and sort always in view; the criteria (priority, kind, commune, map view) fold under a
 * toggle that counts how many narrow the list. The state criterion is the segmented control above.
 */
export function AlarmFilters({ filter, onFilter, order, onOrder, alarms, communeName, onlyVisible, onOnlyVisible }: AlarmFiltersProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const bounds = useMapBounds();
  const criteria = activeCriteria({ ...filter, state: 'all', text: '' }) + (onlyVisible ? 1 : 0);
  const communes = useMemo(() => {
    if (!open) return [];
    const counts = new Map<string, number>();
    for (const alarm of alarms) counts.set(alarm.commune, (counts.get(alarm.commune) ?? 0) + 1);
    return [...counts].map(([code, count]) => ({ code, count, name: communeName(code) })).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }, [open, alarms, communeName]);
  const onlyCommune = filter.communes.size === 1 ? [...filter.communes][0] : '';
  const onlyKind = filter.kinds.size === 1 ? [...filter.kinds][0] : '';

  const togglePriority = (priority: AlarmPriority) => {
    const next = new Set(filter.priorities);
    if (!next.delete(priority)) next.add(priority);
    onFilter({ ...filter, priorities: next });
  };

  return (
    <div className="alarm-filters" data-testid="alarm-filters">
      <div className="alarm-filters__line">
        <input
          type="search"
          className="alarm-filters__search"
          data-testid="alarm-search"
          aria-label={t('alarms.filters.search')}
          placeholder={t('alarms.filters.search')}
          value={filter.text}
          onChange={(e) => onFilter({ ...filter, text: e.target.value })}
        />
        <select className="alarm-filters__order" data-testid="alarm-order" aria-label={t('alarms.filters.order')} value={order} onChange={(e) => onOrder(e.target.value as AlarmOrder)}>
          {ORDERS.map((o) => (
            <option key={o} value={o}>
              {t(`alarms.order.${o}`)}
            </option>
          ))}
        </select>
        <button type="button" className="button button--small button--ghost" data-testid="alarm-filters-toggle" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
          {criteria > 0 ? t('alarms.filters.toggleCount', { count: criteria }) : t('alarms.filters.toggle')}
        </button>
      </div>
      {open && (
        <div className="alarm-filters__panel" data-testid="alarm-filters-panel">
          <div className="alarm-filters__priorities" role="group" aria-label={t('alarms.filters.priority')}>
            {ALARM_PRIORITIES.map((priority) => (
              <button
                key={priority}
                type="button"
                className="priority-chip"
                style={{ ['--priority' as string]: PRIORITY_COLOUR[priority] }}
                data-testid={`alarm-filter-priority-${priority}`}
                aria-pressed={filter.priorities.has(priority)}
                onClick={() => togglePriority(priority)}
              >
                {t(`priority.${priority}`)}
              </button>
            ))}
          </div>
          <label className="alarm-filters__field">
            <span>{t('alarms.filters.kind')}</span>
            <select
              data-testid="alarm-filter-kind"
              value={onlyKind}
              onChange={(e) => onFilter({ ...filter, kinds: e.target.value ? new Set([e.target.value as AssetKind]) : new Set() })}
            >
              <option value="">{t('alarms.filters.allKinds')}</option>
              {ASSET_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kind.${kind}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="alarm-filters__field">
            <span>{t('alarms.filters.commune')}</span>
            <select
              data-testid="alarm-filter-commune"
              value={onlyCommune}
              onChange={(e) => onFilter({ ...filter, communes: e.target.value ? new Set([e.target.value]) : new Set() })}
            >
              <option value="">{t('alarms.filters.allCommunes')}</option>
              {communes.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name} ({c.count})
                </option>
              ))}
            </select>
          </label>
          {/* No map on screen (the alarm window, the phone's list tab): nothing to follow. */}
          {(bounds || onlyVisible) && (
            <label className="alarm-filters__check">
              <input type="checkbox" data-testid="alarm-filter-viewport" checked={onlyVisible} onChange={(e) => onOnlyVisible(e.target.checked)} />
              {t('alarms.filters.viewport')}
            </label>
          )}
          <button
            type="button"
            className="button button--small button--ghost"
            data-testid="alarm-filters-reset"
            onClick={() => {
              onFilter({ ...NO_FILTER, state: filter.state });
              onOnlyVisible(false);
            }}
          >
            {t('alarms.filters.reset')}
          </button>
        </div>
      )}
    </div>
  );
}
