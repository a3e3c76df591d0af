import { describe, expect, it } from 'vitest';
import { bytesToHex, codecFor, hexToBytes, payloadErrorOf } from './vectors';

const lt = codecFor('dragino-lt22222-l');
const decode = (hex: string, fPort = 2) => lt.decodeUplink(fPort, hexToBytes(hex));

// MOD 1 frame: AVI1 AVI2 ACI1 ACI2 (int16 BE, ÷1000) · DIDORO · status · MOD (hardware 01, mode 1).
const GATE_OPEN_MOTOR_ON = '2EE0 0000 0FA0 4E20 88 00 41';
const GATE_CLOSED_IDLE = '0000 0000 0000 0000 00 00 41';

describe('dragino-lt22222-l uplinks (LT-22222-L manual, vendor decoder v1.6)', () => {
  it.each([
    [
      'MOD 1 with the gate open and the motor relay closed',
      GATE_OPEN_MOTOR_ON,
      {
        Hardware_mode: 'LT22222', Work_mode: '2ACI+2AVI', AVI1_V: 12, AVI2_V: 0, ACI1_mA: 4, ACI2_mA: 20,
        DI1_status: 'H', DI2_status: 'L', DO1_status: 'H', DO2_status: 'H', RO1_status: 'ON', RO2_status: 'OFF',
      },
    ],
    [
      'MOD 1 with the gate closed',
      GATE_CLOSED_IDLE,
      {
        Hardware_mode: 'LT22222', Work_mode: '2ACI+2AVI', AVI1_V: 0, AVI2_V: 0, ACI1_mA: 0, ACI2_mA: 0,
        DI1_status: 'L', DI2_status: 'L', DO1_status: 'H', DO2_status: 'H', RO1_status: 'OFF', RO2_status: 'OFF',
      },
    ],
    [
      'MOD 2 (two counters), first frame after join, DO1 driven low',
      '0000000A 00000005 21 00 42',
      {
        Hardware_mode: 'LT22222', Work_mode: 'Count mode 1', Count1_times: 10, Count2_times: 5, First_status: 'Yes',
        DO1_status: 'L', DO2_status: 'H', RO1_status: 'OFF', RO2_status: 'OFF',
      },
    ],
  ])('decodes %s', (_name, hex, fields) => {
    expect(decode(hex).fields).toEqual(fields);
  });

  it('decodes the status frame on port 5', () => {
    expect(decode('01 FF 01 60 000258', 5).fields).toEqual({
      FIRMWARE_VERSION: '1.6.0', FREQUENCY_BAND: 'EU868', SUB_BAND: 'NULL', TDC_sec: 600,
    });
  });

  it.each([
    [GATE_OPEN_MOTOR_ON, true, true],
    [GATE_CLOSED_IDLE, false, false],
    ['0000 0000 0000 0000 08 00 41', true, false],
  ])('%s observes gateOpen=%s motorOn=%s', (hex, gateOpen, motorOn) => {
    expect(decode(hex).observations).toEqual([
      { metric: 'gateOpen', value: gateOpen },
      { metric: 'motorOn', value: motorOn },
    ]);
  });

  it.each([
    ['a frame of 10 bytes', '0000 0000 0000 0000 00 00', 10, 2],
    ['a frame of 12 bytes', '0000 0000 0000 0000 00 00 41 00', 11, 2],
    ['an unknown work mode', '0000 0000 0000 0000 00 00 47', 10, 2],
    ['a frame on an unexpected port', GATE_CLOSED_IDLE, 0, 3],
    ['an unknown frequency band', '10 FF 01 60 000258', 0, 5],
  ])('refuses %s, naming the byte', (_name, hex, byteIndex, fPort) => {
    const error = payloadErrorOf(() => decode(hex, fPort));
    expect([error.byteIndex, error.fPort]).toEqual([byteIndex, fPort]);
  });

  it('round-trips the gate state the simulator plays', () => {
    const fields = { DI1_status: 'H', RO1_status: 'ON', AVI1_V: 11.984, ACI1_mA: 4.002 };
    const { fPort, bytes } = lt.encodeUplink!(fields);
    expect(fPort).toBe(2);
    expect(lt.decodeUplink(fPort, bytes).fields).toMatchObject(fields);
    expect(bytesToHex(lt.encodeUplink!(decode(GATE_OPEN_MOTOR_ON).fields).bytes)).toBe(GATE_OPEN_MOTOR_ON.replace(/ /g, '').toLowerCase());
  });

  it('normalises a ChirpStack object like the bytes', () => {
    const frame = decode(GATE_OPEN_MOTOR_ON);
    expect(lt.normaliseObject!({ ...frame.fields })).toEqual(frame);
  });
});

describe('dragino-lt22222-l gate command', () => {
  it.each([
    ['open', '030111'],
    ['closed', '030011'],
  ] as const)('gate.set %s closes or opens RO1 only: %s', (position, hex) => {
    const downlink = lt.encodeDownlink!({ type: 'gate.set', position });
    expect(downlink && { fPort: downlink.fPort, hex: bytesToHex(downlink.bytes) }).toEqual({ fPort: 1, hex });
  });

  it('cannot dim lights', () => {
    expect(lt.encodeDownlink!({ type: 'lighting.dim', percent: 50 })).toBeUndefined();
  });

  it.each([
    ['030111', { RO1_status: 'ON' }],
    ['030100', { RO1_status: 'ON', RO2_status: 'OFF' }],
    ['02010011', { DO1_status: 'L', DO2_status: 'H' }],
    ['0100003C', { TDC_sec: 60 }],
    ['08FF', { poll_uplink: 'yes' }],
  ])('device side: %s applies %j', (hex, applied) => {
    expect(lt.decodeDownlink!(1, hexToBytes(hex))).toEqual(applied);
  });

  it.each([
    ['0301', 2],
    ['030211', 1],
    ['09FF', 0],
    ['03011100', 3],
  ])('device side: refuses %s at byte %d', (hex, byteIndex) => {
    expect(payloadErrorOf(() => lt.decodeDownlink!(1, hexToBytes(hex))).byteIndex).toBe(byteIndex);
  });

  it('an open command goes down, the gate opens, and the uplink confirms it', () => {
    const downlink = lt.encodeDownlink!({ type: 'gate.set', position: 'open' })!;
    const applied = lt.decodeDownlink!(downlink.fPort, downlink.bytes);
    const state = { DI1_status: 'L', RO1_status: 'OFF', ...applied };
    state.DI1_status = state.RO1_status === 'ON' ? 'H' : 'L'; // the simulated gate follows RO1
    const uplink = lt.encodeUplink!(state);
    expect(lt.decodeUplink(uplink.fPort, uplink.bytes).observations).toContainEqual({ metric: 'gateOpen', value: true });
  });
});
