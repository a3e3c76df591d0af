/**
 * The naive peer of hub-ingest (H1): what a competent developer writes first with the same
 * libraries — mqtt.js subscribed QoS 1 (acknowledged on receipt, mqtt.js's default), JSON.parse and
 * the same vendor codec per message, one sqlite3 INSERT per message in autocommit (same WAL and
 * `synchronous = NORMAL` as the hub's journal), then `JSON.stringify` per console per message and
 * `ws.send`. Consoles log in and subscribe with the hub's own ops (replied to, not checked), so
 * the bench's consoles.ts counts both sides the same way. Its own process, measured by /proc.
 *
 *   node --import tsx naive-hub.ts <brokerUrl> <dbPath>   (forked: IPC `ready` {url}, `stats`)
 */
import { createServer } from 'node:http';
import { connect } from 'mqtt';
import sqlite3 from 'sqlite3';
import { WebSocketServer, type WebSocket } from 'ws';
import { getCodec } from '../../../electron/hub/codecs/registry';
import { generateTerritory } from '../../../electron/hub/territory';

const [brokerUrl, dbPath] = process.argv.slice(2);
const models = new Map(generateTerritory('essonne').devices.map((d) => [d.devEui.toLowerCase(), d.model]));
const stats = { received: 0, inserted: 0, failed: 0, seq: 0 };

const db = new sqlite3.Database(dbPath!);
await new Promise<void>((resolve, reject) =>
  db.exec(
    `PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
     CREATE TABLE IF NOT EXISTS uplinks (seq INTEGER PRIMARY KEY, dev_eui TEXT NOT NULL, f_cnt INTEGER NOT NULL, at TEXT NOT NULL, fields TEXT NOT NULL)`,
    (error) => (error ? reject(error) : resolve()),
  ),
);

const consoles = new Set<WebSocket>();
const server = createServer((_, res) => res.writeHead(404).end());
const wss = new WebSocketServer({ server, path: '/ws' });
wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    const request = JSON.parse(data.toString()) as { op: string; id: number };
    if (request.op === 'subscribe') consoles.add(ws);
    ws.send(JSON.stringify({ op: 'reply', id: request.id, ok: true }));
  });
  ws.on('close', () => consoles.delete(ws));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

interface UpEvent {
  deviceInfo: { devEui: string };
  fCnt: number;
  fPort: number;
  data: string;
  time: string;
}

const client = connect(brokerUrl!, { clientId: `naive-hub-${process.pid}` });
client.on('connect', () => client.subscribe('application/+/device/+/event/up', { qos: 1 }));
client.on('message', (_topic, payload) => {
  stats.received += 1;
  let event: UpEvent;
  let fields: Record<string, unknown>;
  try {
    event = JSON.parse(payload.toString()) as UpEvent;
    const codec = getCodec(models.get(event.deviceInfo.devEui.toLowerCase()) ?? '');
    fields = codec ? (codec.decodeUplink(event.fPort, Buffer.from(event.data, 'base64')) as unknown as Record<string, unknown>) : {};
  } catch {
    stats.failed += 1;
    return;
  }
  db.run('INSERT INTO uplinks (dev_eui, f_cnt, at, fields) VALUES (?, ?, ?, ?)', [event.deviceInfo.devEui, event.fCnt, event.time, JSON.stringify(fields)], function (error) {
    if (error) {
      stats.failed += 1;
      return;
    }
    stats.inserted += 1;
    const seq = this.lastID;
    stats.seq = seq;
    for (const ws of consoles) {
      ws.send(JSON.stringify({ op: 'events', events: [{ seq, type: 'uplink', devEui: event.deviceInfo.devEui, fCnt: event.fCnt, at: event.time, fields }] }));
    }
  });
});

const address = server.address() as { port: number };
client.once('connect', () => process.send?.({ ready: true, url: `http://127.0.0.1:${address.port}` }));
process.on('message', (message: { ask?: string }) => {
  if (message.ask === 'stats') process.send?.({ ...stats });
  if (message.ask === 'exit') process.exit(0);
});
