/**
 * A child process holding N consoles on the hub's WebSocket (logged in as operators, subscribed),
 * counting what they receive. Kept out of the hub's and the publisher's process so that each
 * side's CPU is its own. Talks to its parent over IPC: `{ask: 'stats'}` → `{seqs, events, frames}`.
 */
import WebSocket from 'ws';

const [url, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 10);
const consoles = Array.from({ length: count }, () => ({ seq: 0, events: 0, frames: 0 }));

function open(index: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url!.replace(/^http/, 'ws')}/ws`);
    const state = consoles[index]!;
    socket.on('open', () => socket.send(JSON.stringify({ op: 'login', id: 1, username: 'operateur', password: 'beffroi' })));
    socket.on('error', reject);
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { op: string; id?: number; ok?: boolean; seq?: number; events?: { seq: number }[] };
      state.frames += 1;
      if (message.op === 'reply' && message.id === 1) socket.send(JSON.stringify({ op: 'subscribe', id: 2 }));
      if (message.op === 'reply' && message.id === 2) resolve();
      if (message.op === 'snapshot') state.seq = message.seq ?? 0;
      if (message.op === 'events' && message.events) {
        state.events += message.events.length;
        state.seq = message.events[message.events.length - 1]!.seq;
      }
    });
  });
}

await Promise.all(consoles.map((_, i) => open(i)));
process.send?.({ ready: true });
process.on('message', (message: { ask?: string }) => {
  if (message.ask === 'stats') {
    process.send?.({
      seqs: consoles.map((c) => c.seq),
      events: consoles.reduce((n, c) => n + c.events, 0),
      frames: consoles.reduce((n, c) => n + c.frames, 0),
    });
  }
  if (message.ask === 'exit') process.exit(0);
});
