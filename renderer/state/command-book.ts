import type { Command } from '../../shared';

/** How many commands per asset the panel lists; older ones are history for another screen. */
const RECENT_PER_ASSET = 10;

function isNewer(candidate: Command, known: Command): boolean {
  if (candidate.updatedAt !== known.updatedAt) return candidate.updatedAt > known.updatedAt;
  return candidate.history.length > known.history.length;
}

/**
 * Commands the console knows, from the snapshot, `command.updated` events and `asset.commands`
 * replies. A reply may be older than an event that crossed it on the wire, so the later state wins.
 */
export class CommandBook {
  private readonly byId = new Map<string, Command>();
  private readonly byAssetCache = new Map<string, readonly Command[]>();

  replaceAll(commands: readonly Command[]): void {
    this.byId.clear();
    this.byAssetCache.clear();
    for (const command of commands) this.byId.set(command.id, command);
  }

  /** Keeps the most advanced state of each command; returns whether anything changed. */
  merge(command: Command): boolean {
    const known = this.byId.get(command.id);
    if (known && !isNewer(command, known)) return false;
    this.byId.set(command.id, command);
    this.byAssetCache.delete(command.assetId);
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
