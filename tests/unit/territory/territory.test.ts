import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DevEui } from '../../../shared/domain/assets';
import { generateTerritory, territoryInfo, MODELS, type TerritoryName, type TerritorySeed } from '../../../electron/hub/territory';
import { loadCommunes } from '../../../electron/hub/territory/communes';
import { insideShape, distanceSquaredM2 } from '../../../electron/hub/territory/geometry';
import { territoryPlan } from '../../../electron/hub/territory/plan';
import { getCodec } from '../../../electron/hub/codecs/registry';

const digest = (seed: TerritorySeed): string => createHash('sha256').update(JSON.stringify(seed)).digest('hex');
const countBy = <T,>(items: readonly T[], key: (item: T) => string): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};

const territories = {
  essonne: generateTerritory('essonne'),
  finistere: generateTerritory('finistere'),
} satisfies Record<TerritoryName, TerritorySeed>;

describe.each(['essonne', 'finistere'] as const)('%s demo territory', (name) => {
  const territory = territories[name];

  it('comes out identical on every run', () => {
    expect(digest(generateTerritory(name))).toBe(digest(territory));
  });

  it('puts every asset and gateway inside its own commune', () => {
    const shapes = new Map(loadCommunes(territoryPlan(name).communesFile).map((c) => [c.code, c.shape]));
    const outside = [...territory.assets, ...territory.gateways].filter((item) => {
      const shape = shapes.get(item.commune);
      return !shape || !insideShape(item.lon, item.lat, shape);
    });
    expect(outside.map((a) => a.id)).toEqual([]);
  });

  it('has unique asset ids, readable by kind, and unique lowercase 16-hex DevEUIs', () => {
    expect(new Set(territory.assets.map((a) => a.id)).size).toBe(territory.assets.length);
    for (const asset of territory.assets) expect(asset.id).toMatch(/^(cab|lamp|bin|bld|sch|cam|gate)-\d{5}-\d+$/);
    const euis = territory.devices.map((d) => d.devEui);
    expect(new Set(euis).size).toBe(euis.length);
    expect(euis.filter((eui) => !DevEui.safeParse(eui).success)).toEqual([]);
    expect(new Set(territory.gateways.map((g) => g.id)).size).toBe(territory.gateways.length);
  });

  it('gives every school a classroom air sensor and a radiator thermostat', () => {
    const modelsOf = new Map<string, string[]>();
    for (const d of territory.devices) modelsOf.set(d.assetId, [...(modelsOf.get(d.assetId) ?? []), d.model]);
    const schools = territory.assets.filter((a) => a.category === 'school');
    expect(schools.length).toBeGreaterThan(300);
    for (const school of schools) {
      expect([
        [MODELS.airQuality, MODELS.thermostat],
        [MODELS.airQuality, MODELS.legacyThermostat],
      ]).toContainEqual(modelsOf.get(school.id));
    }
  });

  it('fits most schools, the first one included, with heads that take half degrees; one in five keeps whole-degree WT101s', () => {
    const schools = territory.assets.filter((a) => a.category === 'school');
    const thermostatOf = new Map(
      territory.devices.filter((d) => d.model === MODELS.thermostat || d.model === MODELS.legacyThermostat).map((d) => [d.assetId, d.model]),
    );
    expect(thermostatOf.get(schools[0]!.id)).toBe(MODELS.thermostat);
    expect(getCodec(MODELS.thermostat)?.encodeDownlink?.({ type: 'heating.setpoint', celsius: 19.5 })).toBeDefined();
    const legacy = schools.filter((s) => thermostatOf.get(s.id) === MODELS.legacyThermostat).length;
    expect(legacy).toBe(Math.floor(schools.length / 5));
  });

  it('reports every LoRaWAN device through its nearest gateway', () => {
    const assets = new Map(territory.assets.map((a) => [a.id, a]));
    for (const device of territory.devices) {
      const asset = assets.get(device.assetId);
      expect(asset, device.assetId).toBeDefined();
      if (!asset || device.model === MODELS.camera) continue;
      const distances = territory.gateways.map((g) => distanceSquaredM2([asset.lon, asset.lat], [g.lon, g.lat]));
      const nearest = territory.gateways[distances.indexOf(Math.min(...distances))];
      expect(device.gatewayId).toBe(nearest?.id);
    }
  });

  it('keeps thermostats quick enough for a setpoint round trip, and the total uplink rate bounded', () => {
    const thermostats = territory.devices.filter((d) => d.model === MODELS.thermostat || d.model === MODELS.legacyThermostat);
    for (const t of thermostats) expect(t.uplinkPeriodS).toBeGreaterThanOrEqual(20);
    for (const t of thermostats) expect(t.uplinkPeriodS).toBeLessThanOrEqual(40);
    const uplinksPerS = territory.devices.reduce((sum, d) => sum + 1 / d.uplinkPeriodS, 0);
    expect(uplinksPerS).toBeLessThan(300);
  });

  it('gives the rules their settings: bin depth, cabinet contracted power, school heating bounds', () => {
    for (const asset of territory.assets) {
      if (asset.kind === 'waste-container') expect(asset.settings?.depthMm).toBeGreaterThan(500);
      if (asset.kind === 'lighting-cabinet') {
        const { lampCount, lampPowerW, contractedPowerW } = asset.settings ?? {};
        expect(Number(contractedPowerW)).toBeGreaterThanOrEqual(Number(lampCount) * Number(lampPowerW));
      }
      if (asset.category === 'school') {
        expect(asset.settings).toMatchObject({ setpointMinC: 16, setpointMaxC: 22, zone: name === 'essonne' ? 'C' : 'B' });
      }
    }
  });

  it('lists every commune that has assets, with its name', () => {
    const listed = new Set(territory.communes.map((c) => c.code));
    for (const asset of territory.assets) expect(listed.has(asset.commune)).toBe(true);
  });
});

