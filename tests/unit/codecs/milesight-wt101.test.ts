import { describe, expect, it } from 'vitest';
import { bytesToHex, codecFor, hexToBytes, payloadErrorOf } from './vectors';

const wt101 = codecFor('milesight-wt101');
const decode = (hex: string) => wt101.decodeUplink(85, hexToBytes(hex));

describe('milesight-wt101 uplinks (vendor table WT101)', () => {
  it.each([
    [
      'the vendor periodic report',
      '017561 04672C01 03670A01 059264 09900000 0B900000',
      { battery: 97, target_temperature: 30, temperature: 26.6, valve_opening: 100, motor_stroke: 0, motor_position: 0 },
    ],
    ['a calibration result with the stroke', '08E50009900802', { motor_calibration_result: 'success', motor_stroke: 520 }],
    ['a failed calibration', '08E501', { motor_calibration_result: 'fail: out of range' }],
    ['the head taken off the valve', '060001', { tamper_status: 'uninstalled' }],
    ['an open window', '070001', { window_detection: 'open' }],
    ['freeze protection', '0A0001', { freeze_protection: 'triggered' }],
    ['a half-degree target', '0467C300', { target_temperature: 19.5 }],
    ['the reply to a setpoint downlink', 'FFB1130A00', { target_temperature: 19, temperature_tolerance: 1 }],
    ['the reply to a report-interval downlink', 'FF8E000A00', { report_interval: 10 }],
  ])('decodes %s', (_name, hex, fields) => {
    expect(decode(hex).fields).toEqual(fields);
  });

  it('observes temperature, setpoint, valve, battery and window', () => {
    expect(decode('017561 03670A01 0467C300 059232 070001').observations).toEqual([
      { metric: 'batteryPercent', value: 97 },
      { metric: 'temperatureC', value: 26.6 },
      { metric: 'setpointC', value: 19.5 },
      { metric: 'valvePercent', value: 50 },
      { metric: 'windowOpen', value: true },
    ]);
  });

  it.each([
    ['a target temperature cut short', '017561 04672C', 5],
    ['an unknown motor calibration code', '08E509', 2],
    ['an unknown channel', '0C6700', 0],
  ])('refuses %s, naming the byte', (_name, hex, byteIndex) => {
    expect(payloadErrorOf(() => decode(hex)).byteIndex).toBe(byteIndex);
  });

  it('round-trips the fields the simulator plays', () => {
    const fields = { battery: 88, temperature: 18.7, target_temperature: 20, valve_opening: 35, window_detection: 'normal', tamper_status: 'installed' };
    const { fPort, bytes } = wt101.encodeUplink!(fields);
    expect(wt101.decodeUplink(fPort, bytes).fields).toEqual(fields);
  });

  it('normalises a ChirpStack object like the bytes', () => {
    const frame = decode('017561 04672C01 03670A01 059264');
    expect(wt101.normaliseObject!({ ...frame.fields })).toEqual(frame);
  });
});

describe('milesight-wt101 setpoint downlink', () => {
  it.each([
    [19, 'ffb1130a00'],
    [21, 'ffb1150a00'],
    [16, 'ffb1100a00'],
  ])('encodes %d °C as FF B1 · int8 · tolerance 1 °C', (celsius, hex) => {
    const downlink = wt101.encodeDownlink!({ type: 'heating.setpoint', celsius });
    expect(downlink && { fPort: downlink.fPort, hex: bytesToHex(downlink.bytes) }).toEqual({ fPort: 85, hex });
    expect(wt101.whyUnsupported!({ type: 'heating.setpoint', celsius })).toBeUndefined();
  });

  it('takes whole degrees only', () => {
    expect(wt101.setpointStepC).toBe(1);
  });

  it('refuses 19.5 °C, which the thermostat cannot take, and says why in French', () => {
    expect(wt101.encodeDownlink!({ type: 'heating.setpoint', celsius: 19.5 })).toBeUndefined();
    expect(wt101.whyUnsupported!({ type: 'heating.setpoint', celsius: 19.5 })).toMatch(/degrés entiers/);
  });

  it('cannot open a gate', () => {
    expect(wt101.encodeDownlink!({ type: 'gate.set', position: 'open' })).toBeUndefined();
  });

  it.each([
    ['ffb1130a00', { target_temperature: 19, temperature_tolerance: 1 }],
    ['ffb432', { valve_opening: 50 }],
    ['ff8e001e00', { report_interval: 30 }],
  ])('device side: %s applies %j', (hex, applied) => {
    expect(wt101.decodeDownlink!(85, hexToBytes(hex))).toEqual(applied);
  });

  it.each([
    ['ffb113', 3],
    ['ff99ff', 0],
  ])('device side: refuses %s at byte %d', (hex, byteIndex) => {
    expect(payloadErrorOf(() => wt101.decodeDownlink!(85, hexToBytes(hex))).byteIndex).toBe(byteIndex);
  });

  it('a setpoint goes down, is applied and comes back as the reported target', () => {
    const downlink = wt101.encodeDownlink!({ type: 'heating.setpoint', celsius: 20 })!;
    const state = { temperature: 18.2, target_temperature: 17, ...wt101.decodeDownlink!(downlink.fPort, downlink.bytes) };
    const uplink = wt101.encodeUplink!({ temperature: state.temperature, target_temperature: state.target_temperature });
    expect(wt101.decodeUplink(uplink.fPort, uplink.bytes).observations).toContainEqual({ metric: 'setpointC', value: 20 });
  });
});
