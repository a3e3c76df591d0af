import { describe, expect, it } from 'vitest';
import type { LogbookHandover } from '../../../shared/domain/logbook';
import { handoverCsv, handoverCsvRows, HANDOVER_CSV_COLUMNS, type CsvNames } from '../../../electron/hub/logbook/logbook-csv';
import { parisTimestamp } from '../../../electron/hub/spreadsheet-csv';

const names: CsvNames = {
  asset: (id) => ({ 'bin-1': 'Conteneur verre — place de la Mairie', 'sch-1': 'École Jules Ferry' })[id],
  commune: (code) => (code === '91377' ? 'Massy' : undefined),
};

const handover: LogbookHandover = {
  from: '2026-11-22T19:00:00.000Z',
  to: '2026-11-23T07:00:00.000Z',
  generatedAt: '2026-11-23T07:00:00.000Z',
  open: {
    unacknowledged: [
      { id: 'al-1', assetId: 'bin-1', commune: '91377', condition: 'fill.high', priority: 'high', state: 'unacknowledged', message: 'Remplissage 92 %', raisedAt: '2026-11-23T05:00:00.000Z', lastAt: '2026-11-23T05:00:00.000Z', count: 1 },
    ],
    acknowledged: [],
    shelved: [
      {
        id: 'al-2', assetId: 'bin-1', commune: '91377', condition: 'battery.low', priority: 'low', state: 'shelved', message: 'Pile faible', raisedAt: '2026-11-22T20:00:00.000Z', lastAt: '2026-11-22T20:00:00.000Z', count: 1,
        shelvedBy: 'operateur', shelvedAt: '2026-11-22T21:00:00.000Z', shelvedUntil: '2026-11-23T09:00:00.000Z', shelveReason: 'Pile commandée',
      },
    ],
    pendingCommands: [],
  },
  done: {
    acknowledgements: [],
    commands: [
      { id: 'cmd-1', assetId: 'sch-1', commune: '91377', type: 'heating.setpoint', params: { celsius: 19.5 }, state: 'failed', requestedBy: 'operateur', requestedAt: '2026-07-01T06:00:00.000Z', updatedAt: '2026-07-01T06:10:00.000Z', detail: 'Refusée; réessayez', history: [] },
    ],
    entries: [
      { id: 'lb-1', at: '2026-11-23T06:30:00.000Z', author: 'astreinte', kind: 'note', commune: '91377', text: '-1 benne manquante\r\nà vérifier', links: [{ kind: 'asset', id: 'bin-1', assetId: 'bin-1', label: 'Conteneur verre — place de la Mairie' }] },
    ],
  },
  totals: { unacknowledged: 1, acknowledged: 0, shelved: 1, pendingCommands: 0, acknowledgements: 0, commands: 1, entries: 1 },
};

describe('handover CSV', () => {
  it('writes one row per item, section first, names beside the ids, Paris time with its offset', () => {
    expect(handoverCsvRows(handover, names)).toEqual([
      ['En cours — non acquittée', '2026-11-23T06:00:00+01:00', '', 'Massy (91377)', 'Conteneur verre — place de la Mairie', 'Remplissage 92 %', 'non acquittée', 'priorité : haute', '', 'al-1'],
      ['En cours — mise de côté', '2026-11-22T22:00:00+01:00', 'operateur', 'Massy (91377)', 'Conteneur verre — place de la Mairie', 'Pile faible', 'mise de côté', 'motif : Pile commandée ; échéance : 23/11/2026 10:00 ; priorité : basse', '', 'al-2'],
      // Summer time: +02:00.
      ['Commande', '2026-07-01T08:00:00+02:00', 'operateur', 'Massy (91377)', 'École Jules Ferry', 'Consigne de chauffage 19,5 °C', 'en échec', 'Refusée; réessayez', '', 'cmd-1'],
      ['Main courante', '2026-11-23T07:30:00+01:00', 'astreinte', 'Massy (91377)', 'Conteneur verre — place de la Mairie', '-1 benne manquante\r\nà vérifier', '', '', 'asset bin-1 : Conteneur verre — place de la Mairie', 'lb-1'],
    ]);
  });

  it('is a document a French spreadsheet opens: BOM, ; separators, CRLF, quoted breaks, no formula', () => {
    const { csv, rows } = handoverCsv(handover, names);
    expect(rows).toBe(4);
    expect(csv.startsWith(`\uFEFF${HANDOVER_CSV_COLUMNS.join(';')}\r\n`)).toBe(true);
    expect(csv).toContain('"Refusée; réessayez"');
    expect(csv).toContain(`"'-1 benne manquante\r\nà vérifier"`);
    expect(csv.endsWith('lb-1\r\n')).toBe(true);
  });
});

describe('Paris timestamps', () => {
  it.each([
    ['2026-01-15T12:00:00Z', '2026-01-15T13:00:00+01:00'],
    ['2026-07-15T12:00:00Z', '2026-07-15T14:00:00+02:00'],
    // The October night: 02:30 happens twice, the offset tells them apart.
    ['2026-10-25T00:30:00Z', '2026-10-25T02:30:00+02:00'],
    ['2026-10-25T01:30:00Z', '2026-10-25T02:30:00+01:00'],
    ['2026-12-31T23:30:00Z', '2027-01-01T00:30:00+01:00'],
  ])('%s → %s', (iso, expected) => {
    expect(parisTimestamp(iso)).toBe(expected);
  });
});
