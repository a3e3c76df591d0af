import { z } from 'zod';
import type { ProgrammeRequest } from '../../../shared/domain/commands';
import { GateHours, HeatingProgramme, LightingSchedule } from '../../../shared/domain/schedules';
import type { Database } from '../store/db';
import type { ChangeSet } from '../store/change-set';

/** The programmes one asset runs, as the hub holds them. */
export interface AssetProgrammes {
  heating?: HeatingProgramme;
  override?: { celsius: number; untilMs: number };
  lighting?: LightingSchedule;
  gate?: GateHours;
}

type Kind = 'heating' | 'heating-override' | 'lighting' | 'gate';

const Row = z.object({ asset_id: z.string(), kind: z.string(), body: z.string(), until: z.string().nullable() });
const OverrideBody = z.object({ celsius: z.number() });

/**
 * Every asset's programmes, in memory for the runner and persisted in `programmes` through the
 * writer (so a change lands in the same transaction as the command that made it).
 */
export class ProgrammeBook {
  private readonly byAsset = new Map<string, AssetProgrammes>();

  static async load(db: Database, log: (line: string) => void = () => undefined): Promise<ProgrammeBook> {
    const book = new ProgrammeBook();
    for (const raw of await db.all('SELECT asset_id, kind, body, until FROM programmes')) {
      const row = Row.parse(raw);
      try {
        book.remember(row.asset_id, row.kind as Kind, JSON.parse(row.body), row.until);
      } catch (error) {
        // A programme the schemas no longer accept is left out, not fatal: the asset keeps its last setting.
        log(`programme « ${row.kind} » de ${row.asset_id} illisible, ignoré : ${(error as Error).message}`);
      }
    }
    return book;
  }

  get(assetId: string): AssetProgrammes | undefined {
    return this.byAsset.get(assetId);
  }

  entries(): IterableIterator<[string, AssetProgrammes]> {
    return this.byAsset.entries();
  }

  /** Records what a programme command sets (or removes, for a null programme). */
  apply(assetId: string, request: ProgrammeRequest, commandId: string, nowMs: number, changes: ChangeSet): void {
    const at = new Date(nowMs).toISOString();
    const save = (kind: Kind, body: unknown, untilMs?: number) => {
      const until = untilMs === undefined ? null : new Date(untilMs).toISOString();
      this.remember(assetId, kind, body, until);
      changes.write({
        sql: 'INSERT INTO programmes (asset_id, kind, body, until, command_id, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (asset_id, kind) DO UPDATE SET body = excluded.body, until = excluded.until, command_id = excluded.command_id, updated_at = excluded.updated_at',
        params: [assetId, kind, JSON.stringify(body), until, commandId, at],
      });
    };
    const remove = (kind: Kind) => {
      this.forget(assetId, kind);
      changes.write({ sql: 'DELETE FROM programmes WHERE asset_id = ? AND kind = ?', params: [assetId, kind] });
    };
    switch (request.type) {
      case 'heating.schedule':
        if (request.programme) save('heating', request.programme);
        else remove('heating');
        return;
      case 'heating.override':
        save('heating-override', { celsius: request.celsius }, nowMs + request.hours * 3_600_000);
        return;
      case 'lighting.schedule':
        if (request.schedule) save('lighting', request.schedule);
        else remove('lighting');
        return;
      case 'gate.hours':
        if (request.hours) save('gate', request.hours);
        else remove('gate');
        return;
    }
  }

  /** An override that ran out is forgotten (the programme has taken over again). */
  dropEndedOverride(assetId: string, nowMs: number, changes: ChangeSet): boolean {
    const programmes = this.byAsset.get(assetId);
    if (!programmes?.override || programmes.override.untilMs > nowMs) return false;
    this.forget(assetId, 'heating-override');
    changes.write({ sql: 'DELETE FROM programmes WHERE asset_id = ? AND kind = ?', params: [assetId, 'heating-override'] });
    return true;
  }

  private remember(assetId: string, kind: Kind, body: unknown, until: string | null): void {
    const programmes = this.byAsset.get(assetId) ?? {};
    switch (kind) {
      case 'heating':
        programmes.heating = HeatingProgramme.parse(body);
        break;
      case 'heating-override':
        programmes.override = { celsius: OverrideBody.parse(body).celsius, untilMs: Date.parse(until ?? '') };
        break;
      case 'lighting':
        programmes.lighting = LightingSchedule.parse(body);
        break;
      case 'gate':
        programmes.gate = GateHours.parse(body);
        break;
    }
    this.byAsset.set(assetId, programmes);
  }

  private forget(assetId: string, kind: Kind): void {
    const programmes = this.byAsset.get(assetId);
    if (!programmes) return;
    if (kind === 'heating') delete programmes.heating;
    if (kind === 'heating-override') delete programmes.override;
    if (kind === 'lighting') delete programmes.lighting;
    if (kind === 'gate') delete programmes.gate;
    if (Object.keys(programmes).length === 0) this.byAsset.delete(assetId);
  }
}
