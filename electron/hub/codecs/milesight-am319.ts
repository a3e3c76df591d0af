import type { ByteReader } from './bytes';
import { type Fields, roundTo } from './fields';
import { AM300_CHANNELS, BUZZER_CHANNEL, historyChannel, observeAm300 } from './milesight-am300-family';
import { milesightCodec } from './milesight-codec';
import { type Channel, numberChannel } from './milesight-tlv';

/**
 * Milesight AM319 indoor ambience sensor, 9-in-1: the AM307's readings plus PM2.5, PM10 and,
 * depending on the variant, formaldehyde (HCHO, mg/m³) or ozone (O₃, ppm). Written from the
 * vendor's "AM300 v2" table and its AM319 HCHO and O3 decoders (Milesight-IoT/SensorDecoders,
 * AM_Series/AM300_v2): little-endian integers, temperature ÷10, humidity ÷2, pressure ÷10,
 * HCHO and O₃ ÷100, TVOC ÷100 as an IAQ index (type 0x7D) or µg/m³ (type 0xE6).
 */

/**
 * Its 22-byte stored record ends with PM2.5, PM10 and HCHO on the HCHO variant or O₃ on the O3
 * variant, both ÷100; the frame does not say which, so the record names them `hcho`, as the HCHO
 * variant's decoder does.
 */
const recordExtra = (reader: ByteReader): Fields => ({
  pm2_5: reader.u16le(),
  pm10: reader.u16le(),
  hcho: roundTo(reader.u16le() / 100, 6),
});

const CHANNELS: readonly Channel[] = [
  ...AM300_CHANNELS,
  numberChannel(0x0a, 0x7d, 'hcho', 'u16le', 100),
  numberChannel(0x0b, 0x7d, 'pm2_5', 'u16le'),
  numberChannel(0x0c, 0x7d, 'pm10', 'u16le'),
  numberChannel(0x0d, 0x7d, 'o3', 'u16le', 100),
  BUZZER_CHANNEL,
  historyChannel(0x20, 100, recordExtra),
  historyChannel(0x21, 1, recordExtra),
];

// Note: `hcho` (mg/m³) and `o3` (ppm) have no metric in our catalogue: they stay in `fields`.
function observe(fields: Fields) {
  return observeAm300(fields, (list) => list.number('pm25UgM3', 'pm2_5').number('pm10UgM3', 'pm10')).items;
}

export const milesightAm319 = milesightCodec({
  model: 'milesight-am319',
  description: "Capteur d'ambiance intérieure 9-en-1 (température, humidité, présence, lumière, CO₂, COV, pression, particules, HCHO ou O₃)",
  channels: CHANNELS,
  observe,
});
