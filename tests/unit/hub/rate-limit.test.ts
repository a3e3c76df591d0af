import { describe, expect, it } from 'vitest';
import { idFromHead } from '../../../electron/hub/api/console-connection';
import { BURST_MESSAGES, MessageRateLimit, SUSTAINED_MESSAGES_PER_S } from '../../../electron/hub/api/rate-limit';

describe('per-connection message rate limit', () => {
  it('allows a burst, then the sustained rate', () => {
    const limit = new MessageRateLimit(0);
    let allowed = 0;
    for (let i = 0; i < BURST_MESSAGES + 50; i++) if (limit.take(0)) allowed++;
    expect(allowed).toBe(BURST_MESSAGES);
    let later = 0;
    for (let i = 0; i < 100; i++) if (limit.take(1000)) later++;
    expect(later).toBe(SUSTAINED_MESSAGES_PER_S);
  });
});

describe('request id of a refused frame, read from its head', () => {
  it.each([
    ['{"op":"ping","id":"f12"}', 'f12'],
    ['{"op":"alarm.acknowledge","id":42,"alarmId":"al-1"}', 42],
    ['{"id" : -7 , "op":"ping"}', -7],
    ['{"op":"ping","alarmId":"x"}', undefined],
    ['pas du JSON', undefined],
    ['{"op":"ping","id":"a\\"b"}', undefined],
  ])('%s → %s', (frame, id) => {
    expect(idFromHead(Buffer.from(frame))).toBe(id);
  });
});
