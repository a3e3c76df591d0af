import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubClient } from '../support/hub-client';
import { startTestHub } from '../support/hub';
import { tempDir } from '../support/temp-dir';

const ROOT = new URL('../../', import.meta.url).pathname;

/** `npm run admin -- …`, as an administrator types it on a server (same command, no npm in between). */
function admin(dataDir: string, args: string[], stdin = '') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/hub/admin-cli.ts', ...args], {
    cwd: ROOT,
    input: stdin,
    encoding: 'utf8',
    env: { ...process.env, BEFFROI_DATA_DIR: dataDir },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('admin command line on a server with no demo', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;

  beforeAll(async () => {
    dir = await tempDir();
  });

  afterAll(async () => {
    await dir.remove();
  });

  it('creates the first admin, who can then log in to the hub', async () => {
    const created = admin(dir.path, ['create-user', '--username', 'chef-de-salle', '--role', 'admin', '--password-stdin'], 'un mot de passe solide\n');
    expect(created).toMatchObject({ code: 0 });
    expect(created.out).toContain('Compte « chef-de-salle » créé (admin)');
    expect(admin(dir.path, ['list-users']).out).toMatch(/chef-de-salle\s+admin\s+tout le territoire/);

    const test = await startTestHub({ BEFFROI_DEMO: 'none', BEFFROI_DATA_DIR: dir.path });
    try {
      const client = await HubClient.connect(test.hub.url);
      const login = await client.request('login', { username: 'chef-de-salle', password: 'un mot de passe solide' });
      expect(login).toMatchObject({ ok: true, session: { user: { role: 'admin', communes: [] } } });
      await client.close();
      // While the hub holds the data directory, accounts are not changed behind its back.
      const refused = admin(dir.path, ['create-user', '--username', 'autre', '--role', 'operator'], 'encore un mot de passe\n');
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/arrêtez-le avant de modifier les comptes/);
    } finally {
      await test.stop();
    }
    const audit = admin(dir.path, ['verify-audit']);
    expect(audit).toMatchObject({ code: 0 });
    expect(audit.out).toMatch(/Journal d'audit intègre : 2 entrées/);
  });

  it.each([
    [['create-user', '--username', 'x1', '--role', 'admin'], 'court', /trop court/],
    [['create-user', '--username', 'elu', '--role', 'elected'], 'un mot de passe solide', /au moins une commune/],
    [['create-user', '--username', 'maire', '--role', 'maire'], 'un mot de passe solide', /rôle attendu/],
    [['create-user', '--username', 'elu-x', '--role', 'elected', '--communes', '9122'], 'un mot de passe solide', /codes INSEE/],
    [['create-user', '--username', 'elu-y', '--role', 'elected', '--communes', '91228', '--allow', 'chauffage:18-21'], 'un mot de passe solide', /commande parmi/],
    [['create-user', '--username', 'elu-z', '--role', 'elected', '--communes', '91228', '--sites', 'sch-91228-999'], 'un mot de passe solide', /--sites : équipement « sch-91228-999 » inconnu/],
  ])('refuses %j with a clear message', (args, password, message) => {
    const result = admin(dir.path, args, `${password}\n`);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
  });

  it('creates an elected official with their own commands, bounds and sites, which their session carries', async () => {
    // Sites are assets of the territory: seed the demo once, then administer the stopped hub's data.
    const demo = await tempDir();
    try {
      const seeded = await startTestHub({ BEFFROI_DATA_DIR: demo.path });
      await seeded.stop();
      const school = [...seeded.hub.context.state.assets.values()].find((r) => r.asset.commune === '91228' && r.asset.category === 'school')!.asset;
      const created = admin(
        demo.path,
        ['create-user', '--username', 'maire-91228', '--role', 'elected', '--communes', '91228', '--allow', 'heating.setpoint:18,5-20', '--allow', 'gate.set', '--sites', school.id],
        'un mot de passe solide\n',
      );
      expect(created).toMatchObject({ code: 0 });
      expect(created.out).toContain(`Compte « maire-91228 » créé (elected, communes 91228 ; sites ${school.id} ; commandes heating.setpoint 18.5–20, gate.set)`);
      expect(admin(demo.path, ['list-users']).out).toMatch(new RegExp(`maire-91228\\s+elected\\s+91228 sites ${school.id} commandes heating.setpoint 18.5–20, gate.set`));
      const test = await startTestHub({ BEFFROI_DATA_DIR: demo.path });
      try {
        const client = await HubClient.connect(test.hub.url);
        const login = await client.request('login', { username: 'maire-91228', password: 'un mot de passe solide' });
        expect(login).toMatchObject({ ok: true, session: { user: { sites: [school.id], grants: [{ type: 'heating.setpoint', min: 18.5, max: 20 }, { type: 'gate.set' }] } } });
        await client.close();
      } finally {
        await test.stop();
      }
    } finally {
      await demo.remove();
    }
  }, 120_000);
});
