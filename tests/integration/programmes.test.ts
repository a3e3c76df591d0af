import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTerritory } from '../../electron/hub/territory';
import { FieldDevice } from '../support/field-device';
import { HubClient } from '../support/hub-client';
import { startTestHub } from '../support/hub';

/**
 * Programmes over the protocol: the hub stores a school's weekly heating, a gate's opening hours,
 * confirms them with what they will do next, and sends the device the command the programme
 * wants now, with the test playing the network server and the devices.
 */
const territory = generateTerritory('essonne');
const school = territory.assets.find((a) => a.category === 'school')!;
const thermostat = territory.devices.find((d) => d.assetId === school.id && d.model === 'mclimate-vicki')!;
const gate = territory.assets.find((a) => a.kind === 'gate' && a.commune === school.commune) ?? territory.assets.find((a) => a.kind === 'gate')!;
const gateController = territory.devices.find((d) => d.assetId === gate.id)!;
const cabinet = territory.assets.find((a) => a.kind === 'lighting-cabinet' && a.commune === school.commune)!;

const vickiReport = (targetTemperatureFloat: number) => ({
  targetTemperatureFloat,
  sensorTemperature: 18,
  relativeHumidity: 45,
  motorRange: 540,
  valveOpenness: 40,
  batteryVoltage: 3.3,
});

/** Comfort all week long, holidays included, whatever day the test runs. */
const allWeek = (from: string, mode: 'comfort' | 'reduced') => Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [{ from, mode }]]));
const alwaysComfort = { setpoints: { comfort: 20, reduced: 17, frost: 8 }, week: allWeek('00:00', 'comfort'), daysOff: 'comfort' };

