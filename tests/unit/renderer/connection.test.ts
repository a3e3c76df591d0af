import { describe, expect, it, vi } from 'vitest';
import { parseServerFrame, reconnectDelayMs, toWebSocketUrl, resolveHubUrl } from '../../../renderer/connection';
import { RequestTable } from '../../../renderer/connection/request-table';
import { ProblemLog } from '../../../renderer/connection/problems';
import { asset, snapshot } from './fixtures';

describe('frames from the hub', () => {
  it('accepts a snapshot that matches the shared schema', () => {
    const parsed = parseServerFrame(JSON.stringify(snapshot(3, [asset({ id: 'cab-1' })])));
    expect(parsed.ok && parsed.message.op).toBe('snapshot');
  });

  it.each([
    ['not JSON', '{"op":'],
    ['binary', new Uint8Array([1, 2])],
    ['unknown op', '{"op":"hello"}'],
    ['bad asset', JSON.stringify({ ...snapshot(1, []), assets: [{ id: 'x', kind: 'rocket' }] })],
  ])('describes instead of throwing: %s', (_, frame) => {
    const parsed = parseServerFrame(frame);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason.length).toBeGreaterThan(0);
  });
});

describe('requests waiting for replies', () => {
  it('resolves with the validated payload of the op', async () => {
    const table = new RequestTable(() => 'trop long');
    const { id, reply } = table.open('ping', 1000);
    expect(table.settle(id, { ok: true, ...{ seq: 42 } } as { ok: true })).toMatchObject({ matched: true, op: 'ping' });
    await expect(reply).resolves.toEqual({ seq: 42 });
  });

  it('rejects with the hub’s code and French message', async () => {
    const table = new RequestTable(() => 'trop long');
    const { id, reply } = table.open('alarm.acknowledge', 1000);
    table.settle(id, { ok: false, error: { code: 'not-found', message: 'Élément introuvable' } });
    await expect(reply).rejects.toMatchObject({ code: 'not-found', message: 'Élément introuvable' });
  });

  it('rejects a reply whose payload does not match the op', async () => {
    const table = new RequestTable(() => 'trop long');
    const { id, reply } = table.open('ping', 1000);
    expect(table.settle(id, { ok: true })).toMatchObject({ matched: true, invalid: expect.any(String) });
    await expect(reply).rejects.toMatchObject({ code: 'reply.invalid' });
  });

  it('times out with the given message, and fails everything pending when the link drops', async () => {
    vi.useFakeTimers();
    try {
      const table = new RequestTable(() => 'Le hub n’a pas répondu à temps');
      const late = table.open('ping', 500).reply;
      const dropped = table.open('subscribe', 10_000).reply;
      vi.advanceTimersByTime(600);
      await expect(late).rejects.toMatchObject({ code: 'timeout', message: 'Le hub n’a pas répondu à temps' });
      table.failAll('Connexion perdue');
      await expect(dropped).rejects.toMatchObject({ code: 'disconnected' });
      expect(table.size).toBe(0);
      expect(table.settle(999, { ok: true })).toEqual({ matched: false });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('reconnection', () => {
  it('backs off from half a second to ten seconds, with jitter', () => {
    expect(reconnectDelayMs(0, 0.5)).toBe(500);
    expect(reconnectDelayMs(3, 0.5)).toBe(4000);
    expect(reconnectDelayMs(20, 0.99)).toBe(10_000);
    expect(reconnectDelayMs(1, 0)).toBe(800);
  });
});

describe('where the hub is', () => {
  const location = (href: string) => new URL(href) as unknown as Location;
  it('is the page’s own server in a browser', () => {
    expect(resolveHubUrl({ location: location('http://poste:8417/') })).toBe('ws://poste:8417/ws');
    expect(resolveHubUrl({ location: location('https://pc.example.fr/') })).toBe('wss://pc.example.fr/ws');
  });

  it('is what the Electron preload says when it says something usable', () => {
    expect(resolveHubUrl({ location: location('app://console/'), beffroi: { hubUrl: 'ws://127.0.0.1:9000/ws' } })).toBe('ws://127.0.0.1:9000/ws');
    expect(toWebSocketUrl('http://10.0.0.2:8417')).toBe('ws://10.0.0.2:8417/ws');
  });
});

describe('problems', () => {
  it('are de-duplicated by key with a count', () => {
    const log = new ProblemLog();
    log.report('frame.invalid', 'a', 1);
    log.report('frame.invalid', 'b', 2);
    log.report('reply.unmatched', 'c', 3);
    expect(log.totalCount).toBe(3);
    expect(log.list()).toEqual([
      { key: 'frame.invalid', count: 2, lastAtMs: 2, detail: 'b' },
      { key: 'reply.unmatched', count: 1, lastAtMs: 3, detail: 'c' },
    ]);
  });
});
