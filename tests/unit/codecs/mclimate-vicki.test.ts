import { describe, expect, it } from 'vitest';
import { bytesToHex, codecFor, hexToBytes, payloadErrorOf } from './vectors';

/**
 * Vectors from MClimate's Vicki LoRaWAN communication protocol (docs.mclimate.eu, MClimate/docs):
 * the keep-alive examples (firmware ≤ 3.4, 0x01), the appendix's command examples, the 0x52
 * and 0x51 examples of "Target temperature with resolution 0.1 °C", and the 0x81 keep-alive of
 * MClimate's own decoder tests (firmware ≥ 3.5).
 */
const vicki = codecFor('mclimate-vicki');
const decode = (hex: string) => vicki.decodeUplink(2, hexToBytes(hex));

const KEEP_ALIVE_SPEC_1 = {
  reason: 1,
  targetTemperature: 29,
  sensorTemperature: 18.01, // 90 × 165 / 256 − 40 = 18.0078
  relativeHumidity: 46.88, // 120 × 100 / 256 = 46.875
  motorPosition: 250,
  motorRange: 300,
  batteryVoltage: 3.5,
  openWindow: false,
  highMotorConsumption: false,
  lowMotorConsumption: false,
  brokenSensor: false,
  childLock: true,
  valveOpenness: 17, // (1 − 250 / 300) × 100
  targetTemperatureFloat: 29,
};

