import { describe, expect, it } from 'vitest';
import type { Asset } from '../../../shared';
import { commandableKinds, communesWithGroupAssets, groupImpact, impactSentence, pointInPolygon, selectFiltered, selectInPolygon } from '../../../renderer/groups';
import { progressCounts, progressKey } from '../../../renderer/groups/group-progress';
import { AssetBuffers } from '../../../renderer/state';
import { decodeSnapshotFrame, encodeSnapshotFrame } from '../../../shared/protocol/snapshot-frame';
import { asset, command, snapshot } from './fixtures';

const DIMMER = [{ type: 'lighting.dim' as const, dimmable: true }, { type: 'lighting.schedule' as const }];
const GATE = [{ type: 'gate.set' as const }, { type: 'gate.hours' as const }];

/** A square lasso from (2.0, 48.0) to (2.1, 48.1). */
const SQUARE = [
  [2.0, 48.0],
  [2.1, 48.0],
  [2.1, 48.1],
  [2.0, 48.1],
] as const;

function territory(): AssetBuffers {
  const assets: Asset[] = [
    asset({ id: 'cab-in-1', lon: 2.05, lat: 48.05, commune: '91001', accepts: DIMMER }),
    asset({ id: 'cab-in-2', lon: 2.01, lat: 48.09, commune: '91002', accepts: DIMMER }),
    asset({ id: 'cab-out', lon: 2.2, lat: 48.05, commune: '91001', accepts: DIMMER }),
    // Inside, but its controller takes no command (no accepts): never selected.
    asset({ id: 'cab-mute', lon: 2.06, lat: 48.06, commune: '91001' }),
    asset({ id: 'gate-in', kind: 'gate', lon: 2.07, lat: 48.02, commune: '91001', accepts: GATE }),
    asset({ id: 'bin-in', kind: 'waste-container', lon: 2.05, lat: 48.04, commune: '91001' }),
    ...Array.from({ length: 3 }, (_, i) => asset({ id: `lamp-${i}`, kind: 'street-lamp', lon: 2.05, lat: 48.05, parentId: i < 2 ? 'cab-in-1' : 'cab-out' })),
  ];
  return AssetBuffers.fromAssets(assets);
}

describe('point in polygon', () => {
  it.each([
    [2.05, 48.05, true],
    [2.2, 48.05, false],
    [1.99, 48.05, false],
    [2.05, 48.11, false],
  ])('(%f, %f) in the square → %s', (lon, lat, inside) => {
    expect(pointInPolygon(lon, lat, SQUARE)).toBe(inside);
  });

  it('follows a concave lasso (a U leaves its notch out)', () => {
    const u = [
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
    ] as const;
    expect(pointInPolygon(0.5, 2, u)).toBe(true);
    expect(pointInPolygon(1.5, 2, u)).toBe(false);
    expect(pointInPolygon(2.5, 2, u)).toBe(true);
  });
});

