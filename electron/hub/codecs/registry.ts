import type { DeviceCodec } from './types';
import { draginoLt22222l } from './dragino-lt22222-l';
import { INDOOR_AND_METER_CODECS } from './group-indoor-meters';
import { WASTE_AND_IO_CODECS } from './group-waste-io';
import { mclimateVicki } from './mclimate-vicki';
import { milesightAm307 } from './milesight-am307';
import { milesightEm310Udl } from './milesight-em310-udl';
import { milesightWs558 } from './milesight-ws558';
import { milesightWt101 } from './milesight-wt101';
import { vmsCamera } from './vms-camera';

/** Every device model the hub can decode, by model id (the `model` of a device). */
const CODECS: ReadonlyMap<string, DeviceCodec> = new Map(
  [
    milesightAm307,
    milesightWt101,
    mclimateVicki,
    milesightEm310Udl,
    milesightWs558,
    draginoLt22222l,
    vmsCamera,
    ...INDOOR_AND_METER_CODECS,
    ...WASTE_AND_IO_CODECS,
  ].map((codec) => [
    codec.model,
    codec,
  ]),
);

export function getCodec(model: string): DeviceCodec | undefined {
  return CODECS.get(model);
}

export function listCodecs(): DeviceCodec[] {
  return [...CODECS.values()];
}
