import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTerritory } from '../../electron/hub/territory';
import { CLIENT_OPS } from '../../shared/protocol/messages';
import { FieldDevice } from '../support/field-device';
import { HubClient } from '../support/hub-client';
import { startTestHub } from '../support/hub';

/**
 * Every op of the protocol × every role × an asset or alarm of the user's own commune, of a
 * foreign commune, or unknown: allowed, or the exact error code. A foreign id answers like an
 * unknown one (`not-found`), so nobody learns what exists outside their scope.
 */
const territory = generateTerritory('essonne');
const count = (commune: string, kind: string) => territory.assets.filter((a) => a.commune === commune && a.kind === kind).length;
/** Communes with a school, a cabinet and enough bins to raise one fresh alarm per role. */
const [home, foreign] = territory.communes
  .map((c) => c.code)
  .filter((code) => count(code, 'lighting-cabinet') > 0 && territory.assets.some((a) => a.commune === code && a.category === 'school'))
  .sort((a, b) => count(b, 'waste-container') - count(a, 'waste-container')) as [string, string];
const inCommune = (commune: string, test: (a: (typeof territory.assets)[number]) => boolean) =>
  territory.assets.find((a) => a.commune === commune && test(a))!;
const school = inCommune(home, (a) => a.category === 'school');
const foreignSchool = inCommune(foreign, (a) => a.category === 'school');
const cabinet = inCommune(home, (a) => a.kind === 'lighting-cabinet');
const foreignCabinet = inCommune(foreign, (a) => a.kind === 'lighting-cabinet');
const homeBin = inCommune(home, (a) => a.kind === 'waste-container');
const camera = inCommune(home, (a) => a.kind === 'camera');
const foreignCamera = inCommune(foreign, (a) => a.kind === 'camera');
const foreignBin = inCommune(foreign, (a) => a.kind === 'waste-container');
const binModel = territory.devices.find((d) => d.assetId === homeBin.id)!.model;

type Scope = 'own' | 'foreign' | 'unknown';
/** `elu-droits`: an elected official of the same commune whose admin gave them their own grants. */
type Role = 'admin' | 'operateur' | 'astreinte' | 'elu' | 'elu-droits';
const ROLES: Role[] = ['admin', 'operateur', 'astreinte', 'elu', 'elu-droits'];
/** Heating only, 19–20 °C: narrower than the 18–21 °C elected officials have by default. */
const OWN_GRANTS = [{ type: 'heating.setpoint', min: 19, max: 20 }];

