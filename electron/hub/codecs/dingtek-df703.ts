import type { Fields } from './fields';
import { dingtekCodec } from './dingtek-bin';

/**
 * Dingtek DF703 ultrasonic waste-bin sensor (level, fire, fall, GPS option). Field names follow
 * the vendor's DF703 decoder (cndingtek/Chirpstack_codec Chirpstack_DF703_script_V1.0.js, the
 * same in TheThingsNetwork/lorawan-devices vendor/dingtek/df703.js). The frame is shared with the
 * DF702 (see `dingtek-bin.ts`).
 */
export const dingtekDf703 = dingtekCodec({
  model: 'dingtek-df703',
  description: 'Capteur de remplissage de conteneur à ultrasons (niveau, incendie, chute, GPS en option)',
  names: {
    level: 'level',
    full: 'alarmLevel',
    fire: 'alarmFire',
    tilt: 'alarmFall',
    lowBattery: 'alarmBattery',
    parameters: ['uploadInterval', 'detectInterval', 'levelThreshold', 'fireThreshold', 'fallThreshold', 'fallEnable'],
    // Byte 14: the work mode (0, 1 or 2; set by option 09 values 05, 06, 0E).
    extraParameters: (frame): Fields => ({ workMode: frame[14] ?? 0 }),
  },
  downlinks: {
    options: {
      0x01: 'uploadInterval',
      0x02: 'levelThreshold',
      0x03: 'fireThreshold',
      0x04: 'fallThreshold',
      0x08: 'detectInterval',
    },
    switches: {
      0x00: { gpsEnable: false },
      0x01: { gpsEnable: true },
      0x03: { activeMode: 'ABP' },
      0x04: { activeMode: 'OTAA' },
      0x05: { workMode: 0 },
      0x06: { workMode: 1 },
      0x0e: { workMode: 2 },
      0x09: { fallEnable: false },
      0x0a: { fallEnable: true },
    },
  },
});
