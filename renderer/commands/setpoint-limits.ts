import { effectiveBounds, grantFor, type AcceptedCommand, type Asset, type SessionUser } from '../../shared';
import { parseDecimal } from '../i18n/format';

/**
 * What this console may set on an asset's thermostat: the building's bounds as the hub gives them,
 * narrowed to the user's own (`narrowed`: an elected official's 18–21 °C), and the device's step.
 */
export type SetpointLimits = Omit<Extract<AcceptedCommand, { type: 'heating.setpoint' }>, 'type'> & { narrowed?: boolean };

/** The step the +/− buttons take when the thermostat's resolution allows it. */
const PREFERRED_NUDGE_C = 0.5;

/** Rounding slack: 19.3 / 0.1 is 192.99999999999997 in binary floating point. */
const EPSILON = 1e-6;

/**
 * The asset's setpoint limits, or null when none of its devices takes a setpoint. Given the
 * signed-in user, the limits are theirs (the same intersection the hub enforces, from the same
 * grants), and null when they may not send setpoints or no value is left to them.
 */
export function setpointLimits(asset: Pick<Asset, 'accepts'>, user?: Pick<SessionUser, 'role' | 'grants'>): SetpointLimits | null {
  const accepted = asset.accepts?.find((c) => c.type === 'heating.setpoint');
  if (!accepted) return null;
  if (!user) return { minC: accepted.minC, maxC: accepted.maxC, stepC: accepted.stepC };
  const grant = grantFor(user, 'heating.setpoint');
  if (!grant) return null;
  const { min, max, narrowed } = effectiveBounds({ min: accepted.minC, max: accepted.maxC }, grant);
  return min > max ? null : { minC: min, maxC: max, stepC: accepted.stepC, narrowed };
}

/** Whether `value` is a whole number of `stepC` (a multiple of the step, counted from 0 °C). */
export function isOnStep(value: number, stepC: number): boolean {
  const steps = value / stepC;
  return Math.abs(steps - Math.round(steps)) < EPSILON;
}

/** 0,5 °C per press where the device can take it (a Vicki at 0,1 °C), else its own step (1 °C). */
export function nudgeStepC(stepC: number): number {
  return isOnStep(PREFERRED_NUDGE_C, stepC) ? PREFERRED_NUDGE_C : stepC;
}

/** Decimals that show every value of a step exactly: 0,1 → 1, 1 → 0, 0,25 → 2. */
export function stepDecimals(stepC: number): number {
  for (let decimals = 0; decimals < 6; decimals++) if (isOnStep(stepC * 10 ** decimals, 1)) return decimals;
  return 6;
}

/**
 * One press of + (direction 1) or − (-1) from `value`: to the next multiple of the nudge step
 * in that direction (19,3 + → 19,5), kept within the building's bounds.
 */
export function nudgeSetpoint(value: number, direction: 1 | -1, limits: SetpointLimits): number {
  const step = nudgeStepC(limits.stepC);
  const steps = value / step;
  const onGrid = Math.abs(steps - Math.round(steps)) < EPSILON;
  const next = onGrid ? Math.round(steps) + direction : direction > 0 ? Math.ceil(steps) : Math.floor(steps);
  const nudged = Math.min(limits.maxC, Math.max(limits.minC, next * step));
  return roundTo(nudged, stepDecimals(limits.stepC));
}

export type SetpointCheck = { ok: true; celsius: number } | { ok: false; problem: 'not-a-number' | 'off-step' | 'out-of-bounds' };

/**
 * Reads what the operator typed (« 19,5 », « 19.5 »). A value off the thermostat's step is refused
 * here, since the device could not hold it; so is a value outside the user's own narrower bounds,
 * in the hub's words. A value outside the building's bounds goes to the hub, which is the
 * authority on them and says why it refuses in its own words (it re-checks everything anyway).
 */
export function checkSetpoint(text: string, limits: SetpointLimits): SetpointCheck {
  const celsius = parseDecimal(text);
  if (celsius === null) return { ok: false, problem: 'not-a-number' };
  if (limits.narrowed && (celsius < limits.minC - EPSILON || celsius > limits.maxC + EPSILON)) return { ok: false, problem: 'out-of-bounds' };
  if (!isOnStep(celsius, limits.stepC)) return { ok: false, problem: 'off-step' };
  return { ok: true, celsius: roundTo(celsius, stepDecimals(limits.stepC)) };
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** How the hint words a step: « au dixième de degré », « en degrés entiers »… */
export type StepWording = 'tenth' | 'half' | 'whole' | 'other';

export function stepWording(stepC: number): StepWording {
  if (Math.abs(stepC - 0.1) < EPSILON) return 'tenth';
  if (Math.abs(stepC - 0.5) < EPSILON) return 'half';
  if (Math.abs(stepC - 1) < EPSILON) return 'whole';
  return 'other';
}

/** Decimals to show a value with: none for whole degrees (« 20 »), else the step's (« 19,5 »). */
export function valueDecimals(value: number, stepC: number): number {
  return isOnStep(value, 1) ? 0 : stepDecimals(stepC);
}