/** What each role gets, per op and scope: 'ok' or an error code. */
const EXPECTED: Record<string, Record<Scope, Record<Role, string>>> = {
  'command.send heating.setpoint': {
    own: { admin: 'ok', operateur: 'ok', astreinte: 'forbidden', elu: 'ok', 'elu-droits': 'ok' },
    foreign: { admin: 'ok', operateur: 'ok', astreinte: 'forbidden', elu: 'not-found', 'elu-droits': 'not-found' },
    unknown: { admin: 'not-found', operateur: 'not-found', astreinte: 'not-found', elu: 'not-found', 'elu-droits': 'not-found' },
  },
  // Within the building's 16–22 °C, outside the elected officials' 18–21 °C (and 19–20 °C).
  'command.send heating.setpoint 21.5 °C': {
    own: { admin: 'ok', operateur: 'ok', astreinte: 'forbidden', elu: 'command.out-of-range', 'elu-droits': 'command.out-of-range' },
    foreign: { admin: 'ok', operateur: 'ok', astreinte: 'forbidden', elu: 'not-found', 'elu-droits': 'not-found' },
    unknown: { admin: 'not-found', operateur: 'not-found', astreinte: 'not-found', elu: 'not-found', 'elu-droits': 'not-found' },
  },
  // Within 18–21 °C but outside the account's own 19–20 °C.
  'command.send heating.setpoint 18.5 °C': {
    own: { admin: 'ok', operateur: 'ok', astreinte: 'forbidden', elu: 'ok', 'elu-droits': 'command.out-of-range' },
    foreign: { admin: 'ok', operateur: 'ok', astreinte: 'forbidden', elu: 'not-found', 'elu-droits': 'not-found' },
    unknown: { admin: 'not-found', operateur: 'not-found', astreinte: 'not-found', elu: 'not-found', 'elu-droits': 'not-found' },
  },
  'camera.view': {
    own: { admin: 'ok', operateur: 'ok', astreinte: 'ok', elu: 'forbidden', 'elu-droits': 'forbidden' },
    foreign: { admin: 'ok', operateur: 'ok', astreinte: 'ok', elu: 'not-found', 'elu-droits': 'not-found' },
    unknown: { admin: 'not-found', operateur: 'not-found', astreinte: 'not-found', elu: 'not-found', 'elu-droits': 'not-found' },
  },
  'device.declare': {
    own: { admin: 'ok', operateur: 'forbidden', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
    foreign: { admin: 'ok', operateur: 'forbidden', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
    unknown: { admin: 'invalid', operateur: 'forbidden', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
  },
  'command.send lighting.dim': {
    own: { admin: 'ok', operateur: 'ok', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
    foreign: { admin: 'ok', operateur: 'ok', astreinte: 'forbidden', elu: 'not-found', 'elu-droits': 'not-found' },
    unknown: { admin: 'not-found', operateur: 'not-found', astreinte: 'not-found', elu: 'not-found', 'elu-droits': 'not-found' },
  },
  // A group command reports unknown and foreign ids per id (`not-found` outcomes), so it answers
  // ok; a command type the account may not send is refused whatever the ids, revealing nothing.
  'command.send-group lighting.dim': {
    own: { admin: 'ok', operateur: 'ok', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
    foreign: { admin: 'ok', operateur: 'ok', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
    unknown: { admin: 'ok', operateur: 'ok', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
  },
  // Radio health is the command post's: others are refused before the asset is even looked up.
  'asset.radio': {
    own: { admin: 'ok', operateur: 'ok', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
    foreign: { admin: 'ok', operateur: 'ok', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
    unknown: { admin: 'not-found', operateur: 'not-found', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
  },
  // A building's own setpoint bounds: admins only, foreign answers like unknown before the role is judged.
  'asset.setpoint-bounds': {
    own: { admin: 'ok', operateur: 'forbidden', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
    foreign: { admin: 'ok', operateur: 'forbidden', astreinte: 'forbidden', elu: 'not-found', 'elu-droits': 'not-found' },
    unknown: { admin: 'not-found', operateur: 'not-found', astreinte: 'not-found', elu: 'not-found', 'elu-droits': 'not-found' },
  },
  'asset.programmes': {
    own: { admin: 'ok', operateur: 'ok', astreinte: 'ok', elu: 'ok', 'elu-droits': 'ok' },
    foreign: { admin: 'ok', operateur: 'ok', astreinte: 'ok', elu: 'not-found', 'elu-droits': 'not-found' },
    unknown: { admin: 'not-found', operateur: 'not-found', astreinte: 'not-found', elu: 'not-found', 'elu-droits': 'not-found' },
  },
  'asset.commands': {
    own: { admin: 'ok', operateur: 'ok', astreinte: 'ok', elu: 'ok', 'elu-droits': 'ok' },
    foreign: { admin: 'ok', operateur: 'ok', astreinte: 'ok', elu: 'not-found', 'elu-droits': 'not-found' },
    unknown: { admin: 'not-found', operateur: 'not-found', astreinte: 'not-found', elu: 'not-found', 'elu-droits': 'not-found' },
  },
  'alarm.acknowledge': {
    own: { admin: 'ok', operateur: 'ok', astreinte: 'ok', elu: 'forbidden', 'elu-droits': 'forbidden' },
    foreign: { admin: 'ok', operateur: 'ok', astreinte: 'ok', elu: 'not-found', 'elu-droits': 'not-found' },
    unknown: { admin: 'not-found', operateur: 'not-found', astreinte: 'not-found', elu: 'not-found', 'elu-droits': 'not-found' },
  },
  // Alarm management (issue 4). The rows below reuse each (role, scope)'s alarm, in this order.
  // A bulk acknowledgement reports unknown and foreign ids per id (`not-found` outcomes), so it
  // answers ok; its refusal for elected officials does not depend on the ids and reveals nothing.
  'alarm.acknowledge-many': {
    own: { admin: 'ok', operateur: 'ok', astreinte: 'ok', elu: 'forbidden', 'elu-droits': 'forbidden' },
    foreign: { admin: 'ok', operateur: 'ok', astreinte: 'ok', elu: 'forbidden', 'elu-droits': 'forbidden' },
    unknown: { admin: 'ok', operateur: 'ok', astreinte: 'ok', elu: 'forbidden', 'elu-droits': 'forbidden' },
  },
  'alarm.comment': {
    own: { admin: 'ok', operateur: 'ok', astreinte: 'ok', elu: 'forbidden', 'elu-droits': 'forbidden' },
    foreign: { admin: 'ok', operateur: 'ok', astreinte: 'ok', elu: 'not-found', 'elu-droits': 'not-found' },
    unknown: { admin: 'not-found', operateur: 'not-found', astreinte: 'not-found', elu: 'not-found', 'elu-droits': 'not-found' },
  },
  'alarm.shelve': {
    own: { admin: 'ok', operateur: 'ok', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
    foreign: { admin: 'ok', operateur: 'ok', astreinte: 'forbidden', elu: 'not-found', 'elu-droits': 'not-found' },
    unknown: { admin: 'not-found', operateur: 'not-found', astreinte: 'not-found', elu: 'not-found', 'elu-droits': 'not-found' },
  },
  'alarm.unshelve': {
    own: { admin: 'ok', operateur: 'ok', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
    foreign: { admin: 'ok', operateur: 'ok', astreinte: 'forbidden', elu: 'not-found', 'elu-droits': 'not-found' },
    unknown: { admin: 'not-found', operateur: 'not-found', astreinte: 'not-found', elu: 'not-found', 'elu-droits': 'not-found' },
  },
  'maintenance.create': {
    own: { admin: 'ok', operateur: 'ok', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
    foreign: { admin: 'ok', operateur: 'ok', astreinte: 'forbidden', elu: 'not-found', 'elu-droits': 'not-found' },
    unknown: { admin: 'not-found', operateur: 'not-found', astreinte: 'not-found', elu: 'not-found', 'elu-droits': 'not-found' },
  },
  'maintenance.delete': {
    own: { admin: 'ok', operateur: 'ok', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
    foreign: { admin: 'ok', operateur: 'ok', astreinte: 'forbidden', elu: 'not-found', 'elu-droits': 'not-found' },
    unknown: { admin: 'not-found', operateur: 'not-found', astreinte: 'not-found', elu: 'not-found', 'elu-droits': 'not-found' },
  },
  // The main courante is the command post's: elected officials are refused whatever the link,
  // which tells them nothing about what exists.
  'logbook.add': {
    own: { admin: 'ok', operateur: 'ok', astreinte: 'ok', elu: 'forbidden', 'elu-droits': 'forbidden' },
    foreign: { admin: 'ok', operateur: 'ok', astreinte: 'ok', elu: 'forbidden', 'elu-droits': 'forbidden' },
    unknown: { admin: 'not-found', operateur: 'not-found', astreinte: 'not-found', elu: 'forbidden', 'elu-droits': 'forbidden' },
  },
};

/** Ops with no asset or alarm to aim at: what each role gets. */
const UNSCOPED: Record<string, Record<Role, string>> = {
  login: { admin: 'ok', operateur: 'ok', astreinte: 'ok', elu: 'ok', 'elu-droits': 'ok' },
  resume: { admin: 'ok', operateur: 'ok', astreinte: 'ok', elu: 'ok', 'elu-droits': 'ok' },
  logout: { admin: 'ok', operateur: 'ok', astreinte: 'ok', elu: 'ok', 'elu-droits': 'ok' },
  subscribe: { admin: 'ok', operateur: 'ok', astreinte: 'ok', elu: 'ok', 'elu-droits': 'ok' },
  ping: { admin: 'ok', operateur: 'ok', astreinte: 'ok', elu: 'ok', 'elu-droits': 'ok' },
  'maintenance.list': { admin: 'ok', operateur: 'ok', astreinte: 'ok', elu: 'ok', 'elu-droits': 'ok' },
  'device.quarantine': { admin: 'ok', operateur: 'ok', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
  'device.import': { admin: 'ok', operateur: 'forbidden', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
  'user.list': { admin: 'ok', operateur: 'forbidden', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
  'user.create': { admin: 'ok', operateur: 'forbidden', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
  'user.update': { admin: 'ok', operateur: 'forbidden', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
  'user.revoke-sessions': { admin: 'ok', operateur: 'forbidden', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
  'audit.list': { admin: 'ok', operateur: 'forbidden', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
  'audit.export': { admin: 'ok', operateur: 'forbidden', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
  'device.list': { admin: 'ok', operateur: 'ok', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
  // Retiring a device is the admins' (an unknown DevEUI answers not-found only to them).
  'device.remove': { admin: 'not-found', operateur: 'forbidden', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
  // On-call rosters: read by the command post and the people on call, edited by admins only.
  'oncall.list': { admin: 'ok', operateur: 'ok', astreinte: 'ok', elu: 'forbidden', 'elu-droits': 'forbidden' },
  'oncall.now': { admin: 'ok', operateur: 'ok', astreinte: 'ok', elu: 'forbidden', 'elu-droits': 'forbidden' },
  'oncall.save': { admin: 'ok', operateur: 'forbidden', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
  'oncall.delete': { admin: 'not-found', operateur: 'forbidden', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
  // Everyone keeps their own contact details; only admins write someone else's.
  'contact.set': { admin: 'ok', operateur: 'forbidden', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
  'alarm.notifications': { admin: 'not-found', operateur: 'not-found', astreinte: 'not-found', elu: 'forbidden', 'elu-droits': 'forbidden' },
  // Field sources (brokers and credentials) are the admins'. A disabled source is created so
  // the matrix starts no connection; an unknown one answers not-found only to an admin.
  'source.list': { admin: 'ok', operateur: 'forbidden', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
  'source.create': { admin: 'ok', operateur: 'forbidden', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
  'source.update': { admin: 'not-found', operateur: 'forbidden', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
  'source.delete': { admin: 'not-found', operateur: 'forbidden', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
  // Alarm thresholds: the command post reads them, only admins change them.
  'threshold.list': { admin: 'ok', operateur: 'ok', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
  'threshold.update': { admin: 'ok', operateur: 'forbidden', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
  'threshold.reset': { admin: 'ok', operateur: 'forbidden', astreinte: 'forbidden', elu: 'forbidden', 'elu-droits': 'forbidden' },
  // The main courante is the command post's and the on-call staff's, never an elected official's.
  'logbook.list': { admin: 'ok', operateur: 'ok', astreinte: 'ok', elu: 'forbidden', 'elu-droits': 'forbidden' },
  'logbook.handover': { admin: 'ok', operateur: 'ok', astreinte: 'ok', elu: 'forbidden', 'elu-droits': 'forbidden' },
  'logbook.export': { admin: 'ok', operateur: 'ok', astreinte: 'ok', elu: 'forbidden', 'elu-droits': 'forbidden' },
};

const PASSWORD = 'beffroi';
/** The account every user.update and user.revoke-sessions of the matrix aims at. */
const TARGET_ACCOUNT = 'matrice-cible';

const maintenancePeriod = () => ({
  fromAt: new Date(Date.now() + 3_600_000).toISOString(),
  toAt: new Date(Date.now() + 7_200_000).toISOString(),
  reason: 'Contrôle des droits',
});

const username = (role: Role) => (role === 'elu' ? `elu-${home}` : role === 'elu-droits' ? `droits-${home}` : role);

describe('authorisation matrix', () => {
  let test: Awaited<ReturnType<typeof startTestHub>>;
  const clients = new Map<Role, HubClient>();
  const tokens = new Map<Role, string>();
  /** One fresh alarm per (role, scope) so that every acknowledgement meets an unacknowledged alarm. */
  const alarms = new Map<string, string>();
  /** Maintenance windows made ahead, per scope: [the admin's to delete, the operator's, one nobody may delete]. */
  const windows = new Map<Scope, string[]>();

  beforeAll(async () => {
    test = await startTestHub();
    const setup = await HubClient.connect(test.hub.url);
    await setup.login('admin');
    const account = { password: 'un mot de passe solide', communes: [home] };
    await setup.request('user.create', { username: `droits-${home}`, role: 'elected', ...account, grants: OWN_GRANTS });
    await setup.request('user.create', { username: TARGET_ACCOUNT, role: 'elected', ...account });
    await setup.close();
    for (const role of ROLES) {
      const client = await HubClient.connect(test.hub.url);
      const login = await client.login(username(role), role === 'elu-droits' ? account.password : PASSWORD);
      tokens.set(role, (login.session as { token: string }).token);
      await client.request('subscribe');
      clients.set(role, client);
    }
    const watcher = clients.get('admin')!;
    const bins = territory.assets.filter((a) => a.kind === 'waste-container');
    for (const role of ROLES) {
      for (const scope of ['own', 'foreign'] as const) {
        const commune = scope === 'own' ? home : foreign;
        const bin = bins.find((b) => b.commune === commune && ![...alarms.keys()].some((k) => k.endsWith(b.id)))!;
        const device = territory.devices.find((d) => d.assetId === bin.id)!;
        const field = await FieldDevice.connect(test.hub.brokerUrl, territory, device.devEui);
        await field.uplink({ battery: 90, distance: 10 });
        const raised = await watcher.waitFor(
          (m) => m.op === 'events' && (m.events as { type: string; alarm?: { assetId: string } }[]).some((e) => e.type === 'alarm.raised' && e.alarm?.assetId === bin.id),
        );
        const alarm = (raised.events as { alarm?: { id: string; assetId: string } }[]).find((e) => e.alarm?.assetId === bin.id)!.alarm!;
        alarms.set(`${role}|${scope}|${bin.id}`, alarm.id);
        await field.close();
      }
    }
    for (const scope of ['own', 'foreign'] as const) {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const reply = await watcher.request('maintenance.create', { target: { assetId: scope === 'own' ? homeBin.id : foreignBin.id }, ...maintenancePeriod() });
        ids.push((reply.window as { id: string }).id);
      }
      windows.set(scope, ids);
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all([...clients.values()].map((c) => c.close()));
    await test.stop();
  });

  function request(op: string, role: Role, scope: Scope): [string, Record<string, unknown>] {
    switch (op) {
      case 'command.send heating.setpoint':
        return ['command.send', { assetId: { own: school.id, foreign: foreignSchool.id, unknown: 'sch-00000-000' }[scope], command: { type: 'heating.setpoint', celsius: 19 } }];
      case 'command.send heating.setpoint 21.5 °C':
      case 'command.send heating.setpoint 18.5 °C': {
        const celsius = op.endsWith('21.5 °C') ? 21.5 : 18.5;
        return ['command.send', { assetId: { own: school.id, foreign: foreignSchool.id, unknown: 'sch-00000-000' }[scope], command: { type: 'heating.setpoint', celsius } }];
      }
      case 'camera.view':
        return [op, { assetId: { own: camera.id, foreign: foreignCamera.id, unknown: 'cam-00000-000' }[scope] }];
      case 'device.declare': {
        const devEui = `a1b2c3d4e5f6${ROLES.indexOf(role)}${['own', 'foreign', 'unknown'].indexOf(scope)}00`;
        return [op, { devEui, model: binModel, assetId: { own: homeBin.id, foreign: foreignBin.id, unknown: 'bin-00000-000' }[scope] }];
      }
      case 'command.send lighting.dim': {
        return ['command.send', { assetId: { own: cabinet.id, foreign: foreignCabinet.id, unknown: 'cab-00000-000' }[scope], command: { type: 'lighting.dim', percent: 0 } }];
      }
      case 'command.send-group lighting.dim':
        return ['command.send-group', { assetIds: [{ own: cabinet.id, foreign: foreignCabinet.id, unknown: 'cab-00000-000' }[scope]], command: { type: 'lighting.dim', percent: 0 } }];
      case 'asset.commands':
        return ['asset.commands', { assetId: { own: homeBin.id, foreign: foreignBin.id, unknown: 'bin-00000-000' }[scope] }];
      case 'asset.setpoint-bounds':
        return ['asset.setpoint-bounds', { assetId: { own: school.id, foreign: foreignSchool.id, unknown: 'sch-00000-000' }[scope], minC: 16, maxC: 22 }];
      case 'asset.programmes':
        return ['asset.programmes', { assetId: { own: school.id, foreign: foreignSchool.id, unknown: 'sch-00000-000' }[scope] }];
      case 'asset.radio':
        return ['asset.radio', { assetId: { own: homeBin.id, foreign: foreignBin.id, unknown: 'bin-00000-000' }[scope] }];
      case 'alarm.acknowledge': {
        const key = [...alarms.keys()].find((k) => k.startsWith(`${role}|${scope}|`));
        return ['alarm.acknowledge', { alarmId: scope === 'unknown' ? 'al-inconnue' : alarms.get(key!)! }];
      }
      case 'alarm.acknowledge-many':
        return [op, { alarmIds: [alarmFor(role, scope)] }];
      case 'alarm.comment':
        return [op, { alarmId: alarmFor(role, scope), comment: `Vu par ${role}` }];
      case 'alarm.shelve':
        return [op, { alarmId: alarmFor(role, scope), reason: 'Contrôle des droits', untilAt: new Date(Date.now() + 3_600_000).toISOString() }];
      case 'alarm.unshelve':
        return [op, { alarmId: alarmFor(role, scope) }];
      case 'maintenance.create':
        return [op, { target: { assetId: { own: school.id, foreign: foreignSchool.id, unknown: 'sch-00000-000' }[scope] }, ...maintenancePeriod() }];
      case 'maintenance.delete': {
        const slot = role === 'admin' ? 0 : role === 'operateur' ? 1 : 2;
        return [op, { windowId: scope === 'unknown' ? 'mw-inconnue' : windows.get(scope)![slot]! }];
      }
      case 'logbook.add':
        return [op, { text: `Contrôle des droits par ${role}`, assetIds: [{ own: homeBin.id, foreign: foreignBin.id, unknown: 'bin-00000-000' }[scope]] }];
      default:
        throw new Error(op);
    }
  }

  function alarmFor(role: Role, scope: Scope): string {
    if (scope === 'unknown') return 'al-inconnue';
    return alarms.get([...alarms.keys()].find((k) => k.startsWith(`${role}|${scope}|`))!)!;
  }

  const rows = Object.entries(EXPECTED).flatMap(([op, byScope]) =>
    (Object.entries(byScope) as [Scope, Record<Role, string>][]).flatMap(([scope, byRole]) =>
      ROLES.map((role) => [op, scope, role, byRole[role]] as const),
    ),
  );

  it.each(rows)('%s on a %s target as %s → %s', async (op, scope, role, expected) => {
    const [wireOp, fields] = request(op, role, scope);
    const reply = await clients.get(role)!.request(wireOp, fields);
    if (expected === 'ok') expect(reply).toMatchObject({ ok: true });
    else expect(reply).toMatchObject({ ok: false, error: { code: expected } });
  });

  /** Session ops run on a console of their own, so that the matrix's consoles stay logged in. */
  async function unscoped(op: string, role: Role): Promise<Record<string, unknown>> {
    const client = clients.get(role)!;
    const password = role === 'elu-droits' ? 'un mot de passe solide' : PASSWORD;
    switch (op) {
      case 'login':
      case 'resume':
      case 'logout': {
        const fresh = await HubClient.connect(test.hub.url);
        try {
          if (op === 'resume') return await fresh.request(op, { token: tokens.get(role)! });
          const login = await fresh.request('login', { username: username(role), password });
          return op === 'login' ? login : await fresh.request('logout');
        } finally {
          await fresh.close();
        }
      }
      case 'device.import':
        return client.request(op, { csv: '' });
      case 'device.remove':
        return client.request(op, { devEui: 'ffffffffffff0000' });
      case 'source.create':
        return client.request(op, { source: { name: `matrice-${role}`, format: 'chirpstack', url: 'mqtt://127.0.0.1:9', enabled: false } });
      case 'source.update':
        return client.request(op, { name: 'source-inconnue', source: { format: 'chirpstack', url: 'mqtt://127.0.0.1:9', enabled: false } });
      case 'source.delete':
        return client.request(op, { name: 'source-inconnue' });
      case 'threshold.update':
        return client.request(op, { condition: 'battery.low', delaySeconds: 30 });
      case 'threshold.reset':
        return client.request(op, { condition: 'battery.low' });
      case 'oncall.now':
        return client.request(op, { commune: home });
      case 'oncall.save':
        return client.request(op, {
          roster: { name: `Matrice ${role}`, communes: [home], kinds: ['camera'], levels: [{ level: 1, rotation: { users: ['astreinte'], handoverDay: 1, handoverTime: '08:00', timeZone: 'Europe/Paris', startsOn: '2026-01-05' }, exceptions: [] }] },
        });
      case 'oncall.delete':
        return client.request(op, { rosterId: 'astreinte-inconnue' });
      case 'contact.set':
        return client.request(op, { username: TARGET_ACCOUNT, phone: '+33612345678' });
      case 'alarm.notifications':
        return client.request(op, { alarmId: 'alarme-inconnue' });
      case 'user.create':
        return client.request(op, { username: `matrice-${role}`, password: 'un mot de passe solide', role: 'operator', communes: [] });
      case 'user.update':
        return client.request(op, { username: TARGET_ACCOUNT, disabled: false });
      case 'user.revoke-sessions':
        return client.request(op, { username: TARGET_ACCOUNT });
      default:
        return client.request(op);
    }
  }

  const unscopedRows = Object.entries(UNSCOPED).flatMap(([op, byRole]) => ROLES.map((role) => [op, role, byRole[role]] as const));

  it.each(unscopedRows)('%s as %s → %s', async (op, role, expected) => {
    const reply = await unscoped(op, role);
    if (expected === 'ok') expect(reply).toMatchObject({ ok: true });
    else expect(reply).toMatchObject({ ok: false, error: { code: expected } });
  });

  it('covers every op of the protocol, so that a new op cannot be forgotten', () => {
    const covered = new Set([...Object.keys(EXPECTED).map((row) => row.split(' ')[0]!), ...Object.keys(UNSCOPED)]);
    expect(CLIENT_OPS.filter((op) => !covered.has(op))).toEqual([]);
  });

  it('streams nothing of a foreign commune to an elected official', async () => {
    const elected = clients.get('elu')!;
    await elected.request('ping');
    const foreign = elected.received.flatMap((m) => {
      if (m.op === 'snapshot') return [...(m.assets as { commune: string }[]), ...(m.alarms as { commune: string }[])];
      // Maintenance windows carry their commune in `window`, suppressed alarms at the top level.
      if (m.op === 'events') return (m.events as { asset?: { commune: string }; alarm?: { commune: string }; command?: { commune: string }; window?: { commune: string }; commune?: string }[]).map((e) => e.asset ?? e.alarm ?? e.command ?? e.window ?? { commune: e.commune! });
      return [];
    });
    expect(foreign.length).toBeGreaterThan(0);
    expect(foreign.filter((x) => x.commune !== home)).toEqual([]);
  });

  it('lists maintenance windows within the user’s scope only', async () => {
    const listed = async (role: Role) => ((await clients.get(role)!.request('maintenance.list')).windows as { commune: string }[]).map((w) => w.commune);
    expect(new Set(await listed('astreinte'))).toEqual(new Set([home, foreign]));
    const elected = await listed('elu');
    expect(elected.length).toBeGreaterThan(0);
    expect(elected.every((c) => c === home)).toBe(true);
  });

  it('needs a login for the alarm management ops', async () => {
    const anonymous = await HubClient.connect(test.hub.url);
    const untilAt = new Date(Date.now() + 3_600_000).toISOString();
    const requests: [string, Record<string, unknown>][] = [
      ['alarm.acknowledge-many', { alarmIds: ['al-x'] }],
      ['alarm.comment', { alarmId: 'al-x', comment: 'x' }],
      ['alarm.shelve', { alarmId: 'al-x', reason: 'x', untilAt }],
      ['alarm.unshelve', { alarmId: 'al-x' }],
      ['maintenance.create', { target: { assetId: school.id }, ...maintenancePeriod() }],
      ['maintenance.list', {}],
      ['maintenance.delete', { windowId: 'mw-x' }],
    ];
    for (const [op, fields] of requests) expect(await anonymous.request(op, fields)).toMatchObject({ ok: false, error: { code: 'auth.required' } });
    await anonymous.close();
  });

  it('needs a login for every op but login and resume', async () => {
    const anonymous = await HubClient.connect(test.hub.url);
    for (const op of ['subscribe', 'logout', 'alarm.acknowledge', 'command.send', 'asset.commands', 'ping']) {
      const fields = op === 'alarm.acknowledge' ? { alarmId: 'al-x' } : op === 'command.send' ? { assetId: school.id, command: { type: 'heating.setpoint', celsius: 19 } } : op === 'asset.commands' ? { assetId: school.id } : {};
      const reply = await anonymous.request(op, fields);
      if (op === 'logout') expect(reply).toMatchObject({ ok: true });
      else expect(reply).toMatchObject({ ok: false, error: { code: 'auth.required' } });
    }
    await anonymous.close();
  });
});
