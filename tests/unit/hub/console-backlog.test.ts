import { describe, expect, it } from 'vitest';
import { ConsoleConnection } from '../../../electron/hub/api/console-connection';
import type { HubContext } from '../../../electron/hub/api/context';

const MB = 2 ** 20;

/**
 * A socket whose backlog the test sets, as a console that stops reading leaves it: what is sent
 * piles up in `bufferedAmount` until the console reads again (`drain`).
 */
function stalledSocket() {
  const socket = {
    OPEN: 1,
    readyState: 1,
    bufferedAmount: 0,
    sent: [] as { bytes: number; binary: boolean }[],
    terminated: false,
    on() {},
    send(frame: string | Uint8Array, options: { binary: boolean }) {
      const bytes = typeof frame === 'string' ? Buffer.byteLength(frame) : frame.byteLength;
      socket.sent.push({ bytes, binary: options.binary });
      socket.bufferedAmount += bytes;
    },
    terminate() {
      socket.terminated = true;
      socket.readyState = 3;
    },
    drain(bytes: number) {
      socket.bufferedAmount = Math.max(0, socket.bufferedAmount - bytes);
    },
  };
  return socket;
}

function consoleOn(socket: ReturnType<typeof stalledSocket>, limitBytes: number) {
  const hub = { maxConsoleBacklogBytes: limitBytes, broadcaster: { connections: new Set() }, log: () => undefined } as unknown as HubContext;
  return new ConsoleConnection(socket as never, hub, '127.0.0.1');
}

const frameOf = (bytes: number) => Buffer.alloc(bytes, 'a');

describe('a console that falls behind', () => {
  it('is cut when a frame would take its backlog past the limit, which it never holds more than', () => {
    const socket = stalledSocket();
    const connection = consoleOn(socket, 16 * MB);
    let seq = 0;
    while (!socket.terminated) connection.sendEncodedText(frameOf(100_000), ++seq);
    expect(socket.bufferedAmount).toBeLessThanOrEqual(16 * MB);
    expect(socket.bufferedAmount).toBeGreaterThan(16 * MB - 100_000);
  });

  it('may hold a snapshot larger than the limit, but then only a little more, not a full backlog on top', () => {
    const socket = stalledSocket();
    const connection = consoleOn(socket, 16 * MB);
    connection.sendSnapshot(JSON.stringify({ op: 'snapshot', pad: 'x'.repeat(27 * MB) }), 1);
    expect(socket.terminated).toBe(false);
    let seq = 1;
    // It stops reading: events pile on top of the snapshot until the headroom (1 MB) is used.
    while (!socket.terminated) connection.sendEncodedText(frameOf(100_000), ++seq);
    expect(socket.bufferedAmount).toBeLessThanOrEqual(27 * MB + 100 + 1 * MB);
    expect(socket.bufferedAmount - 27 * MB).toBeGreaterThan(1 * MB - 100_000);
  });

  it('keeps a console that reads its big snapshot while events arrive', () => {
    const socket = stalledSocket();
    const connection = consoleOn(socket, 16 * MB);
    connection.sendSnapshot(frameOf(27 * MB), 1);
    expect(socket.sent[0]).toEqual({ bytes: 27 * MB, binary: true });
    // It reads 4 MB between events of 100 kB: the snapshot drains, nothing is cut.
    for (let seq = 2; seq < 200; seq++) {
      socket.drain(4 * MB);
      connection.sendEncodedText(frameOf(100_000), seq);
    }
    expect(socket.terminated).toBe(false);
    expect(connection.sentSeq).toBe(199);
    expect(socket.sent.at(-1)).toEqual({ bytes: 100_000, binary: false });
  });

  it('still gets a frame larger than the limit once it has read everything before it', () => {
    const socket = stalledSocket();
    const connection = consoleOn(socket, 1 * MB);
    connection.sendEncodedText(frameOf(3 * MB), 1);
    expect(socket.terminated).toBe(false);
    expect(connection.sentSeq).toBe(1);
  });
});
