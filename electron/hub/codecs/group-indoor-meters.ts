import type { DeviceCodec } from './types';
import { adeunisComfortCo2 } from './adeunis-comfort-co2';
import { adeunisPulse } from './adeunis-pulse';
import { adeunisTicCbeLinkyMono } from './adeunis-tic-cbe-linky-mono';
import { elsysErsCo2 } from './elsys-ers-co2';
import { milesightAm107 } from './milesight-am107';
import { milesightAm319 } from './milesight-am319';
import { milesightEm300Di } from './milesight-em300-di';

/** Indoor air sensors and meters of issue 7 (Elsys, Milesight AM1xx/AM319/EM300-DI, Adeunis). */
export const INDOOR_AND_METER_CODECS: readonly DeviceCodec[] = [
  elsysErsCo2,
  milesightAm107,
  milesightAm319,
  adeunisComfortCo2,
  milesightEm300Di,
  adeunisTicCbeLinkyMono,
  adeunisPulse,
];
