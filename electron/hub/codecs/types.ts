import type { Observation } from '../../../shared/domain/metrics';
import type { CommandRequest } from '../../../shared/domain/commands';

/**
 * One device model's payload formats, written from the vendor's published specification.
 * Decoding yields every field the spec defines (`fields`) and our normalised metrics
 * (`observations`). A payload that does not fit throws a `PayloadError`.
 */
export interface DeviceCodec {
  /** Stable model id, e.g. `milesight-am307`; printed by `npm run decode -- --list`. */
  readonly model: string;
  readonly vendor: string;
  readonly description: string;
  /**
   * Smallest step of the heating setpoint this model's downlink carries, in °C: 1 for a model
   * that takes whole degrees only, 0.1 for tenths. Absent when the model takes no setpoint.
   * `encodeDownlink` refuses a setpoint off this step (`whyUnsupported` says why); the console
   * steps its setpoint input by it.
   */
  readonly setpointStepC?: number;
  /**
   * Dimming resolution in percent for a lighting controller that really dims. Absent when its
   * `lighting.dim` can only switch lines on and off (the WS558: 0 % off, anything else on).
   */
  readonly dimmingStepPercent?: number;
  decodeUplink(fPort: number, bytes: Uint8Array): DecodedUplink;
  /**
   * Normalises a payload the network server already decoded with the vendor's own codec
   * (ChirpStack `object`, TTS `decoded_payload`), whose field names follow the vendor's decoder.
   */
  normaliseObject?(object: Record<string, unknown>): DecodedUplink;
  /** Builds the downlink for a command, or returns undefined when the model cannot do it. */
  encodeDownlink?(command: CommandRequest): { fPort: number; bytes: Uint8Array } | undefined;
  /**
   * Why `encodeDownlink` returns undefined for this command, in French, for the operator
   * (e.g. a thermostat that only takes whole degrees). Undefined when the command is supported.
   */
  whyUnsupported?(command: CommandRequest): string | undefined;
  /**
   * Device side, used by the simulator and by tests: the uplink this model sends for these
   * field values. The inverse of `decodeUplink` for the fields the simulator plays.
   */
  encodeUplink?(fields: Record<string, unknown>): { fPort: number; bytes: Uint8Array };
  /** Device side: what the device does with a downlink (the simulator applies it). */
  decodeDownlink?(fPort: number, bytes: Uint8Array): Record<string, unknown>;
}

export interface DecodedUplink {
  /** Everything the vendor's spec defines for this frame, named as the spec names it. */
  fields: Record<string, unknown>;
  observations: Observation[];
}

/** A payload that does not fit its model: says which model, which port and which byte. */
export class PayloadError extends Error {
  constructor(
    readonly model: string,
    readonly fPort: number,
    readonly byteIndex: number,
    reason: string,
  ) {
    super(`${model}, port ${fPort}, octet ${byteIndex} : ${reason}`);
    this.name = 'PayloadError';
  }
}
