import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '../../../electron/hub/codecs/bytes';
import { INDOOR_AND_METER_CODECS } from '../../../electron/hub/codecs/group-indoor-meters';
import { WASTE_AND_IO_CODECS } from '../../../electron/hub/codecs/group-waste-io';
import { getCodec, listCodecs } from '../../../electron/hub/codecs/registry';

describe('codec registry', () => {
  it('lists the models of this slice under their fixed ids, then each family group', () => {
    expect(listCodecs().map((codec) => codec.model).slice(0, 7)).toEqual([
      'milesight-am307',
      'milesight-wt101',
      'mclimate-vicki',
      'milesight-em310-udl',
      'milesight-ws558',
      'dragino-lt22222-l',
      'vms-camera',
    ]);
    // The groups are filled in parallel; a model id used twice would silently replace a codec.
    expect(listCodecs()).toHaveLength(7 + INDOOR_AND_METER_CODECS.length + WASTE_AND_IO_CODECS.length);
  });

  it('gives every model a vendor and a French description', () => {
    for (const codec of listCodecs()) {
      expect(codec.vendor).not.toBe('');
      expect(codec.description.length).toBeGreaterThan(10);
    }
  });

  it('answers undefined for an unknown model', () => {
    expect(getCodec('acme-unknown')).toBeUndefined();
  });
});

describe('hex helpers', () => {
  it.each([
    ['0367EE00', '0367ee00'],
    ['03 67 ee 00', '0367ee00'],
    ['0x0367', '0367'],
    ['', ''],
  ])('reads %j', (hex, normalised) => {
    expect(bytesToHex(hexToBytes(hex))).toBe(normalised);
  });

  it.each([['036'], ['03zz']])('refuses %j', (hex) => {
    expect(() => hexToBytes(hex)).toThrow(/hexadécimal invalide/);
  });
});
