import { useState, type ReactNode } from 'react';
import type { Alarm } from '../../shared';
import type { I18n } from '../i18n';

export interface CauseGroupRowProps {
  cause: Alarm;
  /** The alarms it explains (a silent gateway's « pas de données »), newest first. */
  children: readonly Alarm[];
  i18n: I18n;
  /** Draws one alarm as the list draws it (the cause and, once expanded, each child). */
  renderRow(alarm: Alarm): ReactNode;
}

/**
 * A cause and the alarms grouped under it: the cause's own row, then one line with the count of
 * grouped alarms that unfolds them. Folded by default: a gateway outage is one item, not forty.
 */
export function CauseGroupRow({ cause, children, i18n, renderRow }: CauseGroupRowProps) {
  const { t } = i18n;
  const [open, setOpen] = useState(false);
  const listId = `cause-children-${cause.id}`;
  return (
    <li className="cause-group" data-testid="cause-group" data-cause-id={cause.id} data-children={children.length}>
      <ol className="cause-group__cause">{renderRow(cause)}</ol>
      <button
        type="button"
        className="cause-group__toggle"
        data-testid="cause-group-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden>{open ? '▾' : '▸'}</span> {t('alarms.causes.grouped', { count: children.length })}
      </button>
      {open && (
        <ol className="cause-group__children" id={listId} data-testid="cause-group-children">
          {children.map((child) => renderRow(child))}
        </ol>
      )}
    </li>
  );
}
