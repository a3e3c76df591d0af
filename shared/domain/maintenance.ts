import { z } from 'zod';
import { InseeCode } from './assets';

/** What a maintenance window covers: one asset, or every asset of a commune. */
export const MaintenanceTarget = z.union([
  z.object({ assetId: z.string().min(1).max(64) }).strict(),
  z.object({ commune: InseeCode }).strict(),
]);
export type MaintenanceTarget = z.infer<typeof MaintenanceTarget>;

/**
 * A period during which the targeted assets raise no alarm (what they would have raised is
 * journaled as suppressed) and show as `maintenance` on the map.
 */
export const MaintenanceWindow = z.object({
  id: z.string(),
  target: MaintenanceTarget,
  /** The commune that scopes it: the asset's, or the targeted commune. */
  commune: InseeCode,
  fromAt: z.string(),
  toAt: z.string(),
  reason: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** Set when someone deleted it (before or during the window). */
  deletedBy: z.string().optional(),
  deletedAt: z.string().optional(),
});
export type MaintenanceWindow = z.infer<typeof MaintenanceWindow>;
