import { describe, expect, it } from 'vitest';
import { bytesToHex, codecFor, hexToBytes, payloadErrorOf } from './vectors';

const uc300 = codecFor('milesight-uc300');
const decode = (hex: string, fPort = 85) => uc300.decodeUplink(fPort, hexToBytes(hex));

describe('milesight-uc300 uplinks (vendor table and decoder, SensorDecoders UC_Series/UC300)', () => {
  it.each([
    // The README's examples, in order.
    [
      'counters, inputs and outputs',
      '03C80A000000 04C814000000 050000 060000 070101 080101',
      { counter_1: 10, counter_2: 20, gpio_in_3: 'off', gpio_in_4: 'off', gpio_out_1: 'on', gpio_out_2: 'on' },
    ],
    ['analogue currents (mA)', '0B0290010000 0C0290010000', { adc_1: 4, adc_2: 4 }],
    ['analogue voltages (V)', '0D0248010000 0E0249010000', { adv_1: 3.28, adv_2: 3.29 }],
    ['PT100 temperatures (°C)', '09670201 0A670201', { pt100_1: 25.8, pt100_2: 25.8 }],
    [
      'current statistics (float16)',
      '0BE20044004400440044 0CE20044004400440044',
      { adc_1: 4, adc_1_max: 4, adc_1_min: 4, adc_1_avg: 4, adc_2: 4, adc_2_max: 4, adc_2_min: 4, adc_2_avg: 4 },
    ],
    [
      'voltage statistics (float16)',
      '0DE28F425C428F428D42 0EE29442664294429342',
      {
        adv_1: 3.279296875, adv_1_max: 3.1796875, adv_1_min: 3.279296875, adv_1_avg: 3.275390625,
        adv_2: 3.2890625, adv_2_max: 3.19921875, adv_2_min: 3.2890625, adv_2_avg: 3.287109375,
      },
    ],
    ['the first two Modbus channels', 'ff190002020b00 ff190102020200', { modbus_chn_1: 11, modbus_chn_2: 2 }],
    // Ours, from the same tables: a signed holding register, a float, a read error, a reply.
    ['a signed Modbus register, a float and a read error', 'FF19 02 02 83 F6FF FF19 03 04 05 0000C841 FF15 04', { modbus_chn_3: -10, modbus_chn_4: 25, modbus_chn_5_alarm: 'read error' }],
    ['the reply to a report-interval downlink', 'FF035802', { report_interval: 600 }],
    ['a gate open with its motor order on', '030001 040000 070101 080100', { gpio_in_1: 'on', gpio_in_2: 'off', gpio_out_1: 'on', gpio_out_2: 'off' }],
  ])('decodes %s', (_name, hex, fields) => {
    expect(decode(hex).fields).toEqual(fields);
  });

  it.each([
    // Historical records (vendor decoder, 20 DC / 20 DD): timestamp 0x65F3A100, then the channels of the mask.
    [
      'an I/O record: DI1 as input, DI2 as counter, DO2, current statistics',
      '20DC 00A1F365 2301 00 01000000 01 64000000 01 0044004400440044',
      { channel_history: [{ timestamp: 1710465280, gpio_in_1: 'on', counter_2: 100, gpio_out_2: 'on', adc_1: 4, adc_1_max: 4, adc_1_min: 4, adc_1_avg: 4 }] },
    ],
    [
      'a Modbus record: an int16 and a signed float in 4-byte slots',
      '20DD 00A1F365 03000000 02 0B000000 85 0000C841',
      { modbus_history: [{ timestamp: 1710465280, modbus_chn_1: 11, modbus_chn_2: 25 }] },
    ],
    [
      'two I/O records in one frame',
      '20DC 00A1F365 1000 01 20DC 3CA1F365 1000 00',
      { channel_history: [{ timestamp: 1710465280, gpio_out_1: 'on' }, { timestamp: 1710465340, gpio_out_1: 'off' }] },
    ],
  ])('decodes %s', (_name, hex, fields) => {
    expect(decode(hex).fields).toEqual(fields);
    expect(decode(hex).observations).toEqual([]);
  });

  it('observes inputs, outputs, and the gate by the site convention (DI1 contact, DO1 motor order)', () => {
    expect(decode('030001 040000 070101 080100').observations).toEqual([
      { metric: 'digitalInput1', value: true },
      { metric: 'digitalInput2', value: false },
      { metric: 'digitalOutput1', value: true },
      { metric: 'digitalOutput2', value: false },
      { metric: 'gateOpen', value: true },
      { metric: 'motorOn', value: true },
    ]);
  });

  it.each([
    ['a counter cut short', '03C80A00', 2],
    ['an unknown input state', '030002', 2],
    ['an unknown Modbus data type', 'FF19 00 02 0C 0B00', 4],
    ['a historical Modbus record of an unknown type', '20DD 00A1F365 01000000 0C 0B000000', 10],
    ['a historical I/O record cut short', '20DC 00A1F365 2100 00 01000000', 13],
  ])('refuses %s, naming the byte', (_name, hex, byteIndex) => {
    expect(payloadErrorOf(() => decode(hex)).byteIndex).toBe(byteIndex);
  });

  it('round-trips the gate state the simulator plays', () => {
    const fields = { gpio_in_1: 'off', gpio_in_2: 'on', gpio_out_1: 'off', gpio_out_2: 'off', pt100_1: -3.5, adc_1: 12.34, adv_2: 10.5, counter_3: 1234 };
    const { fPort, bytes } = uc300.encodeUplink!(fields);
    expect(uc300.decodeUplink(fPort, bytes).fields).toEqual(fields);
  });

  it('normalises a ChirpStack object like the bytes', () => {
    const frame = decode('030001 040000 070101 080100 0B0290010000');
    expect(uc300.normaliseObject!({ ...frame.fields })).toEqual(frame);
  });
});

