import { bytesToHex, hexToBytes } from '../../../electron/hub/codecs/bytes';
import { getCodec } from '../../../electron/hub/codecs/registry';
import { type DeviceCodec, PayloadError } from '../../../electron/hub/codecs/types';

/** The registered codec for a model id (fails the test loudly if the registry lost it). */
export function codecFor(model: string): DeviceCodec {
  const codec = getCodec(model);
  if (!codec) throw new Error(`no codec registered for ${model}`);
  return codec;
}

export { bytesToHex, hexToBytes };

/** Runs `decode` and returns the PayloadError it throws, or fails. */
export function payloadErrorOf(run: () => unknown): PayloadError {
  try {
    run();
  } catch (error) {
    if (error instanceof PayloadError) return error;
    throw error;
  }
  throw new Error('expected a PayloadError, nothing was thrown');
}
