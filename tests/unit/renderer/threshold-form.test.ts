import { describe, expect, it } from 'vitest';
import { draftOf, updateOf } from '../../../renderer/admin/thresholds/threshold-form';
import { ConsoleStore, manualScheduler } from '../../../renderer/state';
import { THRESHOLD_DEFINITIONS, type Threshold } from '../../../shared/domain/thresholds';
import { snapshot } from './fixtures';

const co2 = THRESHOLD_DEFINITIONS.get('co2.high')!;
const CO2: Threshold = { condition: 'co2.high', raise: 1500, clear: 1400.5, delaySeconds: 0, priority: 'medium', overridden: false };

describe('the thresholds form', () => {
  it('shows the numbers as a French admin writes them', () => {
    expect(draftOf(CO2, 'fr')).toEqual({ raise: '1\u202f500', clear: '1\u202f400,5', delaySeconds: '0', priority: 'medium' });
  });

  it.each([
    [{ raise: '1 200', clear: '1 100,5', delaySeconds: '30' }, { update: { raise: 1200, clear: 1100.5, delaySeconds: 30, priority: 'medium' } }],
    [{ raise: '1\u202f200', clear: '1100.5', delaySeconds: '0' }, { update: { raise: 1200, clear: 1100.5, delaySeconds: 0, priority: 'medium' } }],
    [{ raise: 'mille', clear: '1 100', delaySeconds: '0' }, { field: 'raise', text: 'mille' }],
    [{ raise: '1 200', clear: '', delaySeconds: '0' }, { field: 'clear', text: '' }],
  ] as const)('reads %j as %j', (typed, expected) => {
    expect(updateOf(co2, { ...typed, priority: 'medium' })).toEqual(expected);
  });

  it('sends only what a condition has: a camera offline has a delay and a priority', () => {
    const camera = THRESHOLD_DEFINITIONS.get('camera.offline')!;
    expect(updateOf(camera, { raise: '', clear: '', delaySeconds: '60', priority: 'high' })).toEqual({ update: { delaySeconds: 60, priority: 'high' } });
  });

  it('hands a journaled threshold change to the open screen', () => {
    const frames = manualScheduler();
    const store = new ConsoleStore((apply) => {
      frames.bind(apply);
      return frames;
    });
    const received: Threshold[] = [];
    store.onThresholdUpdated((threshold) => received.push(threshold));
    store.snapshot(snapshot(10, []), 'admin');
    store.events({ op: 'events', events: [{ seq: 11, at: '2026-11-23T08:00:00.000Z', type: 'threshold.updated', threshold: { ...CO2, raise: 1200, overridden: true } }] });
    frames.runFrame();
    expect(received.map((t) => t.raise)).toEqual([1200]);
  });
});
