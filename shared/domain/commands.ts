import { z } from 'zod';
import { GateHours, HeatingProgramme, LightingSchedule } from './schedules';

/** What an operator or an elected official asks of a device; `type` selects the parameters. */
export const HeatingSetpoint = z.object({
  type: z.literal('heating.setpoint'),
  celsius: z.number().finite(),
});
export const GateSet = z.object({
  type: z.literal('gate.set'),
  position: z.enum(['open', 'closed']),
});
export const LightingDim = z.object({
  type: z.literal('lighting.dim'),
  percent: z.number().int().min(0).max(100),
});
/** Commands a device carries: encoded into a downlink by its codec, confirmed by read-back. */
export const DeviceCommandRequest = z.discriminatedUnion('type', [HeatingSetpoint, GateSet, LightingDim]);
export type DeviceCommandRequest = z.infer<typeof DeviceCommandRequest>;

/**
 * Programmes the hub holds and runs for the asset: each change of the programme becomes a device
 * command (requested by « programme »). A `null` programme removes it; the device keeps its last
 * setting.
 */
export const HeatingSchedule = z.object({ type: z.literal('heating.schedule'), programme: HeatingProgramme.nullable() });
/** A setpoint for a few hours, after which the weekly programme takes over again. */
export const HeatingOverride = z.object({
  type: z.literal('heating.override'),
  celsius: z.number().finite(),
  hours: z.number().min(0.5, 'une demi-heure au moins').max(72, '72 heures au plus'),
});
export const LightingScheduleCommand = z.object({ type: z.literal('lighting.schedule'), schedule: LightingSchedule.nullable() });
export const GateHoursCommand = z.object({ type: z.literal('gate.hours'), hours: GateHours.nullable() });
export const ProgrammeRequest = z.discriminatedUnion('type', [HeatingSchedule, HeatingOverride, LightingScheduleCommand, GateHoursCommand]);
export type ProgrammeRequest = z.infer<typeof ProgrammeRequest>;

export const CommandRequest = z.discriminatedUnion('type', [HeatingSetpoint, GateSet, LightingDim, HeatingSchedule, HeatingOverride, LightingScheduleCommand, GateHoursCommand]);
export type CommandRequest = z.infer<typeof CommandRequest>;
export type CommandType = CommandRequest['type'];
export type ProgrammeType = ProgrammeRequest['type'];

export function isProgrammeRequest(request: CommandRequest): request is ProgrammeRequest {
  return ProgrammeRequest.options.some((option) => option.shape.type.value === request.type);
}
/** The command types as a schema of their own, for grants and settings that name a type. */
export const CommandTypeName = z.enum(CommandRequest.options.map((option) => option.shape.type.value) as [CommandType, ...CommandType[]]);

/**
 * Lifecycle of a command to a class A LoRaWAN device: queued at the network server, sent in a
 * receive window after the device's next uplink, delivered when the device acknowledges, confirmed
 * when it reports the new value (read-back). The last three are final.
 */
export const CommandState = z.enum([
  'requested',
  'queued',
  'sent',
  'delivered',
  'confirmed',
  'failed',
  'expired',
  'cancelled',
]);
export type CommandState = z.infer<typeof CommandState>;

export function isCommandFinal(state: CommandState): boolean {
  return state === 'confirmed' || state === 'failed' || state === 'expired' || state === 'cancelled';
}

export const CommandTransition = z.object({ state: CommandState, at: z.string() });

export const Command = z.object({
  id: z.string(),
  assetId: z.string(),
  commune: z.string(),
  type: z.string(),
  params: z.record(z.string(), z.unknown()),
  state: CommandState,
  requestedBy: z.string(),
  requestedAt: z.string(),
  updatedAt: z.string(),
  /** Why, in French, when failed, expired or cancelled. */
  detail: z.string().optional(),
  /** Every state reached, in order, to show the time spent in each. */
  history: z.array(CommandTransition),
  /** When a class A device is expected to listen next (from its observed uplink period). */
  nextListenAt: z.string().optional(),
});
export type Command = z.infer<typeof Command>;

/** Bounds of the heating setpoint when a building sets none (hub-contract: 16–22 °C). */
export const DEFAULT_SETPOINT_BOUNDS_C = { min: 16, max: 22 } as const;
