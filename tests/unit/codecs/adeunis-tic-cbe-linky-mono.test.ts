import { describe, expect, it } from 'vitest';
import { bytesToHex, codecFor, hexToBytes, payloadErrorOf } from './vectors';

/**
 * Vectors: first the vendor's own example (TheThingsNetwork/lorawan-devices,
 * vendor/adeunis/tic-cbe-linky-mono-codec.yaml, the same frame as the 0x49 spec of
 * sln-nc/adeunis-codecs-lib src/products/tic/0x49.parser.spec.ts) and the 0x4a spec vector; then
 * frames built from the same layout (a base-option meter, the network configuration).
 */
const tic = codecFor('adeunis-tic-cbe-linky-mono');
const decode = (hex: string, fPort = 1) => tic.decodeUplink(fPort, hexToBytes(hex));

const VENDOR_EXAMPLE =
  '4940 303231373238303331383139 48432e2e 80000000 0000002d 00000000 00000000 00000000 00000000 00000000 48502e2e';
/** A base-option meter: BASE 12 345 678 Wh, 30 A subscribed, 4 A drawn, IMAX 32 A, 920 VA. */
const BASE_METER =
  '4941 303231373238303331383139 42415345 00bc614e 0000001e 00000004 00000020 00000398 80000000 80000000 54482e2e';

const status = (frameCounter: number, more: Record<string, boolean> = {}) => ({
  frameCounter,
  hardwareError: false,
  lowBattery: false,
  configurationDone: false,
  configurationInconsistency: false,
  readError: false,
  ...more,
});

describe('adeunis-tic-cbe-linky-mono uplinks (Adeunis TIC codec, historic mode labels)', () => {
  it.each([
    [
      'the vendor example: an off-peak/peak meter, BASE not sent',
      VENDOR_EXAMPLE,
      {
        type: '0x49 TIC data',
        status: status(2),
        ADCO: '021728031819',
        OPTARIF: 'HC..',
        BASEstatus: 'notFound',
        ISOUSC: { unit: 'A', value: 45 },
        IINST: { unit: 'A', value: 0 },
        IMAX: { unit: 'A', value: 0 },
        PAPP: { unit: 'VA', value: 0 },
        HCHC: { unit: 'Wh', value: 0 },
        HCHP: { unit: 'Wh', value: 0 },
        PTEC: 'HP..',
      },
    ],
    [
      'the 0x4a spec vector: a manually triggered alarm on ADCO',
      '4aa04144434f00000000000000303231373238303331383139',
      { type: '0x4a TIC alarm', status: status(5), label: 'ADCO', alarmType: 'manualTrigger', value: '021728031819' },
    ],
    [
      'a base-option meter, off-peak and peak indexes not sent',
      BASE_METER,
      {
        type: '0x49 TIC data',
        status: status(2, { configurationDone: true }),
        ADCO: '021728031819',
        OPTARIF: 'BASE',
        BASE: { unit: 'Wh', value: 12345678 },
        ISOUSC: { unit: 'A', value: 30 },
        IINST: { unit: 'A', value: 4 },
        IMAX: { unit: 'A', value: 32 },
        PAPP: { unit: 'VA', value: 920 },
        HCHCstatus: 'notFound',
        HCHPstatus: 'notFound',
        PTEC: 'TH..',
      },
    ],
    ['a TIC read error in the status byte (keep-alive)', '3038', { type: '0x30 Keep alive', status: status(1, { readError: true, configurationInconsistency: true }) }],
    [
      'the network configuration (LoRa: ADR, OTAA, duty cycle, class)',
      '2000 25 01',
      { type: '0x20 Configuration', status: status(0), loraAdr: true, loraProvisioningMode: 'OTAA', loraDutycyle: 'activated', loraClassMode: 'CLASS C' },
    ],
  ])('decodes %s', (_name, hex, fields) => {
    expect(decode(hex).fields).toEqual(fields);
  });

  it.each([
    [
      'an off-peak/peak meter: the index is HCHC + HCHP',
      VENDOR_EXAMPLE.replace('00000000 00000000 48502e2e', '00001000 00002000 48502e2e'),
      [
        { metric: 'energyIndexWh', value: 0x3000 },
        { metric: 'subscribedCurrentA', value: 45 },
        { metric: 'currentA', value: 0 },
        { metric: 'apparentPowerVA', value: 0 },
      ],
    ],
    [
      'a base-option meter: the index is BASE',
      BASE_METER,
      [
        { metric: 'energyIndexWh', value: 12345678 },
        { metric: 'subscribedCurrentA', value: 30 },
        { metric: 'currentA', value: 4 },
        { metric: 'apparentPowerVA', value: 920 },
      ],
    ],
  ])('observes %s', (_name, hex, observations) => {
    expect(decode(hex).observations).toEqual(observations);
  });

  it.each([
    ['a data frame cut short', VENDOR_EXAMPLE.slice(0, -9), 2],
    ['a data frame one byte too long', `${VENDOR_EXAMPLE}00`, 50],
    ['an alarm without its type byte', '4aa04144434f000000000000', 12],
    ['a configuration frame (0x10), not handled', '1000 0a 0006 01 0001', 0],
    ['an empty frame', '', 0],
  ])('refuses %s, naming the byte', (_name, hex, byteIndex) => {
    const error = payloadErrorOf(() => decode(hex));
    expect(error.byteIndex).toBe(byteIndex);
    expect(error.message).toMatch(/^adeunis-tic-cbe-linky-mono, port 1, octet \d+ : /);
  });
});

describe('adeunis-tic-cbe-linky-mono device side and network-server objects', () => {
  it('encodes the vendor example byte for byte from its decoded fields', () => {
    const { fPort, bytes } = tic.encodeUplink!(decode(VENDOR_EXAMPLE).fields);
    expect(fPort).toBe(1);
    expect(bytesToHex(bytes)).toBe(VENDOR_EXAMPLE.replace(/ /g, ''));
  });

  it('takes bare numbers from a simulator and round-trips them', () => {
    const { bytes } = tic.encodeUplink!({ ADCO: '041876097613', OPTARIF: 'BASE', BASE: 5000, ISOUSC: 45, IINST: 12, IMAX: 60, PAPP: 2760, PTEC: 'TH..' });
    expect(tic.decodeUplink(1, bytes).fields).toMatchObject({
      ADCO: '041876097613',
      BASE: { unit: 'Wh', value: 5000 },
      PAPP: { unit: 'VA', value: 2760 },
      HCHCstatus: 'notFound',
    });
  });

  it('normalises the vendor decoder’s output as TTS delivers it (wrapped in { bytes })', () => {
    const frame = decode(BASE_METER);
    expect(tic.normaliseObject!({ bytes: { ...frame.fields } })).toEqual(frame);
    expect(tic.normaliseObject!({ ...frame.fields })).toEqual(frame);
  });

  it('rejects labels that do not fit on the device side', () => {
    expect(() => tic.encodeUplink!({ ADCO: '0123456789012345' })).toThrow(RangeError);
    expect(() => tic.encodeUplink!({ PAPP: -1 })).toThrow(RangeError);
  });
});