describe('milesight-uc300 gate command', () => {
  it.each([
    // The vendor encoder's output control: channel 07 (DO1) · 01 on / 00 off · FF.
    ['open', '0701ff'],
    ['closed', '0700ff'],
  ] as const)('gate.set %s drives DO1: %s', (position, hex) => {
    const downlink = uc300.encodeDownlink!({ type: 'gate.set', position });
    expect(downlink && { fPort: downlink.fPort, hex: bytesToHex(downlink.bytes) }).toEqual({ fPort: 85, hex });
  });

  it('cannot dim lights', () => {
    expect(uc300.encodeDownlink!({ type: 'lighting.dim', percent: 50 })).toBeUndefined();
    expect(uc300.whyUnsupported!({ type: 'lighting.dim', percent: 50 })).toMatch(/UC300/);
  });

  it.each([
    ['0701ff', { gpio_out_1: 'on' }],
    ['0800ff', { gpio_out_2: 'off' }],
    // Vendor encoder examples: { gpio_out_1_control: { duration: 1000, status: 1 } }, { report_interval: 300 }.
    ['ff920101e8030000', { gpio_out_1: 'on', gpio_out_1_duration_ms: 1000 }],
    ['ff032c01', { report_interval: 300 }],
    ['ff10ff', { reboot: 'yes' }],
  ])('device side: %s applies %j', (hex, applied) => {
    expect(uc300.decodeDownlink!(85, hexToBytes(hex))).toEqual(applied);
  });

  it.each([
    ['07', 1],
    ['0702ff', 1],
    ['ff9203', 2],
    ['0955ff', 0],
  ])('device side: refuses %s at byte %d', (hex, byteIndex) => {
    expect(payloadErrorOf(() => uc300.decodeDownlink!(85, hexToBytes(hex))).byteIndex).toBe(byteIndex);
  });

  it('an open command goes down, the output switches, the gate opens, and the uplink confirms it', () => {
    const downlink = uc300.encodeDownlink!({ type: 'gate.set', position: 'open' })!;
    const state: Record<string, unknown> = { gpio_in_1: 'off', gpio_out_1: 'off', ...uc300.decodeDownlink!(downlink.fPort, downlink.bytes) };
    state.gpio_in_1 = state.gpio_out_1; // the simulated gate follows its motor order
    const uplink = uc300.encodeUplink!(state);
    expect(uc300.decodeUplink(uplink.fPort, uplink.bytes).observations).toContainEqual({ metric: 'gateOpen', value: true });
  });
});
