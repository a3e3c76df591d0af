import type { AssetSeed, DeviceSeed } from '../territory/types';
import type { Rng } from '../territory/random';
import { VICKI_TARGET_RANGE_C } from '../codecs/mclimate-vicki';
import type { SimDevice } from './devices';
import { advanceRoom, valveOpeningPercent, type Occupancy, type Room } from './behaviour/rooms';

/**
 * The schools' radiator thermostats: each reports the room it heats and takes a setpoint, which
 * the room then follows. Field names are each model's codec's (`encodeUplink`, `decodeDownlink`).
 */

export interface HeatedRoom {
  room: Room;
  occupancy: Occupancy;
}

const round = (value: number, step: number): number => Math.round(value / step) * step;

/** A WT101 regulates between 5 and 35 °C; outside that it refuses the setpoint. */
const WT101_RANGE_C = { min: 5, max: 35 } as const;

/** Milesight WT101: whole-degree setpoints (its downlink carries an int8). */
export function wt101Thermostat(seed: DeviceSeed, asset: AssetSeed, { room, occupancy }: HeatedRoom, battery: number): SimDevice {
  return {
    seed,
    asset,
    report(scenarioMs) {
      advanceRoom(room, scenarioMs, occupancy);
      return {
        battery,
        temperature: round(room.temperatureC, 0.1),
        target_temperature: room.setpointC,
        valve_opening: valveOpeningPercent(room),
        tamper_status: 'installed',
        window_detection: 'normal',
      };
    },
    apply(applied, scenarioMs) {
      return applySetpoint(applied.target_temperature, WT101_RANGE_C, room, occupancy, scenarioMs) ?? Object.keys(applied).length > 0;
    },
  };
}

/**
 * MClimate Vicki: setpoints to the tenth of a degree; a target that is not a whole degree goes up
 * in front of every keep-alive (the codec writes it from `targetTemperatureFloat`).
 */
export function vickiThermostat(seed: DeviceSeed, asset: AssetSeed, { room, occupancy }: HeatedRoom, battery: number, rng: Rng): SimDevice {
  // Steps of the motor between fully open and the valve's seat, found at calibration.
  const motorRange = rng.int(450, 650);
  // The keep-alive carries a voltage, not a percentage: a rough line from a fresh pack to its end.
  const batteryVoltage = round(2.5 + (0.9 * battery) / 100, 0.1);
  return {
    seed,
    asset,
    report(scenarioMs) {
      advanceRoom(room, scenarioMs, occupancy);
      return {
        targetTemperatureFloat: room.setpointC,
        sensorTemperature: room.temperatureC,
        relativeHumidity: room.humidityPercent,
        motorRange,
        valveOpenness: valveOpeningPercent(room),
        batteryVoltage,
        attachedBackplate: true,
        perceiveAsOnline: true,
      };
    },
    apply(applied, scenarioMs) {
      return applySetpoint(applied.targetTemperatureFloat, VICKI_TARGET_RANGE_C, room, occupancy, scenarioMs) ?? Object.keys(applied).length > 0;
    },
  };
}

/** Undefined when the downlink carried no setpoint; false when the device refuses it (out of its range). */
function applySetpoint(
  target: unknown,
  range: { min: number; max: number },
  room: Room,
  occupancy: Occupancy,
  scenarioMs: number,
): boolean | undefined {
  if (typeof target !== 'number') return undefined;
  if (target < range.min || target > range.max) return false;
  // The room so far followed the old setpoint: bring it up to now before the change.
  advanceRoom(room, scenarioMs, occupancy);
  room.setpointC = target;
  return true;
}