describe('mclimate-vicki uplinks (keep-alive table, firmware ≤ 3.4 and ≥ 3.5)', () => {
  it('decodes the spec’s first keep-alive, child lock on', () => {
    expect(decode('011D5A78FA2C01F080').fields).toEqual(KEEP_ALIVE_SPEC_1);
  });

  it('decodes the spec’s second keep-alive: 12-bit motor values split over byte 6', () => {
    expect(decode('01185C5CDFDF118000').fields).toMatchObject({
      targetTemperature: 24,
      sensorTemperature: 19.3, // 92 × 165 / 256 − 40 = 19.297
      relativeHumidity: 35.94,
      motorPosition: 479,
      motorRange: 479,
      batteryVoltage: 2.8,
      childLock: false,
      valveOpenness: 0,
    });
  });

  it('decodes a firmware ≥ 3.5 keep-alive (0x81): new temperature formula and the status bits of byte 8', () => {
    expect(decode('811BAF4BAB2A129030').fields).toEqual({
      reason: 129,
      targetTemperature: 27,
      sensorTemperature: 25.88, // (175 − 28.33333) / 5.66666
      relativeHumidity: 29.3,
      motorPosition: 427,
      motorRange: 554,
      batteryVoltage: 2.9,
      openWindow: false,
      highMotorConsumption: false,
      lowMotorConsumption: false,
      brokenSensor: false,
      childLock: false,
      calibrationFailed: false,
      attachedBackplate: true,
      perceiveAsOnline: true,
      antiFreezeProtection: false,
      valveOpenness: 23,
      targetTemperatureFloat: 27,
    });
  });

  it.each([
    ['open window', '0818', { openWindow: true, highMotorConsumption: false, lowMotorConsumption: false, brokenSensor: false }],
    ['motor current too high', '0418', { highMotorConsumption: true }],
    ['motor current too low', '0218', { lowMotorConsumption: true }],
    ['broken sensor', '0118', { brokenSensor: true }],
    ['failed calibration, anti-freeze on', '0048', { calibrationFailed: true, antiFreezeProtection: true, attachedBackplate: false }],
  ])('reads the %s flag', (_name, statusAndFlags, fields) => {
    expect(decode(`811BAF4BAB2A12${statusAndFlags}`).fields).toMatchObject(fields);
  });

  it('decodes replies in front of the keep-alive (appendix, example 1: hardware and software versions)', () => {
    expect(decode('042321011D5A78FA2C01F080').fields).toEqual({ deviceVersions: { hardware: 2.3, software: 2.1 }, ...KEEP_ALIVE_SPEC_1 });
  });

  it('decodes three replies then the keep-alive (appendix, example 2)', () => {
    expect(decode('120B150F1A1801011863530000008000').fields).toMatchObject({
      keepAliveTime: 11,
      temperatureRangeSettings: { min: 15, max: 26 },
      operationalMode: 1,
      targetTemperature: 24,
      sensorTemperature: 23.81,
      motorRange: 0,
      valveOpenness: 0, // not calibrated: no range to measure against
    });
  });

  it('takes the 0.1 °C target (52 01 02 = 25.8 °C) over the whole-degree one', () => {
    const frame = decode('520102811BAF4BAB2A129030');
    expect(frame.fields).toMatchObject({ targetTemperatureFloat: 25.8, targetTemperature: 27 });
    expect(frame.observations).toContainEqual({ metric: 'setpointC', value: 25.8 });
  });

  it('observes temperature, humidity, setpoint, valve and window', () => {
    expect(decode('52 00C3 81 14 AF 4B AB 2A 12 98 30').observations).toEqual([
      { metric: 'temperatureC', value: 25.88 },
      { metric: 'humidityPercent', value: 29.3 },
      { metric: 'setpointC', value: 19.5 },
      { metric: 'valvePercent', value: 23 },
      { metric: 'windowOpen', value: true },
    ]);
  });

  it('leaves the temperature out when the sensor reports itself broken', () => {
    const metrics = decode('811BAF4BAB2A129130').observations.map((o) => o.metric);
    expect(metrics).not.toContain('temperatureC');
    expect(metrics).toContain('setpointC');
  });

  it.each([
    ['a keep-alive cut short', '811BAF4BAB2A12', 0],
    ['a keep-alive one byte too long', '811BAF4BAB2A12903000', 0],
    ['an unknown reply code', '520102FF811BAF4BAB2A129030', 3],
    ['a reply cut short', '5201', 1],
    ['an empty frame', '', 0],
  ])('refuses %s, naming the byte', (_name, hex, byteIndex) => {
    expect(payloadErrorOf(() => decode(hex)).byteIndex).toBe(byteIndex);
  });

  it('refuses a frame on a port other than 2', () => {
    expect(payloadErrorOf(() => vicki.decodeUplink(85, hexToBytes('811BAF4BAB2A129030'))).message).toMatch(/port 85/);
  });

  it('normalises a ChirpStack object like the bytes, including the vendor decoder’s string target', () => {
    const frame = decode('520102811BAF4BAB2A129030');
    expect(vicki.normaliseObject!({ ...frame.fields })).toEqual(frame);
    const fromString = vicki.normaliseObject!({ ...frame.fields, targetTemperatureFloat: '25.80' });
    expect(fromString.observations).toContainEqual({ metric: 'setpointC', value: 25.8 });
  });

  it('skips fields of the wrong type from an object', () => {
    expect(vicki.normaliseObject!({ sensorTemperature: 'chaud', openWindow: 1, targetTemperature: 20 }).observations).toEqual([
      { metric: 'setpointC', value: 20 },
    ]);
  });
});

