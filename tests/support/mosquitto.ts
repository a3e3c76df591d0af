import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { tempDir } from './temp-dir';

/** Where Debian puts the broker; CI installs the `mosquitto` package. */
const MOSQUITTO = ['/usr/sbin/mosquitto', '/usr/bin/mosquitto'].find((path) => existsSync(path));

export const MOSQUITTO_MISSING = MOSQUITTO
  ? undefined
  : "Mosquitto est absent : installez le paquet Debian « mosquitto » (apt-get install -y mosquitto), ce que font .ci/run et npm test en root.";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.end(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/**
 * A real Mosquitto on a free loopback port, as a command post's field broker. `restart` stops it
 * and starts it again on the same port (a broker restart during ingest). With `persistence`, it
 * saves its sessions and queued QoS 1 messages in its temporary directory when it stops, and
 * reloads them on restart, as a production broker is set up.
 */
export async function startMosquitto(options: { persistence?: boolean } = {}): Promise<{
  url: string;
  port: number;
  stop(): Promise<void>;
  restart(): Promise<void>;
}> {
  if (!MOSQUITTO) throw new Error(MOSQUITTO_MISSING);
  const dir = await tempDir('beffroi-mosquitto-');
  const port = await freePort();
  const config = join(dir.path, 'mosquitto.conf');
  // Run as root, Mosquitto drops to the `mosquitto` user, which cannot write the test's directory.
  const asRoot = process.getuid?.() === 0 ? 'user root\n' : '';
  const persistence = options.persistence
    ? // Mosquitto drops what a session queues beyond 1,000 messages by default: no limit here.
      `persistence true\npersistence_location ${dir.path}/\nautosave_interval 0\nmax_queued_messages 0\n${asRoot}`
    : 'persistence false\n';
  writeFileSync(config, `listener ${port} 127.0.0.1\nallow_anonymous true\n${persistence}log_dest none\n`);
  let broker: ChildProcess | undefined;
  const start = async () => {
    broker = spawn(MOSQUITTO!, ['-c', config], { stdio: 'ignore' });
    for (let i = 0; i < 100 && !(await listening(port)); i++) await new Promise((r) => setTimeout(r, 50));
  };
  const stop = async () => {
    if (!broker || broker.exitCode !== null) return;
    const exited = new Promise((resolve) => broker!.once('exit', resolve));
    broker.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    url: `mqtt://127.0.0.1:${port}`,
    port,
    restart: async () => {
      await stop();
      await start();
    },
    stop: async () => {
      await stop();
      await dir.remove();
    },
  };
}
