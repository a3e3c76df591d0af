import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/hub/audit/audit-chain';
import { generateTerritory } from '../../electron/hub/territory';
import { FieldDevice } from '../support/field-device';
import { HubClient } from '../support/hub-client';
import { startTestHub } from '../support/hub';

/**
 * A heating setpoint from the console to the thermostat and back, with the test playing the
 * network server and the class A device over the hub's real MQTT broker; then a hub restart.
 */
const territory = generateTerritory('essonne');
const school = territory.assets.find((a) => a.category === 'school')!;
// The first school's thermostat is an MClimate Vicki: it takes setpoints to the tenth of a degree.
const thermostat = territory.devices.find((d) => d.assetId === school.id && d.model === 'mclimate-vicki')!;
const airSensor = territory.devices.find((d) => d.assetId === school.id && d.model === 'milesight-am307')!;

/** A Vicki keep-alive's fields (codec names): the room, the valve, and the target it regulates to. */
const vickiReport = (targetTemperatureFloat: number, sensorTemperature: number, valveOpenness: number) => ({
  targetTemperatureFloat,
  sensorTemperature,
  relativeHumidity: 45,
  motorRange: 540,
  valveOpenness,
  batteryVoltage: 3.3,
});

type CommandEvent = { type: string; command?: { id: string; state: string; detail?: string; history: { state: string }[] } };

function commandStates(client: HubClient, commandId: string): string[] {
  return client
    .events()
    .map((e) => e as unknown as CommandEvent)
    .filter((e) => e.type === 'command.updated' && e.command?.id === commandId)
    .map((e) => e.command!.state);
}

async function waitForState(client: HubClient, commandId: string, state: string): Promise<void> {
  await client.waitFor(
    (m) => m.op === 'events' && (m.events as CommandEvent[]).some((e) => e.command?.id === commandId && e.command.state === state),
  );
}

