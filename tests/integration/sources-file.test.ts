import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHubConfig } from '../../electron/hub/config';
import { startHub } from '../../electron/hub/hub';
import { startEmbeddedBroker, type EmbeddedBroker } from '../../electron/hub/sources/embedded-broker';
import { generateTerritory } from '../../electron/hub/territory';
import { FieldDevice } from '../support/field-device';
import { HubClient } from '../support/hub-client';
import { startTestHub } from '../support/hub';
import { tempDir } from '../support/temp-dir';

/**
 * A command-post hub fed by two network servers at once (BEFFROI_SOURCES_FILE): uplinks from both
 * reach the consoles, and a command goes out through the broker that hears its device.
 */
const territory = generateTerritory('essonne');
const school = territory.assets.find((a) => a.category === 'school')!;
const airSensor = territory.devices.find((d) => d.assetId === school.id && d.model === 'milesight-am307')!;
const thermostat = territory.devices.find((d) => d.assetId === school.id && d.model === 'mclimate-vicki')!;

describe('several field sources from a settings file', () => {
  let north: EmbeddedBroker;
  let south: EmbeddedBroker;
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let test: Awaited<ReturnType<typeof startTestHub>>;

  beforeAll(async () => {
    [north, south] = await Promise.all([startEmbeddedBroker(), startEmbeddedBroker()]);
    dir = await tempDir();
    const file = join(dir.path, 'sources.json');
    writeFileSync(file, JSON.stringify({ sources: [
      { name: 'nord', url: north.url, format: 'chirpstack' },
      { name: 'sud', url: south.url, format: 'chirpstack', username: 'beffroi', passwordEnv: 'BEFFROI_TEST_SUD_PASSWORD' },
    ] }));
    process.env.BEFFROI_TEST_SUD_PASSWORD = 'secret';
    test = await startTestHub({ BEFFROI_SOURCES_FILE: file });
  });

  afterAll(async () => {
    await test.stop();
    await Promise.all([north.stop(), south.stop()]);
    await dir.remove();
  });

  it('takes uplinks from both and sends a command through the broker that hears the device', async () => {
    const console_ = await HubClient.connect(test.hub.url);
    await console_.login('operateur');
    await console_.request('subscribe');
    const sensorNorth = await FieldDevice.connect(north.url, territory, airSensor.devEui);
    const thermostatSouth = await FieldDevice.connect(south.url, territory, thermostat.devEui);
    const thermostatNorth = await FieldDevice.connect(north.url, territory, thermostat.devEui);
    await sensorNorth.uplink({ battery: 90, temperature: 21, humidity: 45, co2: 777 });
    await thermostatSouth.uplink({ targetTemperatureFloat: 17, sensorTemperature: 18, relativeHumidity: 45, motorRange: 540, valveOpenness: 30, batteryVoltage: 3.3 });
    await console_.waitFor((m) => JSON.stringify(m).includes('"co2Ppm":777') && JSON.stringify(m).includes('"setpointC":17'));

    await console_.request('command.send', { assetId: school.id, command: { type: 'heating.setpoint', celsius: 19.5 } });
    const downlink = await thermostatSouth.waitForDownlink();
    expect(Buffer.from(downlink.data, 'base64')).toEqual(Buffer.from([0x51, 0x00, 0xc3]));
    await console_.request('ping');
    expect(thermostatNorth.downlinks).toEqual([]);
    for (const d of [sensorNorth, thermostatSouth, thermostatNorth]) await d.close();
    await console_.close();
  });
});

describe('a sources file that does not fit', () => {
  it.each([
    [{ sources: [] }, /au moins une source/],
    [{ sources: [{ name: 'A B', url: 'mqtt://x' }] }, /sources\.0\.name/],
    [{ sources: [{ name: 'nord', url: 'http://x' }] }, /mqtt:\/\/ ou mqtts:\/\//],
    [{ sources: [{ name: 'nord', url: 'mqtt://x', password: 'en clair' }] }, /password/],
    [{ sources: [{ name: 'nord', url: 'mqtt://x', passwordEnv: 'BEFFROI_ABSENTE' }] }, /BEFFROI_ABSENTE, qui n’est pas définie/],
  ])('keeps the hub from starting, saying what is wrong: %j', async (content, message) => {
    const dir = await tempDir();
    const file = join(dir.path, 'sources.json');
    writeFileSync(file, JSON.stringify(content));
    const config = readHubConfig({ BEFFROI_PORT: '0', BEFFROI_DATA_DIR: dir.path, BEFFROI_DEMO: 'none', BEFFROI_SOURCES_FILE: file });
    await expect(startHub(config, () => undefined)).rejects.toThrow(message);
    // Nothing was left behind: the data directory is free for the next start.
    expect(existsSync(join(dir.path, 'hub.lock'))).toBe(false);
    await dir.remove();
  });
});
