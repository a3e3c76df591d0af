import { memo } from 'react';
import type { Alarm } from '../../shared';
import { formatDateTime, type I18n } from '../i18n';
import { acknowledgementLine, alarmAge, needsAcknowledgement, PRIORITY_COLOUR } from './alarm-presentation';

export interface AlarmRowProps {
  alarm: Alarm;
  assetName: string;
  communeName: string;
  nowMs: number;
  i18n: I18n;
  selected: boolean;
  /** Newly raised and among the few rows allowed to flash at once (AlarmList decides). */
  flash: boolean;
  canAcknowledge: boolean;
  /** Operators and admins only: on-call staff acknowledge and comment but do not shelve. */
  canShelve: boolean;
  onShelve(alarm: Alarm): void;
  /** Whoever may acknowledge may comment. */
  onComment(alarm: Alarm): void;
  /** Ticked for a bulk acknowledgement. */
  checked: boolean;
  onToggle(alarmId: string): void;
  onSelect(alarm: Alarm): void;
  onAcknowledge(alarm: Alarm): void;
}

/** One alarm: priority first (colour and word), then what, where, since when, and its state. */
export const AlarmRow = memo(function AlarmRow(props: AlarmRowProps) {
  const { alarm, i18n, selected } = props;
  const { t } = i18n;
  const acknowledged = acknowledgementLine(alarm, i18n);
  const pending = needsAcknowledgement(alarm);
  return (
    <li
      className={`alarm-row alarm-row--${alarm.priority}${pending ? ' alarm-row--pending' : ''}${selected ? ' alarm-row--selected' : ''}${props.flash ? ' alarm-row--new' : ''}`}
      style={{ ['--priority' as string]: PRIORITY_COLOUR[alarm.priority] }}
      data-testid="alarm-row"
      data-alarm-id={alarm.id}
      data-alarm-state={alarm.state}
      data-asset-id={alarm.assetId}
      aria-selected={selected}
    >
      {pending && props.canAcknowledge && (
        <input
          type="checkbox"
          className="alarm-row__check"
          data-testid="alarm-select"
          aria-label={t('alarms.select')}
          checked={props.checked}
          onChange={() => props.onToggle(alarm.id)}
        />
      )}
      <button type="button" className="alarm-row__main" onClick={() => props.onSelect(alarm)}>
        <span className="alarm-row__top">
          <span className="priority-badge" data-testid="alarm-priority">
            {t(`priority.${alarm.priority}`)}
          </span>
          {alarm.chattering && (
            <span className="chattering-badge" data-testid="alarm-chattering" title={t('alarms.chatteringTitle', { cycles: alarm.cycles ?? 3 })}>
              {t('alarms.chattering')} · {alarm.cycles ?? 3}
            </span>
          )}
          <span className="alarm-row__age" title={alarm.raisedAt}>
            {alarmAge(alarm, props.nowMs, i18n)}
          </span>
        </span>
        <span className="alarm-row__message">{alarm.message}</span>
        <span className="alarm-row__where">
          <span className="alarm-row__asset">{props.assetName}</span>
          <span className="alarm-row__commune">{props.communeName}</span>
        </span>
        <span className="alarm-row__state" data-testid="alarm-state">
          {acknowledged ?? t(`alarmState.${alarm.state}`)}
          {alarm.count > 1 && <span className="alarm-row__count"> · {t('alarms.occurrences', { count: alarm.count })}</span>}
        </span>
        {alarm.comment && <span className="alarm-row__comment">« {alarm.comment} »</span>}
        {alarm.comments && alarm.comments.length > 0 && (
          <span className="alarm-row__comments" data-testid="alarm-comments">
            {alarm.comments.map((comment, index) => (
              <span key={index} className="alarm-row__comment-line" data-testid="alarm-comment">
                <span className="alarm-row__comment-who">{t('alarms.comments.byAt', { user: comment.by, time: formatDateTime(comment.at, i18n.locale) })}</span> {comment.text}
              </span>
            ))}
          </span>
        )}
      </button>
      {props.canAcknowledge && (
        <div className="alarm-row__actions">
          {pending && (
            <button type="button" className="button button--small alarm-row__ack" data-testid="alarm-acknowledge" onClick={() => props.onAcknowledge(alarm)}>
              {t('alarms.acknowledge')}
            </button>
          )}
          <button type="button" className="button button--small button--ghost" data-testid="alarm-comment-add" onClick={() => props.onComment(alarm)}>
            {t('alarms.comments.action')}
          </button>
          {props.canShelve && (
            <button type="button" className="button button--small button--ghost" data-testid="alarm-shelve" onClick={() => props.onShelve(alarm)}>
              {t('alarms.shelve.action')}
            </button>
          )}
        </div>
      )}
    </li>
  );
});
