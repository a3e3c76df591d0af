import { describe, expect, it } from 'vitest';
import { bytesToHex, codecFor, hexToBytes, payloadErrorOf } from './vectors';

const ldds75 = codecFor('dragino-ldds75');
const decode = (hex: string, fPort = 2) => ldds75.decodeUplink(fPort, hexToBytes(hex));

// Frame (LDDS75 manual, uplink FPort 2): BAT (mV, u16 BE, top two bits masked) · Distance (mm, u16)
// · Interrupt flag · DS18B20 temperature (int16 ÷ 10) · Sensor flag.
describe('dragino-ldds75 uplinks (LDDS75 user manual, vendor decoder v1.1.4)', () => {
  it.each([
    // Battery 0x0B45 = 2885 mV and DS18B20 0x0105 = 26.1 °C: the worked examples of these same fields in
    // Dragino's manuals (LSN50, LLDS12 "Battery Info" and "DS18B20 Temperature sensor").
    [
      'the manuals’ battery and probe examples, 2821 mm',
      '0B45 0B05 00 0105 01',
      { Node_type: 'LDDS75', Bat: 2.885, Distance: 2821, Interrupt_flag: 0, TempC_DS18B20: 26.1, Sensor_flag: 1 },
    ],
    // 0xFF3F = −19.3 °C (same manuals, negative probe reading); 0x8D41 & 0x3FFF = 3393 mV (LDDS04
    // manual, a BAT word with its top bit set).
    [
      'a frame sent on interrupt, probe below zero',
      '8D41 0190 01 FF3F 01',
      { Node_type: 'LDDS75', Bat: 3.393, Distance: 400, Interrupt_flag: 1, TempC_DS18B20: -19.3, Sensor_flag: 1 },
    ],
    [
      'no ultrasonic probe answering',
      '0CE4 0000 00 0000 00',
      { Node_type: 'LDDS75', Bat: 3.3, Distance: 0, Interrupt_flag: 0, TempC_DS18B20: 0, Sensor_flag: 0 },
    ],
  ])('decodes %s', (_name, hex, fields) => {
    expect(decode(hex).fields).toEqual(fields);
  });

  it.each([
    // The vendor's earlier-firmware decoder ("LDDS75 decoder--Chirpstack"): BAT · Distance · interrupt,
    // or BAT · interrupt without a probe; under 20 mm is an invalid reading.
    ['the earlier 5-byte frame', '0B45 0B05 00', { Node_type: 'LDDS75', Bat: 2.885, Distance: 2821, Interrupt_status: 0 }],
    ['the earlier 5-byte frame, invalid reading', '0B45 0013 01', { Node_type: 'LDDS75', Bat: 2.885, Distance: 'Invalid Reading', Interrupt_status: 1 }],
    ['the earlier 3-byte frame without a probe', '0B45 00', { Node_type: 'LDDS75', Bat: 2.885, Distance: 'No Sensor', Interrupt_status: 0 }],
  ])('decodes %s', (_name, hex, fields) => {
    expect(decode(hex).fields).toEqual(fields);
  });

  it.each([
    ['0B45 0B05 00 0105 01', [{ metric: 'distanceMm', value: 2821 }, { metric: 'batteryV', value: 2.885 }]],
    ['0B45 0013 01', [{ metric: 'batteryV', value: 2.885 }]],
    ['0B45 0B05 00', [{ metric: 'distanceMm', value: 2821 }, { metric: 'batteryV', value: 2.885 }]],
    ['0CE4 0000 00 0000 00', [{ metric: 'batteryV', value: 3.3 }]],
  ])('%s observes %j (no distance without a probe or under 20 mm; the optional DS18B20 stays a field)', (hex, observations) => {
    expect(decode(hex).observations).toEqual(observations);
  });

  it.each([
    ['a frame of 4 bytes', '0B45 0B05', 4, 2],
    ['a frame of 7 bytes', '0B45 0B05 00 0105', 7, 2],
    ['a frame of 9 bytes', '0B45 0B05 00 0105 01 00', 8, 2],
    ['a frame on an unexpected port', '0B45 0B05 00 0105 01', 0, 5],
  ])('refuses %s, naming the byte', (_name, hex, byteIndex, fPort) => {
    const error = payloadErrorOf(() => decode(hex, fPort));
    expect([error.model, error.fPort, error.byteIndex]).toEqual(['dragino-ldds75', fPort, byteIndex]);
  });

  it('round-trips the state the simulator plays, and the manual example byte for byte', () => {
    const fields = { Node_type: 'LDDS75', Bat: 3.1, Distance: 1250, Interrupt_flag: 0, TempC_DS18B20: -3.5, Sensor_flag: 1 };
    const { fPort, bytes } = ldds75.encodeUplink!(fields);
    expect(ldds75.decodeUplink(fPort, bytes).fields).toEqual(fields);
    expect(bytesToHex(ldds75.encodeUplink!(decode('0B45 0B05 00 0105 01').fields).bytes)).toBe('0b450b0500010501');
  });

  it('normalises the vendor decoders’ objects (plain and ChirpStack v4 strings with units) like the bytes', () => {
    const frame = decode('0B45 0B05 00 0105 01');
    expect(ldds75.normaliseObject!({ ...frame.fields })).toEqual(frame);
    const v4 = { Node_type: 'LDDS75', Bat: '2.885 V', Distance: '2821 mm', Interrupt_flag: 0, TempC_DS18B20: '26.10 °C', Sensor_flag: 1 };
    expect(ldds75.normaliseObject!(v4).observations).toEqual(frame.observations);
  });

  it('takes no command', () => {
    expect(ldds75.encodeDownlink).toBeUndefined();
  });
});
