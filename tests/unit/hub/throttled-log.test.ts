import { describe, expect, it } from 'vitest';
import { ThrottledLog } from '../../../electron/hub/ingest/throttled-log';

describe('throttled log', () => {
  it('says a recurring problem once per period per key, then how often it came back', () => {
    const lines: string[] = [];
    const log = new ThrottledLog((line) => lines.push(line), 1000);
    log.report('a', 'appareil inconnu a', 0);
    log.report('a', 'appareil inconnu a', 10);
    log.report('a', 'appareil inconnu a', 20);
    log.report('b', 'appareil inconnu b', 30);
    log.report('a', 'appareil inconnu a', 1500);
    expect(lines).toEqual(['appareil inconnu a', 'appareil inconnu b', 'appareil inconnu a (et 2 fois depuis le dernier message)']);
  });
});