describe('group selection over the columnar buffers', () => {
  it('takes the cabinets inside the lasso that take a command, and nothing of other kinds', () => {
    expect(selectInPolygon(territory(), SQUARE, 'lighting-cabinet').sort()).toEqual(['cab-in-1', 'cab-in-2']);
    expect(selectInPolygon(territory(), SQUARE, 'gate')).toEqual(['gate-in']);
  });

  it('needs a polygon, not a line', () => {
    expect(selectInPolygon(territory(), SQUARE.slice(0, 2), 'lighting-cabinet')).toEqual([]);
  });

  it('selects what the commune filter shows, or every commandable one of the kind', () => {
    expect(selectFiltered(territory(), 'lighting-cabinet', '91001').sort()).toEqual(['cab-in-1', 'cab-out']);
    expect(selectFiltered(territory(), 'lighting-cabinet', null).sort()).toEqual(['cab-in-1', 'cab-in-2', 'cab-out']);
  });

  it('offers as communes those holding a commandable asset of the kind', () => {
    expect([...communesWithGroupAssets(territory(), 'lighting-cabinet')].sort()).toEqual(['91001', '91002']);
    expect([...communesWithGroupAssets(territory(), 'gate')]).toEqual(['91001']);
  });

  it('decodes, over a binary snapshot, only the records it has to read', () => {
    // 40 commandable cabinets in 4 communes, plus one mute cabinet in a fifth.
    const cabinets = Array.from({ length: 40 }, (_, i) => asset({ id: `cab-${i}`, commune: `9100${i % 4}`, accepts: DIMMER }));
    const fromFrame = () => AssetBuffers.fromFrame(decodeSnapshotFrame(encodeSnapshotFrame(snapshot(1, [...cabinets, asset({ id: 'cab-mute', commune: '91009' })]))));
    const listing = fromFrame();
    expect([...communesWithGroupAssets(listing, 'lighting-cabinet')].sort()).toEqual(['91000', '91001', '91002', '91003']);
    // The first cabinet of each commune answers for it; the mute one is read to learn it is mute.
    expect(listing.records.decoded).toBe(5);
    const filtering = fromFrame();
    expect(selectFiltered(filtering, 'lighting-cabinet', '91002')).toHaveLength(10);
    expect(filtering.records.decoded).toBe(10);
  });

  it("counts a group's lamps from the parents column, decoding no record", () => {
    const assets = territory().records.toArray();
    const buffers = AssetBuffers.fromFrame(decodeSnapshotFrame(encodeSnapshotFrame(snapshot(1, assets))));
    const group = new Set(['cab-in-1', 'cab-out']);
    expect(groupImpact(buffers, group)).toEqual(groupImpact(territory(), group));
    expect(groupImpact(buffers, group)).toEqual(expect.objectContaining({ cabinets: 2, lamps: 3, communes: 1 }));
    expect(buffers.records.decoded).toBe(0);
  });

  it('offers only the kinds the user may command', () => {
    expect(commandableKinds({ role: 'operator' })).toEqual(['lighting-cabinet', 'gate']);
    expect(commandableKinds({ role: 'elected' })).toEqual(['gate']);
    expect(commandableKinds({ role: 'oncall' })).toEqual([]);
    expect(commandableKinds({ role: 'operator', grants: [{ type: 'lighting.schedule' }] })).toEqual(['lighting-cabinet']);
  });
});

describe('impact wording', () => {
  const big = { cabinets: 12, lamps: 1840, gates: 0, communes: 3 };
  // French groups thousands with a narrow no-break space and puts a no-break space before %.
  const NNBSP = '\u202f';

  it('counts the lamps behind the selected cabinets and their communes', () => {
    expect(groupImpact(territory(), new Set(['cab-in-1', 'cab-in-2']))).toEqual({ cabinets: 2, lamps: 2, gates: 0, communes: 2 });
    expect(groupImpact(territory(), new Set(['gate-in']))).toEqual({ cabinets: 0, lamps: 0, gates: 1, communes: 1 });
  });

  it.each([
    [{ type: 'lighting.dim', percent: 0 }, `coupe 12 armoires, 1${NNBSP}840 points lumineux, 3 communes`],
    [{ type: 'lighting.dim', percent: 50 }, `passe 12 armoires à 50\u00a0%, 1${NNBSP}840 points lumineux, 3 communes`],
    [{ type: 'lighting.dim', percent: 100 }, `allume 12 armoires, 1${NNBSP}840 points lumineux, 3 communes`],
    [{ type: 'lighting.schedule' }, `applique le programme d’éclairage à 12 armoires, 1${NNBSP}840 points lumineux, 3 communes`],
  ] as const)('%j → « %s »', (action, sentence) => {
    expect(impactSentence('fr', big, action)).toBe(sentence);
  });

  it('says gates, singular where French is singular, and leaves out lamps nobody counted', () => {
    expect(impactSentence('fr', { cabinets: 0, lamps: 0, gates: 3, communes: 2 }, { type: 'gate.set', position: 'open' })).toBe('ouvre 3 portails de cimetière, 2 communes');
    expect(impactSentence('fr', { cabinets: 0, lamps: 0, gates: 1, communes: 1 }, { type: 'gate.set', position: 'closed' })).toBe('ferme 1 portail de cimetière, 1 commune');
    expect(impactSentence('fr', { cabinets: 1, lamps: 0, gates: 0, communes: 1 }, { type: 'lighting.dim', percent: 0 })).toBe('coupe 1 armoire, 1 commune');
  });

  it('speaks English with English numbers', () => {
    expect(impactSentence('en', big, { type: 'lighting.dim', percent: 0 })).toBe('switches off 12 cabinets, 1,840 street lights, 3 communes');
  });
});

describe('group progress', () => {
  it('counts the group’s commands per state', () => {
    const key = progressKey([command({ id: 'a', assetId: 'x', state: 'queued' }), command({ id: 'b', assetId: 'y', state: 'queued' }), command({ id: 'c', assetId: 'z', state: 'confirmed' })]);
    expect(progressCounts(key)).toMatchObject({ requested: 0, queued: 2, sent: 0, confirmed: 1, failed: 0 });
  });
});