describe('heating setpoint lifecycle', () => {
  let test: Awaited<ReturnType<typeof startTestHub>>;
  let console_: HubClient;
  let device: FieldDevice;

  beforeAll(async () => {
    test = await startTestHub();
    console_ = await HubClient.connect(test.hub.url);
    await console_.login('operateur');
    await console_.request('subscribe');
    device = await FieldDevice.connect(test.hub.brokerUrl, territory, thermostat.devEui);
  });

  afterAll(async () => {
    await device.close();
    await console_.close();
    await test.stop();
  });

  it('goes requested → queued → sent → delivered → confirmed by read-back', async () => {
    await device.uplink(vickiReport(17, 18.2, 40));
    const reply = await console_.request('command.send', { assetId: school.id, command: { type: 'heating.setpoint', celsius: 19.5 } });
    expect(reply).toMatchObject({ ok: true, command: { state: 'requested', requestedBy: 'operateur', params: { celsius: 19.5 } } });
    const commandId = reply.commandId as string;
    expect(reply.command).toHaveProperty('nextListenAt');

    // The hub handed the downlink to the network server: the Vicki's 0.1 °C set-target frame, 51 · 195 (u16 BE), port 2.
    const downlink = await device.waitForDownlink();
    expect(downlink.fPort).toBe(2);
    expect(Buffer.from(downlink.data, 'base64')).toEqual(Buffer.from([0x51, 0x00, 0xc3]));
    await waitForState(console_, commandId, 'queued');

    await device.txAck(downlink.id);
    await waitForState(console_, commandId, 'sent');
    await device.ack(downlink.id);
    await waitForState(console_, commandId, 'delivered');
    // Delivered is not confirmed: only the device reporting the new setpoint is.
    await device.uplink(vickiReport(19.5, 18.4, 70));
    await waitForState(console_, commandId, 'confirmed');
    expect(commandStates(console_, commandId)).toEqual(['requested', 'queued', 'sent', 'delivered', 'confirmed']);

    // Who sent it is in the audit trail, chained and intact.
    const audit = await test.hub.context.db.all<{ actor: string; action: string; target: string; details: string }>(
      "SELECT actor, action, target, details FROM audit WHERE action = 'command.send'",
    );
    expect(audit).toEqual([expect.objectContaining({ actor: 'operateur', target: school.id })]);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ commandId, type: 'heating.setpoint', celsius: 19.5 });
    expect(await verifyAudit(test.hub.context.db)).toMatchObject({ ok: true });
  });

  it('cancels a pending command when a newer one targets the same setting', async () => {
    const older = await console_.request('command.send', { assetId: school.id, command: { type: 'heating.setpoint', celsius: 18 } });
    const newer = await console_.request('command.send', { assetId: school.id, command: { type: 'heating.setpoint', celsius: 21 } });
    await waitForState(console_, older.commandId as string, 'cancelled');
    const cancelled = console_
      .events()
      .map((e) => e as unknown as CommandEvent)
      .find((e) => e.command?.id === older.commandId && e.command?.state === 'cancelled');
    expect(cancelled?.command?.detail).toMatch(/Remplacée par une commande plus récente/);
    expect(newer).toMatchObject({ ok: true });
  });

  it('keeps assets, alarms, acknowledgements and commands across a hub restart, seq going on', async () => {
    const sensor = await FieldDevice.connect(test.hub.brokerUrl, territory, airSensor.devEui);
    await sensor.uplink({ battery: 70, temperature: 21, humidity: 50, co2: 1900 });
    const raised = await console_.waitFor((m) => m.op === 'events' && JSON.stringify(m).includes('"condition":"co2.high"'));
    const alarmId = (raised.events as { alarm?: { id: string; condition: string } }[]).find((e) => e.alarm?.condition === 'co2.high')!.alarm!.id;
    await console_.request('alarm.acknowledge', { alarmId, comment: 'Aération demandée' });
    await sensor.close();
    const seqBefore = (await console_.request('ping')).seq as number;
    await console_.close();

    const hub = await test.restart();
    console_ = await HubClient.connect(hub.url);
    await console_.login('operateur');
    await console_.request('subscribe');
    const snapshot = await console_.waitFor((m) => m.op === 'snapshot');
    expect(snapshot.seq).toBe(seqBefore);
    const alarm = (snapshot.alarms as { id: string; state: string; acknowledgedBy?: string; comment?: string }[]).find((a) => a.id === alarmId);
    expect(alarm).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'operateur', comment: 'Aération demandée' });
    const asset = (snapshot.assets as { id: string; metrics: Record<string, unknown> }[]).find((a) => a.id === school.id);
    expect(asset?.metrics).toMatchObject({ co2Ppm: 1900, setpointC: 19.5 });
    const history = await console_.request('asset.commands', { assetId: school.id });
    const states = (history.commands as { state: string; params: { celsius: number } }[]).map((c) => `${c.params.celsius}:${c.state}`);
    expect(states).toEqual(expect.arrayContaining(['19.5:confirmed', '18:cancelled']));
    // The pending 21 °C command came back from SQLite and is still tracked.
    expect((snapshot.commands as { params: { celsius: number }; state: string }[]).map((c) => c.params.celsius)).toContain(21);
    device = await FieldDevice.connect(hub.brokerUrl, territory, thermostat.devEui);
  });
});

describe('a command the device never confirms', () => {
  it('expires with a French reason', async () => {
    const test = await startTestHub({ BEFFROI_COMMAND_TTL_S: '1' });
    const client = await HubClient.connect(test.hub.url);
    await client.login('admin');
    await client.request('subscribe');
    // The thermostat is heard once (the network server then knows where to queue), then goes quiet.
    const silentDevice = await FieldDevice.connect(test.hub.brokerUrl, territory, thermostat.devEui);
    await silentDevice.uplink(vickiReport(17, 18, 30));
    await client.waitFor((m) => JSON.stringify(m).includes('"setpointC":17'));
    const reply = await client.request('command.send', { assetId: school.id, command: { type: 'heating.setpoint', celsius: 19 } });
    await waitForState(client, reply.commandId as string, 'expired');
    const expired = client
      .events()
      .map((e) => e as unknown as CommandEvent)
      .find((e) => e.command?.state === 'expired');
    expect(expired?.command?.detail).toMatch(/Aucune confirmation de l’appareil/);
    expect(commandStates(client, reply.commandId as string)).toEqual(['requested', 'queued', 'expired']);
    await silentDevice.close();
    await client.close();
    await test.stop();
  });
});

