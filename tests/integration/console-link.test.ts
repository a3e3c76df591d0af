import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { HubClient, memoryTokenStore, type OpenSocket } from '../../renderer/connection';
import { ConsoleStore, manualScheduler } from '../../renderer/state';
import { generateTerritory } from '../../electron/hub/territory';
import { startTestHub } from '../support/hub';

/**
 * The console's hub client and store against a real hub (real WebSocket, real SQLite): login,
 * snapshot, live events, and after a dropped link, resume + `subscribe {since}` bringing exactly
 * what was missed. Only the socket constructor differs from the browser (`ws` instead of
 * `window.WebSocket`).
 */
const territory = generateTerritory('essonne');
const school = territory.assets.find((a) => a.category === 'school')!;

interface Console {
  client: HubClient;
  store: ConsoleStore;
  /** The live sockets this console opened, so a test can cut the link like a network would. */
  sockets: WebSocket[];
  runFrames(): void;
}

/** What the console's socket hands it, possibly altered on the way (an older hub's frame). */
type Tamper = (data: Buffer, isBinary: boolean) => Buffer;

function openConsole(url: string, tamper: Tamper = (data) => data): Console {
  const frames = manualScheduler();
  const store = new ConsoleStore((apply) => {
    frames.bind(apply);
    return frames;
  });
  const sockets: WebSocket[] = [];
  const openSocket: OpenSocket = (socketUrl, handlers) => {
    const socket = new WebSocket(socketUrl);
    sockets.push(socket);
    socket.on('open', () => handlers.open());
    socket.on('message', (data: Buffer, isBinary: boolean) => handlers.message(isBinary ? tamper(data, isBinary) : data.toString('utf8')));
    socket.on('close', () => handlers.close());
    socket.on('error', () => undefined); // a close follows
    return { send: (text) => socket.send(text), close: () => socket.close() };
  };
  const client = new HubClient({ url, openSocket, tokens: memoryTokenStore(), sink: store });
  return { client, store, sockets, runFrames: () => frames.runFrame() };
}

