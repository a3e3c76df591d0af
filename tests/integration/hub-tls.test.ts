import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestHub } from '../support/hub';
import { tempDir } from '../support/temp-dir';

/** The hub serving HTTPS and WSS itself, with a certificate made for the test by openssl. */
describe('hub over TLS', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let test: Awaited<ReturnType<typeof startTestHub>>;
  let ca: Buffer;

  beforeAll(async () => {
    dir = await tempDir();
    const cert = join(dir.path, 'cert.pem');
    const key = join(dir.path, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    ca = readFileSync(cert);
    test = await startTestHub({ BEFFROI_DEMO: 'none', BEFFROI_TLS_CERT: cert, BEFFROI_TLS_KEY: key });
  });

  afterAll(async () => {
    await test.stop();
    await dir.remove();
  });

  it('answers /api/health over HTTPS', async () => {
    expect(test.hub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const body = await new Promise<string>((resolve, reject) => {
      get(`${test.hub.url}/api/health`, { ca }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve(text));
      }).on('error', reject);
    });
    expect(JSON.parse(body)).toMatchObject({ status: 'ok' });
  });

  it('speaks the protocol over WSS', async () => {
    const socket = new WebSocket(`${test.hub.url.replace('https', 'wss')}/ws`, { ca });
    const reply = await new Promise<Record<string, unknown>>((resolve, reject) => {
      socket.on('open', () => socket.send(JSON.stringify({ op: 'login', id: 1, username: 'admin', password: 'faux' })));
      socket.on('message', (data) => resolve(JSON.parse(data.toString()) as Record<string, unknown>));
      socket.on('error', reject);
    });
    expect(reply).toMatchObject({ op: 'reply', id: 1, ok: false, error: { code: 'auth.invalid' } });
    socket.close();
  });
});
