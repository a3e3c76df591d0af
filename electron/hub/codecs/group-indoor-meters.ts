import type { DeviceCodec } from './types';

/** Indoor air sensors and meters of issue 7 (Elsys, Milesight AM1xx/AM319/EM300-DI, Adeunis). */
export const INDOOR_AND_METER_CODECS: readonly DeviceCodec[] = [];