/** Polls `check` (running the console's frames in between) until it holds. */
async function until(console: Console, check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const giveUp = Date.now() + timeoutMs;
  for (;;) {
    console.runFrames();
    if (check()) return;
    if (Date.now() > giveUp) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('console link to a real hub', () => {
  let hub: Awaited<ReturnType<typeof startTestHub>>;
  const consoles: Console[] = [];
  const open = (tamper?: Tamper) => {
    const console = openConsole(`${hub.hub.url.replace('http', 'ws')}/ws`, tamper);
    consoles.push(console);
    console.client.start();
    return console;
  };

  beforeAll(async () => {
    hub = await startTestHub();
  });

  afterAll(async () => {
    for (const c of consoles) c.client.stop();
    await hub.stop();
  });

  it('logs in, subscribes and holds the whole territory from the snapshot', async () => {
    const console = open();
    await until(console, () => console.client.getState().link === 'connected', 'the socket');
    const session = await console.client.login('operateur', 'beffroi');
    expect(session.user).toMatchObject({ username: 'operateur', role: 'operator' });
    await until(console, () => console.store.getView().ready, 'the snapshot');
    // The planned LoRaWAN gateways are on the command post's map too.
    expect(console.store.getView().assetCount).toBe(territory.assets.length + territory.gateways.length);
    expect(console.store.getView().territory?.departements).toContain('91');
    expect(console.client.getState()).toMatchObject({ subscribed: true, problemCount: 0 });
  });

  it('falls back to the JSON snapshot when the hub writes a frame layout it does not read', async () => {
    // As from an older hub: the layout version byte says 3.
    const olderHub: Tamper = (data) => {
      const frame = Buffer.from(data);
      frame[4] = 3;
      return frame;
    };
    const console = open(olderHub);
    await until(console, () => console.client.getState().link === 'connected', 'the socket');
    await console.client.login('operateur', 'beffroi');
    await until(console, () => console.store.getView().ready, 'the JSON snapshot');
    expect(console.store.getView().assetCount).toBe(territory.assets.length + territory.gateways.length);
    expect(console.client.problemList()).toEqual([expect.objectContaining({ key: 'frame.invalid', count: 1, detail: expect.stringMatching(/version 3 inconnue/) })]);
  });

  it('turns a refused request into the hub’s French message and code', async () => {
    const console = open();
    await until(console, () => console.client.getState().link === 'connected', 'the socket');
    await expect(console.client.login('operateur', 'faux')).rejects.toMatchObject({ code: 'auth.invalid', message: expect.stringMatching(/mot de passe/) });
    await console.client.login('operateur', 'beffroi');
    await expect(
      console.client.request('command.send', { assetId: school.id, command: { type: 'heating.setpoint', celsius: 45 } }),
    ).rejects.toMatchObject({ code: 'command.out-of-range', message: expect.stringMatching(/Consigne refusée/) });
  });

  it('after a dropped link, resumes the session and receives exactly the events it missed', async () => {
    const watcher = open();
    const actor = open();
    await until(watcher, () => watcher.client.getState().link === 'connected', 'the watcher socket');
    await until(actor, () => actor.client.getState().link === 'connected', 'the actor socket');
    await watcher.client.login('astreinte', 'beffroi');
    await actor.client.login('operateur', 'beffroi');
    await until(watcher, () => watcher.store.getView().ready, 'the watcher snapshot');
    const seqBeforeDrop = watcher.store.getView().lastSeq;

    // The network drops the watcher's link; meanwhile the operator sends a command.
    watcher.sockets.at(-1)!.terminate();
    await until(watcher, () => watcher.client.getState().link === 'disconnected', 'the loss to be noticed');
    const { commandId } = await actor.client.request('command.send', { assetId: school.id, command: { type: 'heating.setpoint', celsius: 20 } });

    await until(watcher, () => watcher.client.getState().subscribed, 'the watcher to resume and resubscribe');
    await until(watcher, () => watcher.store.getCommand(commandId) !== undefined, 'the missed command event');
    expect(watcher.client.getState().session?.user.username).toBe('astreinte');
    expect(watcher.store.getView().lastSeq).toBeGreaterThan(seqBeforeDrop);
    // Only the missed events came: no second snapshot, no event it already had.
    expect(watcher.store.stats.snapshotsApplied).toBe(1);
    expect(watcher.store.stats.eventsIgnored).toBe(0);
  });

  it('a session revoked mid-shift keeps the console under a re-login; the same user resumes from its seq', async () => {
    const operator = open();
    const admin = open();
    await until(operator, () => operator.client.getState().link === 'connected', 'the operator socket');
    await until(admin, () => admin.client.getState().link === 'connected', 'the admin socket');
    await operator.client.login('operateur', 'beffroi');
    await admin.client.login('admin', 'beffroi');
    await until(operator, () => operator.store.getView().ready, 'the operator snapshot');
    operator.store.select(school.id);

    await admin.client.request('user.revoke-sessions', { username: 'operateur' });
    await until(operator, () => operator.client.getState().expired, 'the session to end');
    // The console is kept: same session (whose state it shows), same store, same selection.
    expect(operator.client.getState()).toMatchObject({ session: { user: { username: 'operateur' } }, subscribed: false, authMessage: expect.stringMatching(/administrateur/) });
    expect(operator.store.getView()).toMatchObject({ ready: true, selectedAssetId: school.id });
    const seqAtExpiry = operator.store.getView().lastSeq;

    // Meanwhile the admin changes something the operator's console must catch up on.
    const { commandId } = await admin.client.request('command.send', { assetId: school.id, command: { type: 'heating.setpoint', celsius: 19 } });
    await operator.client.login('operateur', 'beffroi');
    expect(operator.client.getState()).toMatchObject({ expired: false, subscribed: true });
    await until(operator, () => operator.store.getCommand(commandId) !== undefined, 'the missed command event');
    expect(operator.store.getView().lastSeq).toBeGreaterThan(seqAtExpiry);
    expect(operator.store.getView().selectedAssetId).toBe(school.id);
    expect(operator.store.stats.snapshotsApplied).toBe(1);
  });

  it('another user logging in after an expiry starts from a fresh console', async () => {
    const shared = open();
    const admin = open();
    await until(shared, () => shared.client.getState().link === 'connected', 'the shared socket');
    await until(admin, () => admin.client.getState().link === 'connected', 'the admin socket');
    await shared.client.login('operateur', 'beffroi');
    await admin.client.login('admin', 'beffroi');
    await until(shared, () => shared.store.getView().ready, 'the operator snapshot');
    shared.store.select(school.id);
    await admin.client.request('user.revoke-sessions', { username: 'operateur' });
    await until(shared, () => shared.client.getState().expired, 'the session to end');

    const elected = `elu-${school.commune}`;
    await shared.client.login(elected, 'beffroi');
    await until(shared, () => shared.store.getView().owner === elected && shared.store.getView().ready, 'the elected official’s snapshot');
    const communes = new Set(shared.store.currentBuffers().records.toArray().map((a) => a.commune));
    expect([...communes]).toEqual([school.commune]);
    expect(shared.store.getView().selectedAssetId).toBeNull();
  });
});
