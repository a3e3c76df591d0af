import type { Fields } from './fields';
import { dingtekCodec } from './dingtek-bin';

/**
 * Dingtek DF702 ultrasonic waste-bin sensor (level, fire, tilt). Field names follow the vendor's
 * DF702 decoder (TheThingsNetwork/lorawan-devices, vendor/dingtek/df702.js), which also names the
 * parameter frame's thresholds; `frameCounter` and `firmware`, which that decoder skips, take the
 * DF703 decoder's names. The frame itself is shared with the DF703 (see `dingtek-bin.ts`).
 */
export const dingtekDf702 = dingtekCodec({
  model: 'dingtek-df702',
  description: 'Capteur de remplissage de conteneur à ultrasons (niveau, incendie, basculement)',
  names: {
    level: 'level',
    full: 'full',
    fire: 'fire',
    tilt: 'tilt',
    lowBattery: 'battery',
    parameters: [
      'periodic_interval',
      'detection_interval',
      'full_alarm_threshold',
      'fire_alarm_threshold',
      'tilt_alarm_threshold',
      'tilt_enable',
    ],
    // Byte 13: the ultrasonic range, 0 for the 2 m model, otherwise 5 m (in mm, as the vendor reports it).
    extraParameters: (frame): Fields => ({ ultrasonic_range: frame[13] === 0 ? 2000 : 5000 }),
  },
  downlinks: {
    options: {
      0x01: 'periodic_interval',
      0x02: 'full_alarm_threshold',
      0x03: 'fire_alarm_threshold',
      0x04: 'tilt_alarm_threshold',
      0x08: 'detection_interval',
    },
    switches: {
      0x07: { ultrasonic_range: 2000 },
      0x13: { ultrasonic_range: 5000 },
      0x09: { tilt_enable: false },
      0x0a: { tilt_enable: true },
    },
  },
});
