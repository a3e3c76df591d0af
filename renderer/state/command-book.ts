import type { Command } from '../../shared';

/** How many commands per asset the panel lists; older ones are history for another screen. */
const RECENT_PER_ASSET = 10;

/**
 * Commands the console knows, from the snapshot, `command.updated` events and `asset.commands` /
 * `command.send` replies. Events come in journal order and always win. A reply may be older than an
 * event that crossed it on the wire: it only wins if it went further through the lifecycle (a
 * command's history only grows). Timestamps are not compared: the hub may date a confirmation by
 * the device's uplink, earlier than the server time of the delivery before it.
 */
export class CommandBook {
  private readonly byId = new Map<string, Command>();
  private readonly byAssetCache = new Map<string, readonly Command[]>();

  replaceAll(commands: readonly Command[]): void {
    this.byId.clear();
    this.byAssetCache.clear();
    for (const command of commands) this.byId.set(command.id, command);
  }

  /** A `command.updated` event: the command as it now is. */
  apply(command: Command): void {
    this.byId.set(command.id, command);
    this.byAssetCache.delete(command.assetId);
  }

  /** A command carried by a reply; returns whether it told anything new. */
  mergeReply(command: Command): boolean {
    const known = this.byId.get(command.id);
    if (known && known.history.length >= command.history.length) return false;
    this.apply(command);
    return true;
  }

  get(id: string): Command | undefined {
    return this.byId.get(id);
  }

  /** The asset's commands, newest first (stable identity until one of them changes). */
  forAsset(assetId: string): readonly Command[] {
    let list = this.byAssetCache.get(assetId);
    if (!list) {
      list = [...this.byId.values()]
        .filter((c) => c.assetId === assetId)
        .sort((a, b) => (a.requestedAt < b.requestedAt ? 1 : a.requestedAt > b.requestedAt ? -1 : 0))
        .slice(0, RECENT_PER_ASSET);
      this.byAssetCache.set(assetId, list);
    }
    return list;
  }
}
