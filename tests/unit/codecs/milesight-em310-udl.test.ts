import { describe, expect, it } from 'vitest';
import { codecFor, hexToBytes, payloadErrorOf } from './vectors';

const em310 = codecFor('milesight-em310-udl');
const decode = (hex: string) => em310.decodeUplink(85, hexToBytes(hex));

describe('milesight-em310-udl (vendor table EM310-UDL)', () => {
  it.each([
    ['the vendor example', '01755C 03824408 040001', { battery: 92, distance: 2116, position: 'tilt' }],
    ['an empty container (long distance)', '0382B80B 040000', { distance: 3000, position: 'normal' }],
    ['a full container', '03829600', { distance: 150 }],
    ['the reply to a report-interval downlink', 'FF035802', { report_interval: 600 }],
  ])('decodes %s', (_name, hex, fields) => {
    expect(decode(hex).fields).toEqual(fields);
  });

  it('observes distance, battery and tilt; the fill level is left to the rules', () => {
    expect(decode('01755C 03824408 040001').observations).toEqual([
      { metric: 'batteryPercent', value: 92 },
      { metric: 'distanceMm', value: 2116 },
      { metric: 'tilted', value: true },
    ]);
  });

  it.each([
    ['a distance cut short', '038244', 2],
    ['an unknown position code', '040003', 2],
    ['an unknown channel', '01755C 05820000', 3],
  ])('refuses %s, naming the byte', (_name, hex, byteIndex) => {
    expect(payloadErrorOf(() => decode(hex)).byteIndex).toBe(byteIndex);
  });

  it.each([[{ battery: 71, distance: 1234, position: 'normal' }], [{ distance: 0 }], [{ distance: 65535, position: 'tilt' }]])(
    'round-trips %j',
    (fields) => {
      const { fPort, bytes } = em310.encodeUplink!(fields);
      expect(em310.decodeUplink(fPort, bytes).fields).toEqual(fields);
    },
  );

  it('normalises a ChirpStack object like the bytes', () => {
    const frame = decode('01755C 03824408 040000');
    expect(em310.normaliseObject!({ ...frame.fields })).toEqual(frame);
  });

  it('takes no command', () => {
    expect(em310.encodeDownlink).toBeUndefined();
  });
});
