import { describe, expect, it } from 'vitest';
import { createSchoolCalendar } from '../../../electron/hub/simulator/calendar';
import { parisInstant } from '../../../electron/hub/simulator/clock';
import { advanceRoom, buildingOccupancy, valveOpeningPercent, type Room } from '../../../electron/hub/simulator/behaviour/rooms';
import { advanceBin, binDistanceMm, createBin } from '../../../electron/hub/simulator/behaviour/bins';
import { advanceCabinet, cabinetPowerW, createCabinet, forceLines, isLit, lineStates } from '../../../electron/hub/simulator/behaviour/lighting';
import { createGate, forceGate, gateOpen } from '../../../electron/hub/simulator/behaviour/gates';
import { createRng } from '../../../electron/hub/territory/random';

const calendar = createSchoolCalendar('C');
const HOUR_MS = 3_600_000;
// Tuesday 13 January 2026 (a school day in zone C) and the next day, a Wednesday.
const at = (hour: number, date = '2026-01-13'): number => parisInstant(date, hour);

function classroom(startMs: number): Room {
  return { co2Ppm: 430, temperatureC: 18, humidityPercent: 45, setpointC: 19, co2LoadPpm: 800, atMs: startMs };
}

describe('classroom air', () => {
  const occupancy = buildingOccupancy('school', calendar);

  it('has more CO₂ in class hours than at night, and clears when the room empties', () => {
    const room = classroom(at(0));
    advanceRoom(room, at(3), occupancy);
    const night = room.co2Ppm;
    advanceRoom(room, at(11), occupancy);
    const lateMorning = room.co2Ppm;
    advanceRoom(room, at(16), occupancy);
    const afternoon = room.co2Ppm;
    advanceRoom(room, at(20), occupancy);
    const evening = room.co2Ppm;
    expect(night).toBeLessThan(450);
    expect(lateMorning).toBeGreaterThan(night + 500);
    expect(afternoon).toBeGreaterThan(night + 500);
    expect(evening).toBeLessThan(afternoon - 400);
  });

  it('stays near outdoor CO₂ on Wednesday afternoon', () => {
    const room = classroom(at(12, '2026-01-14'));
    advanceRoom(room, at(16, '2026-01-14'), occupancy);
    expect(room.co2Ppm).toBeLessThan(500);
  });

  it('follows a new setpoint slowly, with the valve opening while it is below', () => {
    const room = classroom(at(0, '2026-01-17')); // a Saturday: no occupants
    advanceRoom(room, at(6, '2026-01-17'), occupancy);
    expect(room.temperatureC).toBeCloseTo(19, 0);
    room.setpointC = 22;
    advanceRoom(room, at(6.25, '2026-01-17'), occupancy);
    expect(room.temperatureC).toBeLessThan(20.5);
    expect(valveOpeningPercent(room)).toBeGreaterThan(50);
    advanceRoom(room, at(12, '2026-01-17'), occupancy);
    expect(room.temperatureC).toBeGreaterThan(21.8);
  });
});

describe('waste container', () => {
  it('fills through the days, then the morning round empties it', () => {
    const rng = createRng('bin-test');
    const start = at(12, '2026-01-13');
    const bin = createBin('household-bin', 1_000, start, rng);
    bin.fill = 0.05;
    bin.collectionWeekdays = [5]; // Friday
    bin.roundHour = 7;
    const distances: number[] = [];
    for (let hours = 0; hours <= 60; hours += 12) {
      advanceBin(bin, start + hours * HOUR_MS);
      distances.push(binDistanceMm(bin));
    }
    for (let i = 1; i < distances.length; i++) expect(distances[i]).toBeLessThan(distances[i - 1] ?? 0);
    advanceBin(bin, at(6.5, '2026-01-16'));
    const beforeRound = binDistanceMm(bin);
    advanceBin(bin, at(8, '2026-01-16'));
    expect(binDistanceMm(bin)).toBeGreaterThan(950);
    expect(binDistanceMm(bin)).toBeGreaterThan(beforeRound);
  });

  it('never reads closer than the sensor blind zone when overflowing', () => {
    const bin = createBin('glass-column', 1_800, at(0), createRng('overflow'));
    bin.fill = 1.3;
    expect(binDistanceMm(bin)).toBe(30);
  });
});

describe('lighting cabinet', () => {
  const settings = { lampCount: 30, lampPowerW: 70, contractedPowerW: 3_000 };
  const massy = { lon: 2.27, lat: 48.73 };

  it('draws about lamps × lamp watts at night and nothing at noon', () => {
    const cabinet = createCabinet(settings, massy.lon, massy.lat, at(0), createRng('cab'));
    expect(cabinetPowerW(cabinet, at(22), undefined)).toBeCloseTo(30 * 70 * 1.06, 0);
    expect(cabinetPowerW(cabinet, at(12), undefined)).toBe(0);
    expect(Object.values(lineStates(cabinet, at(22), undefined)).every((s) => s === 'on')).toBe(true);
    expect(Object.values(lineStates(cabinet, at(12), undefined)).every((s) => s === 'off')).toBe(true);
  });

  it('meters energy by night only', () => {
    const cabinet = createCabinet(settings, massy.lon, massy.lat, at(10), createRng('cab'));
    const start = cabinet.energyWh;
    advanceCabinet(cabinet, at(14), undefined);
    expect(cabinet.energyWh).toBe(start);
    advanceCabinet(cabinet, at(23), undefined);
    expect(cabinet.energyWh - start).toBeGreaterThan(2_000); // ~2.2 kW over ~5 h of darkness
  });

  it('overruns its contracted power, or loses a line, when a fault is on', () => {
    const cabinet = createCabinet(settings, massy.lon, massy.lat, at(0), createRng('cab'));
    expect(cabinetPowerW(cabinet, at(22), 'overrun')).toBeGreaterThan(settings.contractedPowerW);
    const feeder = lineStates(cabinet, at(22), 'feeder');
    expect(Object.values(feeder).filter((s) => s === 'off')).toHaveLength(1);
    expect(cabinetPowerW(cabinet, at(22), 'feeder')).toBeLessThan(cabinetPowerW(cabinet, at(22), undefined));
  });

  it('holds an operator switching until the clock switches anyway', () => {
    const cabinet = createCabinet(settings, massy.lon, massy.lat, at(0), createRng('cab'));
    forceLines(cabinet, true, at(12));
    expect(isLit(cabinet, at(13))).toBe(true);
    expect(isLit(cabinet, at(22))).toBe(true);
    expect(isLit(cabinet, at(12, '2026-01-14'))).toBe(false);
  });
});

describe('cemetery gate', () => {
  it('opens in the morning and closes at evening; an order holds until the next switching', () => {
    const gate = createGate({ openAt: '08:00', closeAt: '18:00' });
    expect(gateOpen(gate, at(7))).toBe(false);
    expect(gateOpen(gate, at(10))).toBe(true);
    expect(gateOpen(gate, at(19))).toBe(false);
    forceGate(gate, false, at(10));
    expect(gateOpen(gate, at(12))).toBe(false);
    expect(gateOpen(gate, at(9, '2026-01-14'))).toBe(true);
  });
});
