import type { DeviceCodec } from './types';
import { dingtekDf702 } from './dingtek-df702';
import { dingtekDf703 } from './dingtek-df703';
import { draginoLdds75 } from './dragino-ldds75';
import { milesightUc300 } from './milesight-uc300';
import { netvoxR831c } from './netvox-r831c';

/** Waste fill-level sensors and relay / I/O controllers of issue 7 (Dingtek, Dragino, Netvox, Milesight UC300). */
export const WASTE_AND_IO_CODECS: readonly DeviceCodec[] = [
  dingtekDf702,
  dingtekDf703,
  draginoLdds75,
  netvoxR831c,
  milesightUc300,
];