describe('mclimate-vicki device side (simulator)', () => {
  const fields = {
    targetTemperatureFloat: 19.5,
    sensorTemperature: 18.7,
    relativeHumidity: 45,
    motorRange: 540,
    valveOpenness: 40,
    batteryVoltage: 3.3,
    attachedBackplate: true,
    perceiveAsOnline: true,
  };

  it('sends 52 HH LL then a 0x81 keep-alive for a target that is not a whole degree', () => {
    const { fPort, bytes } = vicki.encodeUplink!(fields);
    expect(fPort).toBe(2);
    expect(bytesToHex(bytes)).toBe('5200c3' + '81' + '14' + '86' + '73' + '44' + '1c' + '12' + 'd0' + '30');
  });

  it('round-trips within the wire’s resolution (0.18 °C, 0.4 %RH)', () => {
    const { fPort, bytes } = vicki.encodeUplink!(fields);
    const decoded = vicki.decodeUplink(fPort, bytes).fields;
    expect(decoded).toMatchObject({ targetTemperatureFloat: 19.5, targetTemperature: 20, motorRange: 540, valveOpenness: 40, batteryVoltage: 3.3 });
    expect(Math.abs(Number(decoded.sensorTemperature) - 18.7)).toBeLessThan(0.09);
    expect(Math.abs(Number(decoded.relativeHumidity) - 45)).toBeLessThan(0.2);
  });

  it('sends the keep-alive alone for a whole-degree target', () => {
    const { bytes } = vicki.encodeUplink!({ ...fields, targetTemperatureFloat: 20 });
    expect(bytes).toHaveLength(9);
    expect(bytes[0]).toBe(0x81);
  });

  it.each([
    ['a temperature the wire cannot carry', { sensorTemperature: 45 }, RangeError],
    ['a battery above 3.5 V', { batteryVoltage: 3.7 }, RangeError],
    ['no temperature', { sensorTemperature: undefined }, TypeError],
  ])('throws on %s', (_name, change, error) => {
    expect(() => vicki.encodeUplink!({ ...fields, ...change })).toThrow(error);
  });

  it.each([
    ['0e16', { targetTemperature: 22, targetTemperatureFloat: 22 }],
    ['510102', { targetTemperature: 26, targetTemperatureFloat: 25.8 }],
    ['020a 081018 0d01', { keepAliveTime: 10, temperatureRangeSettings: { min: 16, max: 24 }, operationalMode: 1 }],
  ])('applies %s', (hex, applied) => {
    expect(vicki.decodeDownlink!(2, hexToBytes(hex))).toEqual(applied);
  });

  it.each([
    ['5101', 1],
    ['0e1603', 2],
  ])('refuses %s at byte %d', (hex, byteIndex) => {
    expect(payloadErrorOf(() => vicki.decodeDownlink!(2, hexToBytes(hex))).byteIndex).toBe(byteIndex);
  });
});

describe('mclimate-vicki setpoint downlink', () => {
  it('takes tenths of a degree', () => {
    expect(vicki.setpointStepC).toBe(0.1);
  });

  it.each([
    [19.5, '5100c3'],
    [25.8, '510102'],
    [20.1, '5100c9'],
    [22, '0e16'],
    [19, '0e13'],
  ])('encodes %d °C', (celsius, hex) => {
    const downlink = vicki.encodeDownlink!({ type: 'heating.setpoint', celsius });
    expect(downlink && { fPort: downlink.fPort, hex: bytesToHex(downlink.bytes) }).toEqual({ fPort: 2, hex });
    expect(vicki.whyUnsupported!({ type: 'heating.setpoint', celsius })).toBeUndefined();
  });

  it.each([
    [19.55, /dixième de degré/],
    [4.5, /entre 5 et 30 °C/],
    [31, /entre 5 et 30 °C/],
  ])('refuses %d °C and says why in French', (celsius, why) => {
    expect(vicki.encodeDownlink!({ type: 'heating.setpoint', celsius })).toBeUndefined();
    expect(vicki.whyUnsupported!({ type: 'heating.setpoint', celsius })).toMatch(why);
  });

  it('cannot open a gate', () => {
    expect(vicki.encodeDownlink!({ type: 'gate.set', position: 'open' })).toBeUndefined();
    expect(vicki.whyUnsupported!({ type: 'gate.set', position: 'open' })).toMatch(/gate\.set/);
  });

  it('a half-degree setpoint goes down, is applied and comes back as the reported target', () => {
    const downlink = vicki.encodeDownlink!({ type: 'heating.setpoint', celsius: 19.5 })!;
    const state = { sensorTemperature: 18.2, relativeHumidity: 44, batteryVoltage: 3.4, targetTemperature: 17, targetTemperatureFloat: 17 };
    Object.assign(state, vicki.decodeDownlink!(downlink.fPort, downlink.bytes));
    const uplink = vicki.encodeUplink!(state);
    expect(vicki.decodeUplink(uplink.fPort, uplink.bytes).observations).toContainEqual({ metric: 'setpointC', value: 19.5 });
  });
});
