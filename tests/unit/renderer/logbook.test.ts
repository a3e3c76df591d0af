import { describe, expect, it } from 'vitest';
import type { LogbookEntry } from '../../../shared';
import { ConsoleStore, manualScheduler } from '../../../renderer/state';
import { mergeEntries } from '../../../renderer/logbook/entry-feed';
import { handoverFilename } from '../../../renderer/logbook/download';
import { asset, snapshot } from './fixtures';

const entry = (id: string, at: string, text = id): LogbookEntry => ({ id, at, author: 'operateur', kind: 'note', text, links: [] });

describe('main courante in the console', () => {
  it('keeps each entry once, newest first, whether the page or the live event came first', () => {
    const page = [entry('lb-b', '2026-11-23T08:00:00.000Z'), entry('lb-a', '2026-11-23T07:00:00.000Z')];
    const live = [entry('lb-c', '2026-11-23T09:00:00.000Z'), entry('lb-b', '2026-11-23T08:00:00.000Z')];
    expect(mergeEntries(page, live).map((e) => e.id)).toEqual(['lb-c', 'lb-b', 'lb-a']);
    expect(mergeEntries(live, page).map((e) => e.id)).toEqual(['lb-c', 'lb-b', 'lb-a']);
    // Same instant (one batch): a stable order by id.
    expect(mergeEntries([], [entry('lb-1', '2026-11-23T08:00:00.000Z'), entry('lb-2', '2026-11-23T08:00:00.000Z')]).map((e) => e.id)).toEqual(['lb-2', 'lb-1']);
  });

  it('names the export after the day the shift ended, in Paris', () => {
    expect(handoverFilename('2026-11-23T06:00:00.000Z')).toBe('beffroi-main-courante-2026-11-23.csv');
    // 23:30 UTC on the 22nd is already the 23rd in Paris.
    expect(handoverFilename('2026-11-22T23:30:00.000Z')).toBe('beffroi-main-courante-2026-11-23.csv');
  });

  it('hands live entries to the panel once per frame, after the snapshot they follow', () => {
    const frames = manualScheduler();
    const store = new ConsoleStore((apply) => {
      frames.bind(apply);
      return frames;
    });
    const received: string[][] = [];
    store.onLogbookAdded((entries) => received.push(entries.map((e) => e.id)));
    store.snapshot(snapshot(10, [asset({ id: 'bin-1' })]), 'operateur');
    store.events({
      op: 'events',
      events: [
        { seq: 11, at: '2026-11-23T08:00:00.000Z', type: 'logbook.added', entry: entry('lb-1', '2026-11-23T08:00:00.000Z') },
        { seq: 12, at: '2026-11-23T08:00:01.000Z', type: 'logbook.added', entry: entry('lb-2', '2026-11-23T08:00:01.000Z') },
        // A replay overlapping what was applied is not handed over twice.
        { seq: 11, at: '2026-11-23T08:00:00.000Z', type: 'logbook.added', entry: entry('lb-1', '2026-11-23T08:00:00.000Z') },
      ],
    });
    expect(received).toEqual([]);
    frames.runFrame();
    expect(received).toEqual([['lb-1', 'lb-2']]);
  });
});
