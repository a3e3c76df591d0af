import { isTechnicalAlarm, type Alarm } from '../../../shared/domain/alarms';
import { isTechnicalKind, type AssetKind } from '../../../shared/domain/assets';
import { seesDevices, type SessionUser } from '../../../shared/domain/users';
import type { MaintenanceWindow } from '../../../shared/domain/maintenance';
import type { JournalEvent } from '../../../shared/protocol/messages';

/**
 * What a user may see: their communes (none = the whole territory), narrowed to some sites (asset
 * ids) when an admin gave them sites. Every read and every op on an asset goes through `sees`.
 */
export interface Scope {
  /**
   * Users with the same key see exactly the same things, devices included: the broadcaster
   * serialises one frame per key, not per console.
   */
  readonly key: string;
  /** Whether an asset (or an alarm, command… of it) of `commune` is visible. */
  sees(commune: string, assetId: string | undefined): boolean;
  /** Whether the whole commune is in scope (a commune-wide action, e.g. a maintenance window). */
  coversCommune(commune: string): boolean;
  /** `sees`, and the radio network (gateways) only for the command post. */
  seesAsset(asset: { id: string; commune: string; kind: AssetKind }): boolean;
  /** As its asset: a silent gateway's alarm is technical too. */
  seesAlarm(alarm: Pick<Alarm, 'commune' | 'assetId' | 'condition'>): boolean;
  /** Whether a journal event reaches this user (asset and alarm events as above, others by commune and asset). */
  seesEvent(event: JournalEvent, commune: string): boolean;
}

const scopes = new WeakMap<SessionUser, Scope>();

/** The user's scope; built once per signed-in user object (sets, not arrays, on the hot path). */
export function scopeOf(user: SessionUser): Scope {
  let scope = scopes.get(user);
  if (!scope) {
    scope = buildScope(user);
    scopes.set(user, scope);
  }
  return scope;
}

function buildScope(user: SessionUser): Scope {
  const communes = user.communes.length > 0 ? new Set(user.communes) : undefined;
  const sites = user.sites && user.sites.length > 0 ? new Set(user.sites) : undefined;
  const inCommunes = (commune: string) => communes === undefined || communes.has(commune);
  const key = [
    seesDevices(user.role) ? 'devices' : 'plain',
    communes ? [...communes].sort().join(',') : '*',
    sites ? [...sites].sort().join(',') : '*',
  ].join('|');
  const technical = seesDevices(user.role);
  // A thing of no particular asset (a commune-wide window) shows wherever its commune does.
  const sees = (commune: string, assetId: string | undefined) => inCommunes(commune) && (sites === undefined || assetId === undefined || sites.has(assetId));
  const seesAsset = (asset: { id: string; commune: string; kind: AssetKind }) => sees(asset.commune, asset.id) && (technical || !isTechnicalKind(asset.kind));
  const seesAlarm = (alarm: Pick<Alarm, 'commune' | 'assetId' | 'condition'>) => sees(alarm.commune, alarm.assetId) && (technical || !isTechnicalAlarm(alarm));
  return {
    key,
    sees,
    coversCommune: (commune) => inCommunes(commune) && sites === undefined,
    seesAsset,
    seesAlarm,
    seesEvent(event, commune) {
      if (event.type === 'asset.updated') return seesAsset(event.asset);
      if (event.type === 'alarm.raised' || event.type === 'alarm.updated') return seesAlarm(event.alarm);
      // Alarm settings are the command post's, whatever communes it covers.
      if (event.type === 'threshold.updated') return technical;
      return sees(commune, eventAssetId(event));
    },
  };
}

/** The asset a journal event is about, or undefined for a commune-wide one. */
export function eventAssetId(event: JournalEvent): string | undefined {
  switch (event.type) {
    case 'asset.updated':
      return event.asset.id;
    case 'alarm.raised':
    case 'alarm.updated':
      return event.alarm.assetId;
    case 'command.updated':
      return event.command.assetId;
    case 'maintenance.updated':
      return windowAssetId(event.window);
    case 'alarm.suppressed':
      return event.assetId;
  }
}

/** The asset a maintenance window covers, or undefined for a commune-wide one. */
export function windowAssetId(window: MaintenanceWindow): string | undefined {
  return 'assetId' in window.target ? window.target.assetId : undefined;
}
