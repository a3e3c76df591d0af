import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_CLIENT_FRAME_BYTES } from '../../shared/protocol/messages';
import { BURST_MESSAGES } from '../../electron/hub/api/rate-limit';
import { startTestHub } from '../support/hub';

/**
 * 100,000 malformed, oversized, truncated, wrong-type and hostile frames against a running hub:
 * every frame gets an answer (a reply with a stable code, or an error message when it has no
 * usable id), the hub stays up, nothing leaks into prototypes, and its heap returns to baseline.
 * Frames are spread over connections so that each stays within the per-connection burst and the
 * parsing paths, not the rate limiter, are what is exercised.
 */
const FRAMES = 100_000;
const PER_CONNECTION = BURST_MESSAGES;

/** A small seeded generator: the same frames on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const VALID_OPS = ['login', 'resume', 'logout', 'subscribe', 'alarm.acknowledge', 'command.send', 'asset.commands', 'ping'];

function hostileFrame(random: () => number, i: number): string {
  const id = random() < 0.8 ? i : undefined;
  const op = VALID_OPS[Math.floor(random() * VALID_OPS.length)]!;
  const pick = Math.floor(random() * 14);
  switch (pick) {
    case 0:
      return JSON.stringify({ op, id }).slice(0, Math.floor(random() * 20)); // truncated
    case 1:
      return `{"op":"${op}","id":${id ?? 1},"__proto__":{"admin":true,"role":"admin"}}`;
    case 2:
      return `{"op":"login","id":${id ?? 1},"constructor":{"prototype":{"polluted":true}},"username":"admin","password":"x"}`;
    case 3:
      return `{"op":"subscribe","id":${id ?? 1},"since":1e400}`;
    case 4:
      return `{"op":"command.send","id":${id ?? 1},"assetId":"x","command":{"type":"heating.setpoint","celsius":-1e308}}`;
    case 5:
      return '['.repeat(20_000) + ']'.repeat(20_000); // deep nesting
    case 6:
      return JSON.stringify({ op, id, username: 12, password: [], since: 'hier', alarmId: {}, assetId: null });
    case 7:
      return JSON.stringify({ op: op.toUpperCase(), id });
    case 8:
      return JSON.stringify({ op, id: { nested: true } });
    case 9:
      return JSON.stringify([op, id]);
    case 10:
      return JSON.stringify({ op: 'command.send', id, assetId: 'a'.repeat(5000), command: { type: 'gate.set', position: 'ajar' } });
    case 11:
      return 'null';
    case 12:
      return JSON.stringify({ op, id, pad: 'x'.repeat(MAX_CLIENT_FRAME_BYTES) }); // oversized
    default:
      return String.fromCharCode(...Array.from({ length: 40 }, () => Math.floor(random() * 0xffff)));
  }
}

function heapAfterGc(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Sends a batch of frames on a fresh connection; resolves with how many answers came back. */
function blast(url: string, frames: string[]): Promise<{ answers: number; closedCode?: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/ws`);
    let answers = 0;
    socket.on('open', () => {
      for (const frame of frames) socket.send(frame);
    });
    socket.on('message', () => {
      answers += 1;
      if (answers === frames.length) {
        socket.close();
        resolve({ answers });
      }
    });
    socket.on('close', (code) => resolve({ answers, closedCode: code }));
    socket.on('error', reject);
  });
}

describe('fuzzing the WebSocket API', () => {
  let test: Awaited<ReturnType<typeof startTestHub>>;

  beforeAll(async () => {
    test = await startTestHub({ BEFFROI_DEMO: 'none' });
  });

  afterAll(async () => {
    await test.stop();
  });

  it(`answers ${FRAMES.toLocaleString('en')} hostile frames, stays up and returns to its heap baseline`, async () => {
    const random = rng(20261123);
    // Warm up the code paths once so that lazily compiled code does not count as growth.
    await blast(test.hub.url, Array.from({ length: PER_CONNECTION }, (_, i) => hostileFrame(random, i)));
    const baseline = heapAfterGc();
    let answered = 0;
    for (let sent = 0; sent < FRAMES; sent += PER_CONNECTION) {
      const frames = Array.from({ length: Math.min(PER_CONNECTION, FRAMES - sent) }, (_, i) => hostileFrame(random, sent + i));
      const { answers, closedCode } = await blast(test.hub.url, frames);
      expect(closedCode, `connection closed early after ${answers} answers`).toBeUndefined();
      answered += answers;
    }
    expect(answered).toBe(FRAMES);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const health = (await (await fetch(`${test.hub.url}/api/health`)).json()) as { status: string };
    expect(health.status).toBe('ok');
    const growthMiB = (heapAfterGc() - baseline) / 2 ** 20;
    expect(growthMiB).toBeLessThan(16);
  }, 300_000);
});
