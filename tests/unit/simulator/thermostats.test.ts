import { describe, expect, it } from 'vitest';
import { getCodec } from '../../../electron/hub/codecs/registry';
import type { DeviceCodec } from '../../../electron/hub/codecs/types';
import { createSchoolCalendar } from '../../../electron/hub/simulator/calendar';
import { parisInstant } from '../../../electron/hub/simulator/clock';
import { buildingOccupancy, type Room } from '../../../electron/hub/simulator/behaviour/rooms';
import type { SimDevice } from '../../../electron/hub/simulator/devices';
import { vickiThermostat, wt101Thermostat } from '../../../electron/hub/simulator/thermostats';
import { createRng } from '../../../electron/hub/territory/random';
import type { AssetSeed, DeviceSeed } from '../../../electron/hub/territory/types';

/**
 * The simulated thermostats through their own codecs, as the network server plays them: a
 * setpoint downlink decoded by the device, applied to the room, then read back in the next uplink.
 */
const occupancy = buildingOccupancy('school', createSchoolCalendar('C'));
const startMs = parisInstant('2026-01-13', 6);
const school: AssetSeed = { id: 'sch-91228-1', kind: 'building', category: 'school', name: 'École Jules Ferry', commune: '91228', lon: 2.2, lat: 48.6 };

function thermostat(model: 'mclimate-vicki' | 'milesight-wt101'): { device: SimDevice; codec: DeviceCodec; room: Room } {
  const room: Room = { co2Ppm: 430, temperatureC: 18, humidityPercent: 45, setpointC: 19, co2LoadPpm: 800, atMs: startMs };
  const seed: DeviceSeed = { devEui: '70b3d52d00000001', model, assetId: school.id, uplinkPeriodS: 30 };
  const codec = getCodec(model)!;
  const device =
    model === 'mclimate-vicki'
      ? vickiThermostat(seed, school, { room, occupancy }, 80, createRng('test'))
      : wt101Thermostat(seed, school, { room, occupancy }, 80);
  return { device, codec, room };
}

function setpointAfter(device: SimDevice, codec: DeviceCodec, celsius: number): { accepted: boolean; reported: unknown } {
  const downlink = codec.encodeDownlink!({ type: 'heating.setpoint', celsius })!;
  const accepted = device.apply(codec.decodeDownlink!(downlink.fPort, downlink.bytes), startMs + 60_000);
  const uplink = codec.encodeUplink!(device.report(startMs + 120_000, Date.now()));
  const reported = codec.decodeUplink(uplink.fPort, uplink.bytes).observations.find((o) => o.metric === 'setpointC')?.value;
  return { accepted, reported };
}

describe('simulated radiator thermostats', () => {
  it('a Vicki takes 19.5 °C and reports it in its next uplink', () => {
    const { device, codec, room } = thermostat('mclimate-vicki');
    expect(setpointAfter(device, codec, 19.5)).toEqual({ accepted: true, reported: 19.5 });
    expect(room.setpointC).toBe(19.5);
  });

  it('a Vicki refuses a target beyond its 5–30 °C and keeps the old one', () => {
    const { device, codec, room } = thermostat('mclimate-vicki');
    expect(device.apply(codec.decodeDownlink!(2, Uint8Array.from([0x51, 0x01, 0x3b])), startMs)).toBe(false);
    expect(room.setpointC).toBe(19);
  });

  it('a Vicki reports its room: temperature, valve, battery as a voltage', () => {
    const { device, codec } = thermostat('mclimate-vicki');
    const uplink = codec.encodeUplink!(device.report(startMs + 600_000, Date.now()));
    const { fields } = codec.decodeUplink(uplink.fPort, uplink.bytes);
    expect(fields).toMatchObject({ reason: 0x81, targetTemperatureFloat: 19, attachedBackplate: true });
    expect(Number(fields.sensorTemperature)).toBeGreaterThan(17);
    expect(Number(fields.batteryVoltage)).toBeCloseTo(3.2, 5);
    expect(Number(fields.valveOpenness)).toBeGreaterThan(0);
  });

  it('a WT101 still takes whole degrees', () => {
    const { device, codec } = thermostat('milesight-wt101');
    expect(setpointAfter(device, codec, 21)).toEqual({ accepted: true, reported: 21 });
  });
});
