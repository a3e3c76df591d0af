import { describe, expect, it } from 'vitest';
import { formatMetrics, splitMetrics } from '../../../renderer/assets/metric-format';
import { searchAssets, sortSpatially } from '../../../renderer/state';
import { asset } from './fixtures';

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
  const records = [
    asset({ id: 'sch-91228-001', name: 'École primaire Jules-Ferry' }),
    asset({ id: 'cab-91228-002', name: 'Armoire EP rue de l’École' }),
    asset({ id: 'bin-91228-003', name: 'Colonne à verre – parking' }),
  ];

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
