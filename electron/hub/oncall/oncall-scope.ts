import { rosterCovers } from '../../../shared/domain/oncall';
import type { SessionUser } from '../../../shared/domain/users';
import type { JournalEvent } from '../../../shared/protocol/messages';
import type { HubContext } from '../api/context';

/**
 * The on-call role's scope on alarms (issue 6: « alarms of the communes and kinds they are on
 * call for »): an on-call user sees and acknowledges the alarms that a roster they appear in
 * covers, by commune and kind of asset, whether or not it is their week (they see what they
 * will inherit). Rosters are read live, so an admin's change applies to the next event. Every
 * other role is untouched: this narrows, on top of the commune scope, never widens it.
 */
export function onCallCovers(hub: Pick<HubContext, 'state' | 'rosters'>, user: SessionUser, commune: string, assetId: string | undefined): boolean {
  if (user.role !== 'oncall') return true;
  const kind = assetId === undefined ? undefined : hub.state.assets.get(assetId)?.asset.kind;
  return hub.rosters.rostersOf(user.username).some((roster) => rosterCovers(roster, commune, kind));
}

/** Whether a journal event about an alarm is in the user's on-call scope; other events always are. */
export function eventInOnCallScope(hub: Pick<HubContext, 'state' | 'rosters'>, user: SessionUser, event: JournalEvent): boolean {
  if (user.role !== 'oncall') return true;
  switch (event.type) {
    case 'alarm.raised':
    case 'alarm.updated':
      return onCallCovers(hub, user, event.alarm.commune, event.alarm.assetId);
    case 'alarm.suppressed':
      return onCallCovers(hub, user, event.commune, event.assetId);
    case 'alarm.notified':
      return onCallCovers(hub, user, event.notification.commune, hub.state.alarms.get(event.notification.alarmId)?.assetId);
    default:
      return true;
  }
}