describe('a command to a device not heard since the hub started', () => {
  it('waits as requested for the device, and once expired is never sent late', async () => {
    const test = await startTestHub({ BEFFROI_COMMAND_TTL_S: '1' });
    const client = await HubClient.connect(test.hub.url);
    await client.login('operateur');
    await client.request('subscribe');
    const device = await FieldDevice.connect(test.hub.brokerUrl, territory, thermostat.devEui);
    const reply = await client.request('command.send', { assetId: school.id, command: { type: 'heating.setpoint', celsius: 19.5 } });
    await waitForState(client, reply.commandId as string, 'expired');
    expect(commandStates(client, reply.commandId as string)).toEqual(['requested', 'expired']);

    // The device finally speaks: the hub applies its uplink, and no downlink goes out for the dead command.
    await device.uplink(vickiReport(17, 18, 30));
    await client.waitFor((m) => JSON.stringify(m).includes('"setpointC":17'));
    await client.request('ping');
    expect(device.downlinks).toEqual([]);
    await device.close();
    await client.close();
    await test.stop();
  });
});

describe('two operators racing on the same setting', () => {
  it('keeps exactly one pending command and sends only it, the other cancelled, whoever the writer took first', async () => {
    const test = await startTestHub();
    const first = await HubClient.connect(test.hub.url);
    const second = await HubClient.connect(test.hub.url);
    await first.login('operateur');
    await second.login('admin');
    await first.request('subscribe');
    const device = await FieldDevice.connect(test.hub.brokerUrl, territory, thermostat.devEui);
    await device.uplink(vickiReport(17, 18, 30));
    await first.waitFor((m) => JSON.stringify(m).includes('"setpointC":17'));

    // Both consoles send at once: the hub serialises them through its writer.
    const [a, b] = await Promise.all([
      first.request('command.send', { assetId: school.id, command: { type: 'heating.setpoint', celsius: 18 } }),
      second.request('command.send', { assetId: school.id, command: { type: 'heating.setpoint', celsius: 21 } }),
    ]);
    expect(a).toMatchObject({ ok: true });
    expect(b).toMatchObject({ ok: true });
    const ids = [a.commandId as string, b.commandId as string];
    // Whichever the writer took first ends cancelled, the other stays pending: never both sent.
    await first.waitFor((m) => m.op === 'events' && (m.events as CommandEvent[]).some((e) => ids.includes(e.command?.id ?? '') && e.command?.state === 'cancelled'));
    const pending = [...test.hub.context.state.commands.values()].filter((r) => r.command.assetId === school.id);
    expect(pending).toHaveLength(1);
    const cancelled = ids.find((id) => id !== pending[0]!.command.id)!;
    expect(commandStates(first, cancelled)).toContain('cancelled');
    // The device gets one downlink per command the hub kept; the cancelled one is withdrawn.
    const downlink = await device.waitForDownlink();
    const wanted = pending[0]!.command.params.celsius as number;
    expect(Buffer.from(downlink.data, 'base64')).toEqual(Buffer.from(wanted === 21 ? [0x0e, 21] : [0x0e, 18]));
    await device.uplink(vickiReport(17, 18, 30));
    await first.request('ping');
    expect(device.downlinks).toHaveLength(1);
    await device.close();
    await first.close();
    await second.close();
    await test.stop();
  });
});
