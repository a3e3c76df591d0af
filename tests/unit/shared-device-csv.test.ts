import { describe, expect, it } from 'vitest';
import { listCodecs } from '../../electron/hub/codecs/registry';
import {
  DEFAULT_UPLINK_PERIOD_S,
  describeDeviceProblem,
  parseDeviceCsv,
  registryProblem,
  type DeviceRegistryView,
} from '../../shared/domain/device-csv';
import { DEVICE_MODELS, deviceModelName, modelFitsKind } from '../../shared/domain/device-models';
import type { AssetKind } from '../../shared/domain/assets';

/** A registry with one school, one bin and one device already declared. */
const ASSETS: Record<string, AssetKind> = { 'bld-91377-001': 'building', 'bin-91377-001': 'waste-container' };
const registry: DeviceRegistryView = {
  assetKind: (id) => ASSETS[id],
  isDeclared: (devEui) => devEui === '24e1247300000001',
};

describe('device CSV', () => {
  it.each([
    ['semicolons with a header', 'DevEUI;modèle;équipement;période\nA84041000000C001;milesight-am307;bld-91377-001;600', 600],
    ['commas without a header', 'a84041000000c001,milesight-am307,bld-91377-001,600', 600],
    ['a UTF-8 BOM before the header (Excel « CSV UTF-8 »)', '\uFEFFDevEUI;modèle;équipement\r\na84041000000c001;milesight-am307;bld-91377-001', DEFAULT_UPLINK_PERIOD_S],
    ['quoted cells and blank or comment lines', '# relevé du 12 mars\n\n"a84041000000c001";"milesight-am307";"bld-91377-001"\n', DEFAULT_UPLINK_PERIOD_S],
  ])('reads %s', (_what, csv, period) => {
    const rows = parseDeviceCsv(csv);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.declaration).toEqual({ devEui: 'a84041000000c001', model: 'milesight-am307', assetId: 'bld-91377-001', uplinkPeriodS: period });
  });

  it('numbers lines as the spreadsheet does, header and blank lines included', () => {
    const rows = parseDeviceCsv('DevEUI;modèle;équipement\n\na84041000000c001;milesight-am307;bld-91377-001');
    expect(rows.map((r) => r.line)).toEqual([3]);
  });

  it.each([
    ['a DevEUI too short', 'a84041c001;milesight-am307;bld-91377-001', { reason: 'dev-eui', field: 'devEui', value: 'a84041c001' }, /DevEUI invalide « a84041c001 »/],
    ['a DevEUI not hexadecimal', 'a84041000000c00g;milesight-am307;bld-91377-001', { reason: 'dev-eui', field: 'devEui' }, /16 chiffres hexadécimaux/],
    ['an unknown model', 'a84041000000c001;acme-x1;bld-91377-001', { reason: 'model', field: 'model', value: 'acme-x1' }, /modèle inconnu « acme-x1 »/],
    ['a missing asset column', 'a84041000000c001;milesight-am307', { reason: 'columns', field: 'assetId' }, /colonnes attendues/],
    ['a period out of range', 'a84041000000c001;milesight-am307;bld-91377-001;5', { reason: 'period', field: 'uplinkPeriodS', value: '5' }, /période invalide « 5 »/],
  ])('refuses %s, naming the field and why', (_what, csv, problem, french) => {
    const [row] = parseDeviceCsv(csv);
    expect(row).toMatchObject({ line: 1, problem });
    expect(describeDeviceProblem(row!.problem!)).toMatch(french);
  });

  it('refuses a DevEUI the file already declared, pointing at its first line', () => {
    const rows = parseDeviceCsv('a84041000000c001;milesight-am307;bld-91377-001\nA84041000000C001;dragino-ldds75;bin-91377-001');
    expect(rows[1]).toMatchObject({ line: 2, problem: { reason: 'duplicate', field: 'devEui', firstLine: 1 } });
    expect(describeDeviceProblem(rows[1]!.problem!)).toBe('DevEUI A84041000000C001 déjà présent ligne 1');
  });

  it.each([
    ['an unknown asset', { assetId: 'bld-00000-999' }, { reason: 'asset', field: 'assetId' }, /équipement « bld-00000-999 » introuvable/],
    ['a device already in the registry', { devEui: '24e1247300000001' }, { reason: 'declared', field: 'devEui' }, /déjà déclaré/],
    ['a model that does not fit the asset kind', { model: 'dragino-ldds75' }, { reason: 'kind', field: 'model', kind: 'building' }, /ne convient pas à un\(e\) bâtiment public \(prévu pour : conteneur à déchets\)/],
  ])('checks against the registry: refuses %s', (_what, change, problem, french) => {
    const declaration = { devEui: 'a84041000000c001', model: 'milesight-am307', assetId: 'bld-91377-001', uplinkPeriodS: 900, ...change };
    const found = registryProblem(declaration, registry);
    expect(found).toMatchObject(problem);
    expect(describeDeviceProblem(found!)).toMatch(french);
  });

  it('accepts a good declaration', () => {
    expect(registryProblem({ devEui: 'a84041000000c001', model: 'dragino-ldds75', assetId: 'bin-91377-001', uplinkPeriodS: 900 }, registry)).toBeUndefined();
  });
});

describe('device model catalogue', () => {
  it('names exactly the models the hub decodes, with their vendor', () => {
    const codecs = listCodecs().map((c) => ({ id: c.model, vendor: c.vendor })).sort((a, b) => a.id.localeCompare(b.id));
    const catalogue = DEVICE_MODELS.map((m) => ({ id: m.id, vendor: m.vendor })).sort((a, b) => a.id.localeCompare(b.id));
    expect(catalogue).toEqual(codecs);
  });

  it('gives a human name and at least one asset kind to every model', () => {
    expect(deviceModelName('milesight-am307')).toBe('Milesight AM307');
    expect(deviceModelName('acme-x1')).toBe('acme-x1');
    expect(modelFitsKind('milesight-ws558', 'lighting-cabinet')).toBe(true);
    expect(modelFitsKind('milesight-ws558', 'building')).toBe(false);
    for (const model of DEVICE_MODELS) expect(model.kinds.length).toBeGreaterThan(0);
  });
});