describe('essonne', () => {
  const essonne = territories.essonne;

  it('holds about 3,000 assets of every supervised kind over the 196 communes', () => {
    const kinds = countBy(essonne.assets, (a) => a.category ?? a.kind);
    expect(essonne.assets.length).toBeGreaterThan(2_500);
    expect(essonne.assets.length).toBeLessThan(3_600);
    expect(essonne.communes).toHaveLength(196);
    expect(kinds['town-hall']).toBe(196);
    expect(kinds['lighting-cabinet']).toBeGreaterThan(500);
    expect(kinds['waste-container']).toBeGreaterThan(500);
    expect(kinds.school).toBeGreaterThan(300);
    expect(kinds.camera).toBeGreaterThan(150);
    expect(kinds.gate).toBeGreaterThan(50);
    expect(kinds['street-lamp']).toBeUndefined();
    expect(essonne.gateways.length).toBeGreaterThanOrEqual(30);
    expect(essonne.gateways.length).toBeLessThanOrEqual(60);
  });

  it('gives bigger communes more assets, and names them as French communes do', () => {
    const perCommune = countBy(essonne.assets, (a) => a.commune);
    expect(perCommune['91377']).toBeGreaterThan(5 * (perCommune['91001'] ?? 0)); // Massy vs Abbéville-la-Rivière
    const names = new Set(essonne.assets.map((a) => a.name));
    expect(names).toContain('Mairie de Massy');
    expect(names).toContain('Mairie des Ulis');
    expect(names).toContain('Portail du cimetière de Palaiseau');
    expect([...names].some((n) => /^École élémentaire [A-ZÉ]/.test(n))).toBe(true);
    expect([...names].some((n) => /^Armoire EP n° \d+ – /.test(n))).toBe(true);
  });

  it('stands the town hall of Massy in Massy', () => {
    const mairie = essonne.assets.find((a) => a.name === 'Mairie de Massy');
    expect(mairie).toBeDefined();
    // Massy's town hall is at about 2.271° E, 48.730° N; the outline's middle is within a few km.
    expect(distanceSquaredM2([mairie?.lon ?? 0, mairie?.lat ?? 0], [2.271, 48.73])).toBeLessThan(3_000 ** 2);
  });
});

describe('finistere', () => {
  const finistere = territories.finistere;

  it('is at SDEF scale: 3,900 cabinets, 90,000 street lamps, about 100k assets', () => {
    const kinds = countBy(finistere.assets, (a) => a.category ?? a.kind);
    expect(kinds['lighting-cabinet']).toBe(3_900);
    expect(kinds['street-lamp']).toBe(90_000);
    expect(kinds['waste-container']).toBe(2_000);
    expect(kinds.camera).toBe(400);
    const buildings = finistere.assets.filter((a) => a.kind === 'building').length;
    expect(buildings).toBeGreaterThan(900);
    expect(buildings).toBeLessThan(1_100);
    expect(finistere.assets.length).toBeGreaterThan(95_000);
    expect(finistere.assets.length).toBeLessThan(105_000);
    expect(finistere.gateways.length).toBeGreaterThanOrEqual(24);
    expect(finistere.gateways.length).toBeLessThanOrEqual(60);
  });

  it('hangs each street lamp off its cabinet, near it, with no device of its own', () => {
    const cabinets = new Map(finistere.assets.filter((a) => a.kind === 'lighting-cabinet').map((c) => [c.id, c]));
    const lampsPerCabinet = new Map<string, number>();
    for (const lamp of finistere.assets) {
      if (lamp.kind !== 'street-lamp') continue;
      const cabinet = cabinets.get(lamp.parentId ?? '');
      expect(cabinet, lamp.id).toBeDefined();
      if (!cabinet) continue;
      expect(lamp.commune).toBe(cabinet.commune);
      expect(distanceSquaredM2([lamp.lon, lamp.lat], [cabinet.lon, cabinet.lat])).toBeLessThan(2_000 ** 2);
      lampsPerCabinet.set(cabinet.id, (lampsPerCabinet.get(cabinet.id) ?? 0) + 1);
    }
    for (const cabinet of cabinets.values()) expect(lampsPerCabinet.get(cabinet.id)).toBe(cabinet.settings?.lampCount);
    const withDevices = new Set(finistere.devices.map((d) => d.assetId));
    expect(finistere.assets.some((a) => a.kind === 'street-lamp' && withDevices.has(a.id))).toBe(false);
  });
});

describe('territoryInfo', () => {
  it.each([
    ['essonne', 'Essonne', '91'],
    ['finistere', 'Finistère', '29'],
  ] as const)('%s is labelled « %s », département %s, with bounds around its communes', (name, label, code) => {
    const info = territoryInfo(name);
    expect(info.label).toBe(label);
    expect(info.departements).toEqual([code]);
    const [w, s, e, n] = info.bounds;
    for (const a of territories[name].assets) {
      expect(a.lon >= w && a.lon <= e && a.lat >= s && a.lat <= n).toBe(true);
    }
  });
});
