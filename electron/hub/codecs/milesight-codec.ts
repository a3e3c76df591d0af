import type { CommandRequest } from '../../../shared/domain/commands';
import type { Observation } from '../../../shared/domain/metrics';
import type { DecodedUplink, DeviceCodec } from './types';
import { type Fields } from './fields';
import { type Channel, MILESIGHT_FPORT, decodeChannels, encodeChannels } from './milesight-tlv';

/** What differs between two Milesight models: their channel table and what we observe. */
export interface MilesightModel {
  model: string;
  description: string;
  /** See `DeviceCodec.setpointStepC`. */
  setpointStepC?: number;
  channels: readonly Channel[];
  observe(fields: Fields): Observation[];
  encodeDownlink?(command: CommandRequest): { fPort: number; bytes: Uint8Array } | undefined;
  whyUnsupported?(command: CommandRequest): string | undefined;
  decodeDownlink?(fPort: number, bytes: Uint8Array): Record<string, unknown>;
}

/** Builds a `DeviceCodec` from a Milesight channel table (shared TLV walking and encoding). */
export function milesightCodec(spec: MilesightModel): DeviceCodec {
  const decoded = (fields: Fields): DecodedUplink => ({ fields, observations: spec.observe(fields) });
  const codec: DeviceCodec = {
    model: spec.model,
    vendor: 'Milesight',
    description: spec.description,
    // Only a model that takes setpoints carries a step (no `setpointStepC: undefined` key).
    ...(spec.setpointStepC === undefined ? {} : { setpointStepC: spec.setpointStepC }),
    decodeUplink: (fPort, bytes) => decoded(decodeChannels(spec.model, fPort, bytes, spec.channels)),
    normaliseObject: (object) => decoded(object),
    encodeUplink: (fields) => ({ fPort: MILESIGHT_FPORT, bytes: encodeChannels(spec.channels, fields) }),
  };
  if (spec.encodeDownlink) codec.encodeDownlink = spec.encodeDownlink;
  if (spec.whyUnsupported) codec.whyUnsupported = spec.whyUnsupported;
  if (spec.decodeDownlink) codec.decodeDownlink = spec.decodeDownlink;
  return codec;
}
