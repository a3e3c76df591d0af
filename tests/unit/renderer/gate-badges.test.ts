import { describe, expect, it } from 'vitest';
import { gateBadges, type GatePosition } from '../../../renderer/map/gate-badges';
import { AssetBuffers } from '../../../renderer/state';
import { asset } from './fixtures';

describe('gate badges on the map', () => {
  it('draws a badge per gate that reported a position, and remembers what each one shows', () => {
    const buffers = AssetBuffers.fromAssets([
      asset({ id: 'gate-open', kind: 'gate', metrics: { gateOpen: true } }),
      asset({ id: 'gate-closed', kind: 'gate', metrics: { gateOpen: false } }),
      asset({ id: 'gate-silent', kind: 'gate' }),
      asset({ id: 'cab-1' }),
    ]);
    const drawn = new Map<string, GatePosition>();
    const layer = gateBadges(buffers, drawn);
    expect(Object.fromEntries(drawn)).toEqual({ 'gate-open': 'open', 'gate-closed': 'closed', 'gate-silent': 'unknown' });
    const data = layer.props.data as { asset: { id: string }; position: string }[];
    expect(data.map((b) => [b.asset.id, b.position])).toEqual([
      ['gate-open', 'open'],
      ['gate-closed', 'closed'],
    ]);
  });
});
