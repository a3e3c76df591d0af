/**
 * A child process holding N WebSocket clients that read and discard what a server sends them
 * (a console's network side, without its rendering). Kept out of the delivering process so that
 * its CPU is the server's alone. IPC: `{ask: 'stats'}` → `{bytes, frames}`; `{ask: 'exit'}`.
 */
import WebSocket from 'ws';

const [url, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 50);
let bytes = 0;
let frames = 0;

function open(index: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // The index tells the server which user this socket is; UTF-8 is not checked (nothing is read).
    const socket = new WebSocket(`${url}?client=${index}`, { skipUTF8Validation: true, perMessageDeflate: false });
    socket.binaryType = 'nodebuffer';
    socket.on('open', () => resolve());
    socket.on('error', reject);
    socket.on('message', (data: Buffer) => {
      bytes += data.length;
      frames += 1;
    });
  });
}

await Promise.all(Array.from({ length: count }, (_, i) => open(i)));
process.send?.({ ready: true });
process.on('message', (message: { ask?: string }) => {
  if (message.ask === 'stats') process.send?.({ bytes, frames });
  if (message.ask === 'exit') process.exit(0);
});
