import { type Fields } from './fields';
import { AM300_CHANNELS, BUZZER_CHANNEL, historyChannel, observeAm300 } from './milesight-am300-family';
import { milesightCodec } from './milesight-codec';
import type { Channel } from './milesight-tlv';

/**
 * Milesight AM307 indoor ambience sensor (temperature, humidity, PIR, light, CO₂, TVOC, pressure).
 * Written from the vendor's "AM300 v2" payload table (Milesight-IoT/SensorDecoders,
 * AM_Series/AM300_v2): little-endian integers, temperature ÷10, humidity ÷2, pressure ÷10.
 */

const CHANNELS: readonly Channel[] = [...AM300_CHANNELS, BUZZER_CHANNEL, historyChannel(0x20, 100), historyChannel(0x21, 1)];

function observe(fields: Fields) {
  return observeAm300(fields).items;
}

export const milesightAm307 = milesightCodec({
  model: 'milesight-am307',
  description: "Capteur d'ambiance intérieure 7-en-1 (température, humidité, présence, lumière, CO₂, COV, pression)",
  channels: CHANNELS,
  observe,
});
