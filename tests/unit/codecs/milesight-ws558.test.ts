import { describe, expect, it } from 'vitest';
import { bytesToHex, codecFor, hexToBytes, payloadErrorOf } from './vectors';

const ws558 = codecFor('milesight-ws558');
const decode = (hex: string) => ws558.decodeUplink(85, hexToBytes(hex));
const lines = (on: number[]) => Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [`switch_${n}`, on.includes(n) ? 'on' : 'off']));

describe('milesight-ws558 uplinks (vendor table WS558)', () => {
  it.each([
    [
      'the vendor example',
      '08310001 058164 07C90200 0374B208 068301000000 048001000000',
      { ...lines([1]), power_factor: 100, total_current: 2, voltage: 222.6, power_consumption: 1, active_power: 1 },
    ],
    ['lines 1 and 3 on (change mask ignored)', '08310505', lines([1, 3])],
    ['every line off', '08310000', lines([])],
    ['a cabinet at dusk', '0374FC08 0480C4090000 0581 5F 07C92E2C', { voltage: 230, active_power: 2500, power_factor: 95, total_current: 11310 }],
    ['the reply to a delayed switch command', 'FF32 01 2C01 03 01', { task_id: 1, delay_time: 300, switch_1: 'on', switch_2: 'off' }],
  ])('decodes %s', (_name, hex, fields) => {
    expect(decode(hex).fields).toEqual(fields);
  });

  it('observes the meter and whether the lights are on', () => {
    expect(decode('0374FC08 0480C4090000 05815F 0683A0860100 07C92E2C 08310003').observations).toEqual([
      { metric: 'voltageV', value: 230 },
      { metric: 'powerW', value: 2500 },
      { metric: 'powerFactorPercent', value: 95 },
      { metric: 'energyWh', value: 100000 },
      { metric: 'currentA', value: 11.31 },
      { metric: 'relayOn', value: true },
    ]);
    expect(decode('08310000').observations).toEqual([{ metric: 'relayOn', value: false }]);
  });

  it.each([
    ['an active power cut short', '04800100', 2],
    ['a switch channel cut short', '083100', 2],
    ['an unknown channel', '0975B208', 0],
  ])('refuses %s, naming the byte', (_name, hex, byteIndex) => {
    expect(payloadErrorOf(() => decode(hex)).byteIndex).toBe(byteIndex);
  });

  it('round-trips the cabinet state the simulator plays', () => {
    const fields = { voltage: 231.4, active_power: 1800, power_factor: 92, power_consumption: 123456, total_current: 8120, ...lines([1, 2, 5]) };
    const { fPort, bytes } = ws558.encodeUplink!(fields);
    expect(ws558.decodeUplink(fPort, bytes).fields).toEqual(fields);
  });

  it('normalises a ChirpStack object like the bytes', () => {
    const frame = decode('08310001 058164 07C90200 0374B208 068301000000 048001000000');
    expect(ws558.normaliseObject!({ ...frame.fields })).toEqual(frame);
  });
});

describe('milesight-ws558 lighting command (no dimming: on/off)', () => {
  it.each([
    [0, '08ff00'],
    [1, '08ffff'],
    [60, '08ffff'],
    [100, '08ffff'],
  ])('lighting.dim %d %% switches every line: %s', (percent, hex) => {
    const downlink = ws558.encodeDownlink!({ type: 'lighting.dim', percent });
    expect(downlink && { fPort: downlink.fPort, hex: bytesToHex(downlink.bytes) }).toEqual({ fPort: 85, hex });
  });

  it('cannot take a heating setpoint', () => {
    expect(ws558.encodeDownlink!({ type: 'heating.setpoint', celsius: 19 })).toBeUndefined();
    expect(ws558.whyUnsupported!({ type: 'heating.setpoint', celsius: 19 })).toMatch(/WS558/);
  });

  it.each([
    ['08ff00', lines([])],
    ['080301', { switch_1: 'on', switch_2: 'off' }],
    ['ff03b004', { report_interval: 1200 }],
  ])('device side: %s applies %j', (hex, applied) => {
    expect(ws558.decodeDownlink!(85, hexToBytes(hex))).toEqual(applied);
  });

  it('device side: refuses a command cut short, naming the byte', () => {
    expect(payloadErrorOf(() => ws558.decodeDownlink!(85, hexToBytes('08ff'))).byteIndex).toBe(2);
  });

  it('a switch-off goes down, is applied and comes back as lights off', () => {
    const downlink = ws558.encodeDownlink!({ type: 'lighting.dim', percent: 0 })!;
    const state = { ...lines([1, 2, 3]), voltage: 230, ...ws558.decodeDownlink!(downlink.fPort, downlink.bytes) };
    const uplink = ws558.encodeUplink!(state);
    expect(ws558.decodeUplink(uplink.fPort, uplink.bytes).observations).toContainEqual({ metric: 'relayOn', value: false });
  });
});
