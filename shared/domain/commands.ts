import { z } from 'zod';

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
export const CommandRequest = z.discriminatedUnion('type', [HeatingSetpoint, GateSet, LightingDim]);
export type CommandRequest = z.infer<typeof CommandRequest>;
export type CommandType = CommandRequest['type'];
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
