import { describe, expect, it } from 'vitest';
import { HubStartError, startEmbeddedHub } from '../../../electron/main/hub/embedded-hub';
import { spawnNodeHub } from '../../../electron/main/hub/hub-child';
import { freePort } from '../../e2e/support/free-port';

/**
 * Process lifecycle of the embedded hub, with real child processes. The child is a few lines of
 * Node that answer `GET /api/health` like the hub does (the real hub's start is covered by the
 * end-to-end tests): what is under test here is waiting, failing clearly and stopping.
 */
function healthServer(port: number, { ignoreSigterm = false } = {}): string {
  return `
    const http = require('node:http');
    http.createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ status: 'ok', version: '0.0.0-test', seq: 42 }));
    }).listen(${port}, '127.0.0.1', () => console.log('hub prêt : http://127.0.0.1:${port}'));
    process.on('SIGTERM', () => { console.log('SIGTERM reçu'); ${ignoreSigterm ? '' : 'process.exit(0);'} });
  `;
}

function launch(args: string[]) {
  return spawnNodeHub({ kind: 'node', nodePath: process.execPath, args, cwd: process.cwd() }, process.env);
}

describe('startEmbeddedHub', () => {
  it('resolves with the hub’s health once it answers, and stop() ends the process', async () => {
    const port = await freePort();
    const child = launch(['-e', healthServer(port)]);
    const lines: string[] = [];
    const hub = await startEmbeddedHub(child, `http://127.0.0.1:${port}/api/health`, { log: (line) => lines.push(line) });
    expect(hub.health).toEqual({ status: 'ok', version: '0.0.0-test', seq: 42 });

    let exitCode: number | null | undefined;
    child.onExit((code) => (exitCode = code));
    await hub.stop();
    expect(exitCode).toBe(0);
    expect(lines).toEqual(expect.arrayContaining([`hub prêt : http://127.0.0.1:${port}`, 'SIGTERM reçu']));
  });

  it('kills a hub that ignores SIGTERM once its grace period is over', async () => {
    const port = await freePort();
    const child = launch(['-e', healthServer(port, { ignoreSigterm: true })]);
    const hub = await startEmbeddedHub(child, `http://127.0.0.1:${port}/api/health`, { stopGraceMs: 300 });
    let exitCode: number | null | undefined;
    child.onExit((code) => (exitCode = code));
    await hub.stop();
    expect(exitCode).toBeNull(); // ended by a signal (SIGKILL), not by itself
  });

  it('explains in French a hub that exits during start-up, with its last lines', async () => {
    const port = await freePort();
    const child = launch(['-e', 'console.error("Le port est déjà utilisé"); process.exit(3)']);
    const failure = startEmbeddedHub(child, `http://127.0.0.1:${port}/api/health`);
    await expect(failure).rejects.toBeInstanceOf(HubStartError);
    await expect(failure).rejects.toThrow("Impossible de démarrer Beffroi : le hub embarqué s'est arrêté au démarrage (code 3).");
    await failure.catch((error: HubStartError) => expect(error.recentOutput).toEqual(['Le port est déjà utilisé']));
  });

  it('gives up on a hub that never answers, and does not leave it running', async () => {
    const port = await freePort();
    const child = launch(['-e', 'setInterval(() => {}, 1000)']);
    let exited = false;
    child.onExit(() => (exited = true));
    await expect(startEmbeddedHub(child, `http://127.0.0.1:${port}/api/health`, { startTimeoutMs: 500 })).rejects.toThrow(
      `le hub embarqué ne répond pas sur http://127.0.0.1:${port}/api/health`,
    );
    expect(exited).toBe(true);
  });

  it('reports a Node executable that does not exist', async () => {
    const child = spawnNodeHub({ kind: 'node', nodePath: '/nonexistent/node', args: [], cwd: process.cwd() }, process.env);
    await expect(startEmbeddedHub(child, 'http://127.0.0.1:9/api/health')).rejects.toThrow(/s'est arrêté au démarrage/);
  });
});
