import { describe, expect, it } from 'vitest';
import { formatMetrics, splitMetrics } from '../../../renderer/assets/metric-format';
import { findAssets } from '../../../renderer/admin/devices/AssetPicker';
import { AssetBuffers, searchBuffers, sortSpatially } from '../../../renderer/state';
import { decodeSnapshotFrame, encodeSnapshotFrame } from '../../../shared/protocol/snapshot-frame';
import { asset, snapshot } from './fixtures';

const yesNo = { yes: 'oui', no: 'non' };

describe('asset panel values', () => {
  it('formats catalogue metrics with units in French, catalogue order, unknown ones last', () => {
    const lines = formatMetrics({ zeta: 2.5, co2Ppm: 1234, temperatureC: 19.46, doorOpen: false }, 'fr', yesNo);
    expect(lines.map((l) => [l.label, l.text])).toEqual([
      ['Température', '19,5\u00a0°C'],
      ['CO₂', '1\u202f234\u00a0ppm'],
      ['Porte ouverte', 'non'],
      ['zeta', '2,50'],
    ]);
  });

  it('sets link-quality readings apart from measures', () => {
    const { measures, link } = splitMetrics(formatMetrics({ fillPercent: 80, rssiDbm: -110, batteryPercent: 90 }, 'fr', yesNo));
    expect(measures.map((m) => m.id)).toEqual(['fillPercent']);
    expect(link.map((m) => m.id)).toEqual(['batteryPercent', 'rssiDbm']);
  });
});

describe('asset search', () => {
  const records = AssetBuffers.fromAssets([
    asset({ id: 'sch-91228-001', name: 'École primaire Jules-Ferry' }),
    asset({ id: 'cab-91228-002', name: 'Armoire EP rue de l’École' }),
    asset({ id: 'bin-91228-003', name: 'Colonne à verre – parking' }),
  ]);
  const searchAssets = searchBuffers;

  it('finds by name without accents or case, names starting with the query first', () => {
    expect(searchAssets(records, 'ecole', 5).map((a) => a.id)).toEqual(['sch-91228-001', 'cab-91228-002']);
  });

  it('finds by id, exact id first', () => {
    expect(searchAssets(records, 'BIN-91228-003', 5).map((a) => a.id)).toEqual(['bin-91228-003']);
  });

  it('needs every word', () => {
    expect(searchAssets(records, 'armoire ecole', 5).map((a) => a.id)).toEqual(['cab-91228-002']);
    expect(searchAssets(records, '   ', 5)).toEqual([]);
  });
});

describe('admin pickers over a binary snapshot', () => {
  // 600 assets over three blocks, in two communes: pickers filter by kind and commune from the
  // columns and decode only the records they show.
  const assets = Array.from({ length: 600 }, (_, i) =>
    asset({
      id: `a-${String(i).padStart(3, '0')}`,
      kind: i % 3 === 0 ? 'building' : 'lighting-cabinet',
      name: i % 3 === 0 ? `École ${i}` : `Armoire ${i}`,
      commune: i < 300 ? '29019' : '29232',
    }),
  );
  const fresh = () => AssetBuffers.fromFrame(decodeSnapshotFrame(encodeSnapshotFrame(snapshot(1, assets))));
  const communeName = (code: string) => (code === '29019' ? 'Brest' : 'Quimper');

  it('the device asset picker matches name, id and commune name, among the kinds the model fits', () => {
    const buffers = fresh();
    const found = findAssets(buffers, 'ecole quimper', ['building'], communeName);
    expect(found.length).toBe(8);
    expect(found.every((a) => a.kind === 'building' && a.commune === '29232' && a.name.startsWith('École'))).toBe(true);
    expect(buffers.records.decoded).toBe(8);
    expect(findAssets(buffers, 'a-007', null, communeName).map((a) => a.id)).toEqual(['a-007']);
  });

  it('the site picker searches only the chosen communes', () => {
    const buffers = fresh();
    const found = searchBuffers(buffers, 'armoire', 20, (i) => buffers.communeAt(i) === '29019');
    expect(found).toHaveLength(20);
    expect(found.every((a) => a.commune === '29019')).toBe(true);
    expect(buffers.records.decoded).toBe(20);
  });

  it('reads the commune of a record an event replaced from that record', () => {
    const buffers = fresh();
    const index = buffers.indexOf('a-001')!;
    expect(buffers.communeAt(index)).toBe('29019');
    buffers.update(index, { ...buffers.records.at(index)!, commune: '29232' });
    expect(buffers.communeAt(index)).toBe('29232');
  });
});

describe('spatial order of street lamps', () => {
  it('keeps neighbours together so a run of lamps covers a small area', () => {
    // Two clusters far apart, interleaved in the input.
    const lamps = Array.from({ length: 100 }, (_, i) =>
      asset({ id: `l-${i}`, kind: 'street-lamp', lon: (i % 2 ? 4 : -4) + (i % 7) * 0.001, lat: 48 + (i % 5) * 0.001 }),
    );
    const sorted = sortSpatially(lamps);
    expect(sorted).toHaveLength(100);
    const firstHalf = sorted.slice(0, 50).map((a) => Math.sign(a.lon));
    expect(new Set(firstHalf).size).toBe(1);
  });
});
