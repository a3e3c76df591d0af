import { z } from 'zod';

/**
 * What a thing on the map is. Street lamps hang off a lighting cabinet (their feeder). A `gateway`
 * is a LoRaWAN gateway the hub learnt from the network's uplink metadata: technical data, shown
 * to admins and operators only (see `isTechnicalKind`).
 */
export const AssetKind = z.enum([
  'lighting-cabinet',
  'street-lamp',
  'waste-container',
  'building',
  'camera',
  'gate',
  'gateway',
]);
export type AssetKind = z.infer<typeof AssetKind>;
export const ASSET_KINDS = AssetKind.options;

/** Kinds only the command post sees (the radio network), like device identifiers. */
export function isTechnicalKind(kind: AssetKind): boolean {
  return kind === 'gateway';
}

/** Finer category inside a kind, used for icons, labels and which commands apply. */
export const BuildingCategory = z.enum(['school', 'town-hall', 'gym', 'library', 'nursery', 'other']);
export type BuildingCategory = z.infer<typeof BuildingCategory>;
export const BUILDING_CATEGORIES = BuildingCategory.options;

/** A building category as one byte (snapshot frame, console buffers): 0 none, else 1 + its index. */
export function buildingCategoryCode(category: BuildingCategory | undefined): number {
  return category ? BUILDING_CATEGORIES.indexOf(category) + 1 : 0;
}

/** The category a `buildingCategoryCode` stands for (undefined for 0 or an unknown code). */
export function buildingCategoryOf(code: number): BuildingCategory | undefined {
  return code === 0 ? undefined : BUILDING_CATEGORIES[code - 1];
}

/** Status drawn on the map, worst first when several apply (see `worstStatus`). */
export const AssetStatus = z.enum(['ok', 'warning', 'alarm', 'stale', 'offline', 'maintenance']);
export type AssetStatus = z.infer<typeof AssetStatus>;
export const ASSET_STATUSES = AssetStatus.options;

const STATUS_SEVERITY: Record<AssetStatus, number> = {
  ok: 0,
  maintenance: 1,
  warning: 2,
  stale: 3,
  offline: 4,
  alarm: 5,
};

/** The more severe of two statuses: an alarm outranks a silent device, which outranks a warning. */
export function worstStatus(a: AssetStatus, b: AssetStatus): AssetStatus {
  return STATUS_SEVERITY[a] >= STATUS_SEVERITY[b] ? a : b;
}

/** INSEE code of a commune: 5 characters, Corsica uses 2A/2B. */
export const InseeCode = z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'code INSEE attendu');
export type InseeCode = z.infer<typeof InseeCode>;

export const DevEui = z.string().regex(/^[0-9a-f]{16}$/, 'DevEUI: 16 chiffres hexadécimaux en minuscules');
export type DevEui = z.infer<typeof DevEui>;

/** A radio or IP endpoint that reports for an asset; `model` is a codec model id. */
export const DeviceRef = z.object({ devEui: DevEui, model: z.string() });
export type DeviceRef = z.infer<typeof DeviceRef>;

/** A device as its asset lists it: when it last joined the network (OTAA join or rejoin), if ever. */
export const AssetDevice = DeviceRef.extend({ lastJoinAt: z.string().optional() });
export type AssetDevice = z.infer<typeof AssetDevice>;

/** Latest value of each metric (see `metrics.ts` for units); keyed by metric id. */
export const MetricValues = z.record(z.string(), z.union([z.number(), z.boolean(), z.string()]));
export type MetricValues = z.infer<typeof MetricValues>;

/**
 * A command an asset accepts, with the limits the hub enforces, so that the console's form offers
 * exactly what will be accepted (bounds of the building, resolution of its thermostat).
 */
export const AcceptedCommand = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heating.setpoint'), minC: z.number(), maxC: z.number(), stepC: z.number().positive() }),
  z.object({ type: z.literal('gate.set') }),
  /** `dimmable` false: the controller only switches its lines on and off (0 % or 100 %). */
  z.object({ type: z.literal('lighting.dim'), dimmable: z.boolean() }),
  // Programmes the hub runs for the asset, turned into the device commands above.
  z.object({ type: z.literal('heating.schedule') }),
  z.object({ type: z.literal('heating.override') }),
  z.object({ type: z.literal('lighting.schedule') }),
  z.object({ type: z.literal('gate.hours') }),
]);
export type AcceptedCommand = z.infer<typeof AcceptedCommand>;

/** What the hub last asked of an asset's device, by a person or by a programme (issue 5). */
export const DesiredState = z.object({
  setpointC: z.number().optional(),
  gateOpen: z.boolean().optional(),
  dimPercent: z.number().optional(),
  source: z.enum(['programme', 'command']),
  since: z.string(),
});
export type DesiredState = z.infer<typeof DesiredState>;

/** The device reports something else than what it was asked, for longer than it takes to answer. */
export const Drift = z.object({
  since: z.string(),
  /** In French: « consigne relevée 17 °C, attendue 19 °C ». */
  message: z.string(),
});
export type Drift = z.infer<typeof Drift>;

export const Asset = z.object({
  id: z.string().min(1).max(64),
  kind: AssetKind,
  /** Sub-kind for buildings (school, town hall…); absent elsewhere. */
  category: BuildingCategory.optional(),
  name: z.string(),
  commune: InseeCode,
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  status: AssetStatus,
  metrics: MetricValues,
  updatedAt: z.string(),
  /** Feeder cabinet of a street lamp. */
  parentId: z.string().optional(),
  /** Only sent to admins and operators. */
  devices: z.array(AssetDevice).optional(),
  /** Commands its devices can carry; absent when none. */
  accepts: z.array(AcceptedCommand).optional(),
  desired: DesiredState.optional(),
  drift: Drift.optional(),
});
export type Asset = z.infer<typeof Asset>;
