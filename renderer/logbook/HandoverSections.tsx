import type { ReactNode } from 'react';
import type { Alarm, Command, LogbookEntry, LogbookHandover } from '../../shared';
import { commandSummary } from '../commands';
import { formatDateTime, useI18n, type MessageKey } from '../i18n';
import { useStore } from '../state';

/** The handover's lists, open items first; each item selects its asset on the map. */
export function HandoverSections({ handover }: { handover: LogbookHandover }) {
  const { t } = useI18n();
  const { open, done, totals } = handover;
  return (
    <div className="handover-sections">
      <h3>{t('logbook.handover.open')}</h3>
      <Section title="logbook.handover.unacknowledged" total={totals.unacknowledged} testId="handover-unacknowledged">
        {open.unacknowledged.map((alarm) => <AlarmItem key={alarm.id} alarm={alarm} />)}
      </Section>
      <Section title="logbook.handover.acknowledged" total={totals.acknowledged} testId="handover-acknowledged">
        {open.acknowledged.map((alarm) => <AlarmItem key={alarm.id} alarm={alarm} acknowledged />)}
      </Section>
      <Section title="logbook.handover.shelved" total={totals.shelved} testId="handover-shelved">
        {open.shelved.map((alarm) => <AlarmItem key={alarm.id} alarm={alarm} />)}
      </Section>
      <Section title="logbook.handover.pendingCommands" total={totals.pendingCommands} testId="handover-pending-commands">
        {open.pendingCommands.map((command) => <CommandItem key={command.id} command={command} />)}
      </Section>
      <h3>{t('logbook.handover.done')}</h3>
      <Section title="logbook.handover.acknowledgements" total={totals.acknowledgements} testId="handover-acknowledgements">
        {done.acknowledgements.map((alarm) => <AlarmItem key={alarm.id} alarm={alarm} acknowledged />)}
      </Section>
      <Section title="logbook.handover.commands" total={totals.commands} testId="handover-commands">
        {done.commands.map((command) => <CommandItem key={command.id} command={command} />)}
      </Section>
      <Section title="logbook.handover.entries" total={totals.entries} testId="handover-entries">
        {done.entries.map((entry) => <EntryItem key={entry.id} entry={entry} />)}
      </Section>
    </div>
  );
}

function Section({ title, total, testId, children }: { title: MessageKey; total: number; testId: string; children: ReactNode[] }) {
  const { t } = useI18n();
  return (
    <section className="handover-section" data-testid={testId}>
      <h4>
        {t(title)} <span className="handover-section__count">{total}</span>
      </h4>
      {children.length === 0 ? (
        <p className="small muted">{t('logbook.handover.none')}</p>
      ) : (
        <ul className="handover-section__list">{children}</ul>
      )}
      {total > children.length && <p className="small muted">{t('logbook.handover.more', { count: total - children.length })}</p>}
    </section>
  );
}

function AlarmItem({ alarm, acknowledged = false }: { alarm: Alarm; acknowledged?: boolean }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const store = useStore();
  return (
    <li className={`handover-item handover-item--${alarm.priority}`}>
      <button type="button" className="handover-item__target" onClick={() => store.select(alarm.assetId, { fly: true })}>
        <span className="handover-item__time">{formatDateTime(alarm.raisedAt, locale)}</span>
        <span className="handover-item__priority">{t(`priority.${alarm.priority}`)}</span>
        <span>{alarm.message}</span>
        <span className="muted">{store.getAsset(alarm.assetId)?.name ?? alarm.assetId}</span>
      </button>
      {acknowledged && alarm.acknowledgedBy && alarm.acknowledgedAt && (
        <p className="small muted">
          {t('logbook.handover.acknowledgedBy', { user: alarm.acknowledgedBy, time: formatDateTime(alarm.acknowledgedAt, locale) })}
          {alarm.comment ? ` — ${alarm.comment}` : ''}
        </p>
      )}
      {alarm.state === 'shelved' && alarm.shelvedUntil && (
        <p className="small muted">{t('logbook.handover.shelvedUntil', { time: formatDateTime(alarm.shelvedUntil, locale), reason: alarm.shelveReason ?? '' })}</p>
      )}
    </li>
  );
}

function CommandItem({ command }: { command: Command }) {
  const i18n = useI18n();
  const store = useStore();
  return (
    <li className={`handover-item handover-item--command-${command.state}`}>
      <button type="button" className="handover-item__target" onClick={() => store.select(command.assetId, { fly: true })}>
        <span className="handover-item__time">{formatDateTime(command.requestedAt, i18n.locale)}</span>
        <span>{commandSummary(command, i18n)}</span>
        <span className="muted">{store.getAsset(command.assetId)?.name ?? command.assetId}</span>
        <strong className="handover-item__state">{i18n.t(`command.state.${command.state}`)}</strong>
        <span className="muted">{command.requestedBy}</span>
      </button>
      {command.detail && <p className="small muted">{command.detail}</p>}
    </li>
  );
}

function EntryItem({ entry }: { entry: LogbookEntry }) {
  const { locale } = useI18n();
  return (
    <li className="handover-item" data-testid="handover-entry">
      <span className="handover-item__time">{formatDateTime(entry.at, locale)}</span> <strong>{entry.author}</strong> — <span className="handover-item__text">{entry.text}</span>
      {entry.links.length > 0 && <span className="muted"> ({entry.links.map((l) => l.label).join(' ; ')})</span>}
    </li>
  );
}
