import type { Alarm } from '../../../shared/domain/alarms';
import type { Command } from '../../../shared/domain/commands';
import type { LogbookLink } from '../../../shared/domain/logbook';
import { canSeeCommune, type SessionUser } from '../../../shared/domain/users';
import { scopeOf } from '../auth/scope';
import type { HubContext } from '../api/context';
import { HubError } from '../errors';
import { alarmFromRow, commandFromRow } from '../state/territory-state';

/** What an entry asks to be linked to. */
export interface LinkRequest {
  alarmIds?: readonly string[];
  commandIds?: readonly string[];
  assetIds?: readonly string[];
}

/**
 * The entry's links, each checked: it exists and is in the user's scope. A foreign id answers
 * exactly like an unknown one (`not-found`), so nobody learns what exists outside their scope.
 * Alarms and commands that left the hub's working set (closed, final) are read from the disk.
 */
export async function resolveLinks(hub: HubContext, user: SessionUser, request: LinkRequest): Promise<{ links: LogbookLink[]; communes: Set<string> }> {
  const links: LogbookLink[] = [];
  const communes = new Set<string>();
  for (const id of unique(request.alarmIds)) {
    const alarm = hub.state.alarms.get(id) ?? (await alarmOnDisk(hub, id));
    if (!alarm || !scopeOf(user).sees(alarm.commune, alarm.assetId)) throw new HubError('not-found', `Alarme ${id} introuvable ou hors de votre périmètre.`);
    links.push(hub.logbook.alarmLink(alarm));
    communes.add(alarm.commune);
  }
  for (const id of unique(request.commandIds)) {
    const command = hub.state.commands.get(id)?.command ?? (await commandOnDisk(hub, id));
    if (!command || !scopeOf(user).sees(command.commune, command.assetId)) throw new HubError('not-found', `Commande ${id} introuvable ou hors de votre périmètre.`);
    links.push(hub.logbook.commandLink(command));
    communes.add(command.commune);
  }
  for (const id of unique(request.assetIds)) {
    const asset = hub.state.assets.get(id)?.asset;
    if (!asset || !scopeOf(user).sees(asset.commune, asset.id)) throw new HubError('not-found', `Équipement ${id} introuvable ou hors de votre périmètre.`);
    links.push(hub.logbook.assetLink(id));
    communes.add(asset.commune);
  }
  return { links, communes };
}

function unique(ids: readonly string[] | undefined): string[] {
  return [...new Set(ids ?? [])];
}

async function alarmOnDisk(hub: HubContext, id: string): Promise<Alarm | undefined> {
  const row = await hub.db.get('SELECT * FROM alarms WHERE id = ?', [id]);
  return row ? alarmFromRow(row) : undefined;
}

async function commandOnDisk(hub: HubContext, id: string): Promise<Command | undefined> {
  const row = await hub.db.get('SELECT * FROM commands WHERE id = ?', [id]);
  return row ? commandFromRow(row).command : undefined;
}

/**
 * The commune an entry belongs to: the one given, else the one its links share. A scoped user's
 * entry must land in one of their communes, or they could not read back what they wrote.
 */
export function entryCommune(user: SessionUser, given: string | undefined, linked: ReadonlySet<string>, knownCommunes: ReadonlySet<string>): string | undefined {
  if (given !== undefined) {
    if (!knownCommunes.has(given) || !canSeeCommune(user, given)) throw new HubError('not-found', `Commune ${given} introuvable ou hors de votre périmètre.`);
    return given;
  }
  if (linked.size === 1) return [...linked][0];
  if (user.communes.length === 0) return undefined;
  if (user.communes.length === 1) return user.communes[0];
  throw new HubError('invalid', 'Précisez la commune de cette note : elle concerne plusieurs communes de votre périmètre.');
}
