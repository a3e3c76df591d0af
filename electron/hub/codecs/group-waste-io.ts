import type { DeviceCodec } from './types';

/** Waste fill-level sensors and relay / I/O controllers of issue 7 (Dingtek, Dragino, Netvox, Milesight UC300). */
export const WASTE_AND_IO_CODECS: readonly DeviceCodec[] = [];
