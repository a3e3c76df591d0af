import { type Fields, ObservationList } from './fields';
import { milesightCodec } from './milesight-codec';
import { ATTRIBUTE_CHANNELS, type Channel, choiceChannel, numberChannel } from './milesight-tlv';

/**
 * Milesight EM310-UDL ultrasonic distance sensor, mounted under a waste container's lid.
 * Written from the vendor's EM310-UDL payload table (Milesight-IoT/SensorDecoders,
 * EM_Series/EM300_Series/EM310-UDL): distance in mm (uint16 LE), position normal/tilt.
 *
 * The fill level is not a property of the sensor: it needs the container's depth, so the rules
 * derive `fillPercent` from `distanceMm` and the asset's settings.
 */

const REPLY_CHANNELS: readonly Channel[] = [
  { ...numberChannel(0xff, 0x02, 'collection_interval', 'u16le'), write: undefined },
  { ...numberChannel(0xff, 0x03, 'report_interval', 'u16le'), write: undefined },
];

const CHANNELS: readonly Channel[] = [
  ...ATTRIBUTE_CHANNELS,
  numberChannel(0x01, 0x75, 'battery', 'u8'),
  numberChannel(0x03, 0x82, 'distance', 'u16le'),
  choiceChannel(0x04, 0x00, 'position', ['normal', 'tilt']),
  ...REPLY_CHANNELS,
];

function observe(fields: Fields) {
  return new ObservationList(fields)
    .number('batteryPercent', 'battery')
    .number('distanceMm', 'distance')
    .flag('tilted', 'position', 'tilt', ['normal']).items;
}

export const milesightEm310Udl = milesightCodec({
  model: 'milesight-em310-udl',
  description: 'Capteur de distance à ultrasons (remplissage de conteneur, inclinaison)',
  channels: CHANNELS,
  observe,
});
