import { describe, expect, it } from 'vitest';
import { createStatusProbe } from '../../../renderer/app/status-probe';
import { ConsoleStore, manualScheduler } from '../../../renderer/state';
import type { AssetStatus, JournalEvent } from '../../../shared';
import { asset, snapshot } from './fixtures';

function setUp() {
  const frames = manualScheduler();
  const store = new ConsoleStore((apply) => {
    frames.bind(apply);
    return frames;
  });
  let clock = 1_000;
  const nextFrames: (() => void)[] = [];
  const probe = createStatusProbe(store, () => clock, (callback) => nextFrames.push(callback));
  store.snapshot(snapshot(10, [asset({ id: 'bin-1', kind: 'waste-container' }), asset({ id: 'bin-2', kind: 'waste-container' })]), 'operateur');
  frames.runFrame();
  const statusEvent = (seq: number, id: string, status: AssetStatus): JournalEvent => ({
    seq,
    at: '2025-11-23T10:01:00.000Z',
    type: 'asset.updated',
    asset: asset({ id, kind: 'waste-container', status }),
  });
  return {
    store,
    probe,
    statusEvent,
    /** The store applies what came in this frame at `at`; the next frame starts at `drawnAt`. */
    frame(at: number, drawnAt: number) {
      clock = at;
      frames.runFrame();
      clock = drawnAt;
      for (const callback of nextFrames.splice(0)) callback();
    },
    setClock: (at: number) => (clock = at),
    frames,
  };
}

describe('status probe (alarm-latency benchmark hook)', () => {
  it('records when a watched asset took its new status and when the next frame began', () => {
    const { store, probe, statusEvent, frame } = setUp();
    probe.watch(['bin-1']);
    store.events({ op: 'events', events: [statusEvent(11, 'bin-1', 'alarm'), statusEvent(12, 'bin-2', 'alarm')] });
    frame(2_000, 2_016);
    store.events({ op: 'events', events: [statusEvent(13, 'bin-1', 'alarm')] });
    frame(3_000, 3_016);
    store.events({ op: 'events', events: [statusEvent(14, 'bin-1', 'ok')] });
    frame(4_000, 4_020);

    // bin-2 is not watched; the repeated « alarm » of seq 13 is no change.
    expect(probe.take()).toEqual([
      { assetId: 'bin-1', status: 'alarm', appliedAt: 2_000, drawnAt: 2_016 },
      { assetId: 'bin-1', status: 'ok', appliedAt: 4_000, drawnAt: 4_020 },
    ]);
    expect(probe.take()).toEqual([]);
  });

  it('keeps a record whose frame has not come yet for the next take', () => {
    const { store, probe, statusEvent, frames, setClock, frame } = setUp();
    probe.watch(['bin-2']);
    store.events({ op: 'events', events: [statusEvent(11, 'bin-2', 'warning')] });
    setClock(5_000);
    frames.runFrame();
    expect(probe.take()).toEqual([]);
    frame(5_100, 5_040); // nothing new to apply; the frame after the apply begins at 5,040
    expect(probe.take()).toEqual([{ assetId: 'bin-2', status: 'warning', appliedAt: 5_000, drawnAt: 5_040 }]);
  });
});
