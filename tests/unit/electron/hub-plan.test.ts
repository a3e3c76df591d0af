import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hubEndpointsFromUrl, planHub } from '../../../electron/main/hub/hub-plan';

const APP = { appPath: '/opt/beffroi' };

describe('hubEndpointsFromUrl', () => {
  it.each([
    ['http://127.0.0.1:8417', 'http://127.0.0.1:8417', 'ws://127.0.0.1:8417/ws'],
    ['ws://127.0.0.1:8417/ws', 'http://127.0.0.1:8417', 'ws://127.0.0.1:8417/ws'],
    ['https://hub.sdef.fr/some/path', 'https://hub.sdef.fr', 'wss://hub.sdef.fr/ws'],
    ['wss://hub.sdef.fr:9443', 'https://hub.sdef.fr:9443', 'wss://hub.sdef.fr:9443/ws'],
    ['  http://[::1]:8417  ', 'http://[::1]:8417', 'ws://[::1]:8417/ws'],
  ])('%s → %s and %s', (raw, httpUrl, wsUrl) => {
    expect(hubEndpointsFromUrl(raw)).toEqual({ httpUrl, wsUrl, healthUrl: `${httpUrl}/api/health` });
  });

  it.each(['', 'hub.sdef.fr', 'ftp://hub.sdef.fr', 'file:///tmp/hub', 'javascript:alert(1)'])('refuses « %s » with a French example', (raw) => {
    expect(() => hubEndpointsFromUrl(raw)).toThrow(/Adresse du hub invalide.*Exemple attendu/);
  });
});

describe('planHub', () => {
  it('connects to a remote hub when BEFFROI_HUB_URL is set, whatever else is', () => {
    const plan = planHub({ BEFFROI_HUB_URL: 'https://hub.sdef.fr', BEFFROI_NODE: '/usr/bin/node' }, APP);
    expect(plan).toEqual({ kind: 'remote', endpoints: hubEndpointsFromUrl('https://hub.sdef.fr') });
  });

  it('embeds the hub on the contract’s default address', () => {
    const plan = planHub({}, APP);
    expect(plan.kind).toBe('embedded');
    expect(plan.endpoints.httpUrl).toBe('http://127.0.0.1:8417');
    expect(plan.kind === 'embedded' && plan.env).toMatchObject({ BEFFROI_HOST: '127.0.0.1', BEFFROI_PORT: '8417' });
  });

  it('tells the hub where the built console and the reference data are, unless already told', () => {
    const told = planHub({ BEFFROI_RENDERER_DIR: '/srv/console' }, APP);
    const untold = planHub({}, APP);
    expect(told.kind === 'embedded' && told.env.BEFFROI_RENDERER_DIR).toBe('/srv/console');
    expect(untold.kind === 'embedded' && untold.env).toMatchObject({
      BEFFROI_RENDERER_DIR: join('/opt/beffroi', 'dist', 'renderer'),
      BEFFROI_RESOURCES_DIR: join('/opt/beffroi', 'resources'),
    });
  });

  it('passes the environment through and reaches an any-address hub through loopback', () => {
    const plan = planHub({ BEFFROI_HOST: '0.0.0.0', BEFFROI_PORT: '9000', BEFFROI_DEMO: 'finistere' }, APP);
    expect(plan.endpoints.wsUrl).toBe('ws://127.0.0.1:9000/ws');
    expect(plan.kind === 'embedded' && plan.env).toMatchObject({ BEFFROI_HOST: '0.0.0.0', BEFFROI_DEMO: 'finistere' });
  });

  it('runs the TypeScript hub with the given Node in development', () => {
    const plan = planHub({ BEFFROI_NODE: '/usr/bin/node' }, APP);
    expect(plan.kind === 'embedded' && plan.launch).toEqual({
      kind: 'node',
      nodePath: '/usr/bin/node',
      args: ['--import', 'tsx', join('/opt/beffroi', 'electron', 'hub', 'cli.ts')],
      cwd: '/opt/beffroi',
    });
  });

  it('takes explicit hub arguments as a JSON array', () => {
    const plan = planHub({ BEFFROI_NODE: '/usr/bin/node', BEFFROI_HUB_ARGS: '["hub.mjs","--verbose"]' }, APP);
    expect(plan.kind === 'embedded' && plan.launch.kind === 'node' && plan.launch.args).toEqual(['hub.mjs', '--verbose']);
  });

  it('forks the bundled hub in a utility process when packaged', () => {
    const plan = planHub({}, APP);
    expect(plan.kind === 'embedded' && plan.launch).toEqual({ kind: 'utility', modulePath: join('/opt/beffroi', 'dist', 'hub', 'cli.mjs'), cwd: '/opt/beffroi' });
  });

  it.each([
    [{ BEFFROI_PORT: 'huit' }, /BEFFROI_PORT invalide/],
    [{ BEFFROI_PORT: '70000' }, /BEFFROI_PORT invalide/],
    [{ BEFFROI_NODE: '/usr/bin/node', BEFFROI_HUB_ARGS: 'cli.ts' }, /BEFFROI_HUB_ARGS doit être un tableau JSON/],
    [{ BEFFROI_NODE: '/usr/bin/node', BEFFROI_HUB_ARGS: '[1,2]' }, /BEFFROI_HUB_ARGS doit être un tableau JSON/],
    [{ BEFFROI_HUB_URL: 'nimporte quoi' }, /Adresse du hub invalide/],
  ])('explains a bad setting %j in French', (env, message) => {
    expect(() => planHub(env, APP)).toThrow(message);
  });
});
