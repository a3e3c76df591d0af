import { describe, expect, it } from 'vitest';
import {
  checkSetpoint,
  isOnStep,
  nudgeSetpoint,
  nudgeStepC,
  setpointLimits,
  stepDecimals,
  stepWording,
  valueDecimals,
} from '../../../renderer/commands/setpoint-limits';

const VICKI = { minC: 16, maxC: 22, stepC: 0.1 };
const WT101 = { minC: 16, maxC: 22, stepC: 1 };

describe('setpoint limits from the hub’s accepts', () => {
  it('reads the heating.setpoint entry, and nothing for assets that take no setpoint', () => {
    expect(setpointLimits({ accepts: [{ type: 'gate.set' }, { type: 'heating.setpoint', minC: 17, maxC: 21, stepC: 0.1 }] })).toEqual({
      minC: 17,
      maxC: 21,
      stepC: 0.1,
    });
    expect(setpointLimits({ accepts: [{ type: 'lighting.dim', dimmable: true }] })).toBeNull();
    expect(setpointLimits({})).toBeNull();
  });

  it('narrows the building’s bounds to the signed-in user’s: role defaults or own grants', () => {
    const school = { accepts: [{ type: 'heating.setpoint' as const, minC: 16, maxC: 22, stepC: 0.1 }] };
    expect(setpointLimits(school, { role: 'elected' })).toEqual({ minC: 18, maxC: 21, stepC: 0.1, narrowed: true });
    expect(setpointLimits(school, { role: 'operator' })).toEqual({ minC: 16, maxC: 22, stepC: 0.1, narrowed: false });
    expect(setpointLimits(school, { role: 'elected', grants: [{ type: 'heating.setpoint', min: 19.5 }] })).toEqual({ minC: 19.5, maxC: 22, stepC: 0.1, narrowed: true });
    // No setpoint for whoever may not send one, nor when the grant and the building do not overlap.
    expect(setpointLimits(school, { role: 'oncall' })).toBeNull();
    expect(setpointLimits(school, { role: 'elected', grants: [{ type: 'gate.set' }] })).toBeNull();
    expect(setpointLimits(school, { role: 'elected', grants: [{ type: 'heating.setpoint', min: 23 }] })).toBeNull();
  });

  it('steps the buttons by 0,5 °C where the device allows it, else by its own step', () => {
    expect(nudgeStepC(0.1)).toBe(0.5);
    expect(nudgeStepC(0.5)).toBe(0.5);
    expect(nudgeStepC(1)).toBe(1);
    expect(nudgeStepC(0.2)).toBe(0.2);
  });

  it('nudges to the next multiple of the step in that direction, within the bounds', () => {
    expect(nudgeSetpoint(19, 1, VICKI)).toBe(19.5);
    expect(nudgeSetpoint(19.5, -1, VICKI)).toBe(19);
    expect(nudgeSetpoint(19.3, 1, VICKI)).toBe(19.5);
    expect(nudgeSetpoint(19.3, -1, VICKI)).toBe(19);
    expect(nudgeSetpoint(21.8, 1, VICKI)).toBe(22);
    expect(nudgeSetpoint(22, 1, VICKI)).toBe(22);
    expect(nudgeSetpoint(16, -1, VICKI)).toBe(16);
    expect(nudgeSetpoint(19, 1, WT101)).toBe(20);
    expect(nudgeSetpoint(19, -1, WT101)).toBe(18);
    expect(nudgeSetpoint(40, -1, WT101)).toBe(22);
  });

  it('accepts any typed value on the device’s step, French comma or English point', () => {
    expect(checkSetpoint('19,3', VICKI)).toEqual({ ok: true, celsius: 19.3 });
    expect(checkSetpoint('19.7', VICKI)).toEqual({ ok: true, celsius: 19.7 });
    expect(checkSetpoint(' 20 ', WT101)).toEqual({ ok: true, celsius: 20 });
    expect(checkSetpoint('19,5', WT101)).toEqual({ ok: false, problem: 'off-step' });
    expect(checkSetpoint('19,25', VICKI)).toEqual({ ok: false, problem: 'off-step' });
    expect(checkSetpoint('dix-neuf', VICKI)).toEqual({ ok: false, problem: 'not-a-number' });
    expect(checkSetpoint('', VICKI)).toEqual({ ok: false, problem: 'not-a-number' });
  });

  it('leaves the bounds to the hub: an on-step value out of bounds is sent as typed', () => {
    expect(checkSetpoint('45', VICKI)).toEqual({ ok: true, celsius: 45 });
  });

  it('refuses here a value outside the user’s own narrower bounds (the hub would too)', () => {
    const elected = { ...VICKI, minC: 18, maxC: 21, narrowed: true };
    expect(checkSetpoint('21', elected)).toEqual({ ok: true, celsius: 21 });
    expect(checkSetpoint('21,5', elected)).toEqual({ ok: false, problem: 'out-of-bounds' });
    expect(checkSetpoint('17', elected)).toEqual({ ok: false, problem: 'out-of-bounds' });
  });

  it('survives binary floating point (19,3 is not exactly 193 tenths)', () => {
    expect(isOnStep(19.3, 0.1)).toBe(true);
    expect(isOnStep(0.7, 0.1)).toBe(true);
    expect(isOnStep(19.35, 0.1)).toBe(false);
  });

  it('words the step for the hint, and shows values with the decimals the step needs', () => {
    expect([0.1, 0.5, 1, 0.25].map(stepWording)).toEqual(['tenth', 'half', 'whole', 'other']);
    expect([0.1, 0.5, 1, 0.25].map(stepDecimals)).toEqual([1, 1, 0, 2]);
    expect(valueDecimals(20, 0.1)).toBe(0);
    expect(valueDecimals(19.5, 0.1)).toBe(1);
  });
});
