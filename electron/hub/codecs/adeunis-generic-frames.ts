import type { ByteReader } from './bytes';
import { type AdeunisFrame, adeunisTimestamp, expectRemaining, reading } from './adeunis-frame';

/**
 * Frames several Adeunis products share, as the vendor's codec parses them for every product
 * that sends them (its `Generic0x…Parser`s): network configuration 0x20, digital input
 * configuration 0x1f, set-register reply 0x33, software version 0x37, digital input alarms
 * 0x51/0x52.
 */

/**
 * 0x20, LoRa layout (2 bytes). Products with a class C mode and a duty-cycle setting (all but
 * the older analog, dry-contact, pulse and temperature ones) also report those two bits.
 */
export function networkConfigurationFrame(withClassAndDutyCycle: boolean): AdeunisFrame {
  return {
    type: '0x20 Configuration',
    read(reader, out) {
      expectRemaining(reader, 2, 'configuration réseau LoRa');
      const flags = reader.u8();
      out.loraAdr = (flags & 0x01) !== 0;
      out.loraProvisioningMode = reader.u8() === 0 ? 'ABP' : 'OTAA';
      if (withClassAndDutyCycle) {
        out.loraDutycyle = flags & 0x04 ? 'activated' : 'deactivated';
        out.loraClassMode = flags & 0x20 ? 'CLASS C' : 'CLASS A';
      }
    },
  };
}

const INPUT_TYPES = ['deactivated', 'highEdge', 'lowEdge', 'bothEdges'];
/** The vendor's table, its 500 ms at code 3 included (codes 3 and 6 both read 500). */
const INPUT_DEBOUNCE_MS = [0, 10, 20, 500, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 40000, 60000, 300000, 600000];

function inputConfiguration(reader: ByteReader) {
  const settings = reader.u8();
  return {
    type: INPUT_TYPES[settings & 0x0f] ?? '',
    debouncingPeriod: reading('ms', INPUT_DEBOUNCE_MS[settings >> 4] ?? 0),
    threshold: reader.u16be(),
  };
}

export const DIGITAL_INPUT_CONFIGURATION: AdeunisFrame = {
  type: '0x1f digital input configuration',
  read(reader, out) {
    expectRemaining(reader, 6, 'configuration des entrées');
    out.digitalInput1 = inputConfiguration(reader);
    out.digitalInput2 = inputConfiguration(reader);
  },
};

const REQUEST_STATUS = [
  undefined,
  'success',
  'successNoUpdate',
  'errorCoherency',
  'errorInvalidRegister',
  'errorInvalidValue',
  'errorTruncatedValue',
  'errorAccesNotAllowed',
];

export const SET_REGISTER_STATUS: AdeunisFrame = {
  type: '0x33 Set register status',
  read(reader, out) {
    expectRemaining(reader, 3, 'réponse de registre');
    out.requestStatus = REQUEST_STATUS[reader.u8()] ?? 'errorOtherReason';
    out.registerId = reader.u16be();
  },
};

export const SOFTWARE_VERSION: AdeunisFrame = {
  type: '0x37 Software version',
  read(reader, out) {
    expectRemaining(reader, 6, 'versions logicielles');
    out.appVersion = Array.from(reader.take(3)).join('.');
    out.rtuVersion = Array.from(reader.take(3)).join('.');
  },
};

/** 0x51 / 0x52: an edge on digital input 1 or 2, with its counters (and a timestamp when bit 2 of the status is set). */
export function digitalInputAlarmFrame(input: 1 | 2): AdeunisFrame {
  return {
    type: `0x${(0x50 + input).toString(16)} digital input ${input} alarm`,
    read(reader, out, status) {
      const timestamped = (status & 0x04) !== 0;
      expectRemaining(reader, timestamped ? 11 : 7, `alarme d'entrée ${input}`);
      const state = reader.u8();
      const global = reader.u32be();
      const instantaneous = reader.u16be();
      if (timestamped) out.timestamp = adeunisTimestamp(reader.u32be());
      out.state = { previousFrame: ((state >> 1) & 1) === 1, current: (state & 1) === 1 };
      out.counter = { global, instantaneous };
    },
  };
}
