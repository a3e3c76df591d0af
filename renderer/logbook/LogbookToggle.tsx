import type { Role } from '../../shared';
import { navigateTo, useHashRoute } from '../app/hash-route';
import { useConnectionState } from '../connection';
import { useI18n } from '../i18n';

/** The main courante opens beside the alarm list; in the URL so a reload keeps it open. */
export const LOGBOOK_HASH = '#main-courante';

/** The hub keeps elected officials out of the main courante; the console does not offer it. */
export function mayKeepLogbook(role: Role): boolean {
  return role !== 'elected';
}

/** The header's « Main courante » button: opens and closes the drawer. */
export function LogbookToggle() {
  const { t } = useI18n();
  const { session } = useConnectionState();
  const open = useHashRoute() === LOGBOOK_HASH;
  if (!session || !mayKeepLogbook(session.user.role)) return null;
  return (
    <button type="button" className="button button--ghost" data-testid="logbook-toggle" aria-pressed={open} onClick={() => navigateTo(open ? '' : LOGBOOK_HASH)}>
      {t('header.logbook')}
    </button>
  );
}