describe('programmes', () => {
  let test: Awaited<ReturnType<typeof startTestHub>>;
  let operator: HubClient;
  let thermostatDevice: FieldDevice;

  beforeAll(async () => {
    test = await startTestHub();
    operator = await HubClient.connect(test.hub.url);
    await operator.login('operateur');
    await operator.request('subscribe');
    thermostatDevice = await FieldDevice.connect(test.hub.brokerUrl, territory, thermostat.devEui);
    await thermostatDevice.uplink(vickiReport(17));
    await operator.waitFor((m) => JSON.stringify(m).includes('"setpointC":17'));
  });

  afterAll(async () => {
    await thermostatDevice.close();
    await operator.close();
    await test.stop();
  });

  it('stores a weekly heating programme, says what it does now and next, and sends its setpoint', async () => {
    const reply = await operator.request('command.send', { assetId: school.id, command: { type: 'heating.schedule', programme: alwaysComfort } });
    expect(reply).toMatchObject({ ok: true, command: { type: 'heating.schedule', state: 'confirmed', requestedBy: 'operateur' } });
    expect((reply.command as { detail: string }).detail).toMatch(/^Programme enregistré\. Maintenant : confort 20 °C\./);

    // The programme wants 20 °C: a whole degree, the Vicki gets its plain set-target frame, 0E · 20.
    const downlink = await thermostatDevice.waitForDownlink();
    expect(Buffer.from(downlink.data, 'base64')).toEqual(Buffer.from([0x0e, 20]));
    const sent = await operator.waitFor((m) => m.op === 'events' && JSON.stringify(m).includes('"requestedBy":"programme"'));
    expect(JSON.stringify(sent)).toContain('"celsius":20');

    const programmes = await operator.request('asset.programmes', { assetId: school.id });
    expect(programmes).toMatchObject({ ok: true, heating: { setpoints: { comfort: 20 } }, now: { heating: { mode: 'comfort', celsius: 20 } } });
    // The asset now carries what is wanted of it, for drift.
    const updated = await operator.waitFor((m) => m.op === 'events' && JSON.stringify(m).includes('"desired":{"setpointC":20'));
    expect(JSON.stringify(updated)).toContain('"source":"programme"');
  });

  it('holds a temporary override, then refuses values outside the building’s bounds in French', async () => {
    const previous = thermostatDevice.downlinks.at(-1)!.id;
    const override = await operator.request('command.send', { assetId: school.id, command: { type: 'heating.override', celsius: 21, hours: 2 } });
    expect((override.command as { detail: string }).detail).toMatch(/^Dérogation enregistrée\. Maintenant : dérogation 21 °C\. Ensuite : confort 20 °C /);
    const downlink = await thermostatDevice.waitForNewDownlink(previous);
    expect(Buffer.from(downlink.data, 'base64')).toEqual(Buffer.from([0x0e, 21]));

    const tooWarm = await operator.request('command.send', { assetId: school.id, command: { type: 'heating.schedule', programme: { ...alwaysComfort, setpoints: { comfort: 25, reduced: 17, frost: 8 } } } });
    expect(tooWarm).toMatchObject({ ok: false, error: { code: 'command.out-of-range' } });
    expect((tooWarm.error as { message: string }).message).toMatch(/Consigne de confort refusée : elle doit être comprise entre 16 et 22 °C/);
    const frozen = await operator.request('command.send', { assetId: school.id, command: { type: 'heating.schedule', programme: { ...alwaysComfort, setpoints: { comfort: 20, reduced: 17, frost: 2 } } } });
    expect((frozen.error as { message: string }).message).toMatch(/Consigne hors-gel refusée : elle doit être comprise entre 5 et 12 °C/);
    const unordered = await operator.request('command.send', { assetId: school.id, command: { type: 'heating.schedule', programme: { ...alwaysComfort, setpoints: { comfort: 18, reduced: 19, frost: 8 } } } });
    expect(unordered).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const wrongKind = await operator.request('command.send', { assetId: cabinet.id, command: { type: 'heating.schedule', programme: alwaysComfort } });
    expect(wrongKind).toMatchObject({ ok: false, error: { code: 'command.unsupported' } });
  });

  it('lets an admin set a building’s own setpoint bounds, which every setpoint then meets', async () => {
    const admin = await HubClient.connect(test.hub.url);
    await admin.login('admin');
    expect(await operator.request('asset.setpoint-bounds', { assetId: school.id, minC: 17, maxC: 21 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const narrow = await admin.request('asset.setpoint-bounds', { assetId: school.id, minC: 17, maxC: 21 });
    expect(narrow).toMatchObject({ ok: true, minC: 17, maxC: 21 });
    const seen = await operator.waitFor((m) => m.op === 'events' && JSON.stringify(m).includes('"minC":17'));
    expect(JSON.stringify(seen)).toContain(`"id":"${school.id}"`);
    const refused = await operator.request('command.send', { assetId: school.id, command: { type: 'heating.setpoint', celsius: 21.5 } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'command.out-of-range' } });
    expect((refused.error as { message: string }).message).toMatch(/entre 17 et 21 °C pour ce bâtiment/);
    const silly = await admin.request('asset.setpoint-bounds', { assetId: school.id, minC: 21, maxC: 21.5 });
    expect(silly).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const audit = await test.hub.context.db.get<{ details: string }>("SELECT details FROM audit WHERE action = 'asset.setpoint-bounds'");
    expect(JSON.parse(audit!.details)).toEqual({ before: { minC: 16, maxC: 22 }, after: { minC: 17, maxC: 21 } });
    // Back to the defaults for the tests that follow.
    await admin.request('asset.setpoint-bounds', { assetId: school.id, minC: 16, maxC: 22 });
    await admin.close();
  });

  it('lets an elected official programme their school’s heating within their bounds, not their lighting', async () => {
    const elected = await HubClient.connect(test.hub.url);
    await elected.login(`elu-${school.commune}`);
    // An elected official's comfort and reduced setpoints stay within 18–21 °C (frost protection is the building's).
    const tooLow = await elected.request('command.send', { assetId: school.id, command: { type: 'heating.schedule', programme: alwaysComfort } });
    expect(tooLow).toMatchObject({ ok: false, error: { code: 'command.out-of-range', message: 'Consigne réduite hors des limites autorisées pour votre compte : entre 18 et 21 °C.' } });
    const withinBounds = { ...alwaysComfort, setpoints: { comfort: 20, reduced: 18, frost: 8 } };
    const heating = await elected.request('command.send', { assetId: school.id, command: { type: 'heating.schedule', programme: withinBounds } });
    expect(heating).toMatchObject({ ok: true, command: { state: 'confirmed', requestedBy: `elu-${school.commune}` } });
    const lighting = await elected.request('command.send', {
      assetId: cabinet.id,
      command: { type: 'lighting.schedule', schedule: { switchOnAfterSunsetMin: 10, switchOffAfterSunriseMin: -10, duskPercent: 100, dimming: [], exceptions: [] } },
    });
    expect(lighting).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await elected.close();
  });

  it('opens a gate by its opening hours, and keeps the programme across a restart', async () => {
    const controller = await FieldDevice.connect(test.hub.brokerUrl, territory, gateController.devEui);
    await controller.uplink({ DI1_status: 'L', RO1_status: 'OFF' });
    await operator.waitFor((m) => JSON.stringify(m).includes(`"id":"${gate.id}"`) && JSON.stringify(m).includes('"gateOpen":false'));
    const hours = { seasons: [{ from: '01-01', label: 'Toute l’année', open: '00:00', close: '23:59' }], exceptions: [] };
    const reply = await operator.request('command.send', { assetId: gate.id, command: { type: 'gate.hours', hours } });
    expect((reply.command as { detail: string }).detail).toMatch(/^Programme enregistré\. Maintenant : ouvert \(Toute l’année\)\./);
    const downlink = await controller.waitForDownlink();
    expect(downlink.fPort).toBeGreaterThan(0);
    await controller.close();

    await thermostatDevice.close();
    await operator.close();
    const hub = await test.restart();
    operator = await HubClient.connect(hub.url);
    await operator.login('operateur');
    const after = await operator.request('asset.programmes', { assetId: gate.id });
    expect(after).toMatchObject({ ok: true, gate: hours, now: { gate: { position: 'open' } } });
    const heating = await operator.request('asset.programmes', { assetId: school.id });
    expect(heating).toMatchObject({ heating: { setpoints: { comfort: 20 } }, override: { celsius: 21 } });
    thermostatDevice = await FieldDevice.connect(hub.brokerUrl, territory, thermostat.devEui);
  });
});
