import { describe, expect, it } from 'vitest';
import { effectiveBounds, grantFor, grantsProblem } from '../../../shared/domain/grants';
import type { SessionUser } from '../../../shared/domain/users';
import { checkCommandBounds, mayCommand, mayViewCameras } from '../../../electron/hub/auth/permissions';
import { parseAllowOptions } from '../../../electron/hub/auth/grant-option';
import { HubError } from '../../../electron/hub/errors';
import { assetRecord } from '../../support/records';

const elected: SessionUser = { username: 'elu-91228', role: 'elected', communes: ['91228'] };
const operator: SessionUser = { username: 'operateur', role: 'operator', communes: [] };
const school = assetRecord('building', { settings: { setpointMinC: 16, setpointMaxC: 22 } });

/** The error a command gets, or 'ok'. */
function refusal(user: SessionUser, celsius: number): string {
  try {
    checkCommandBounds(user, school, { type: 'heating.setpoint', celsius });
    return 'ok';
  } catch (error) {
    if (!(error instanceof HubError)) throw error;
    return `${error.code}: ${error.message}`;
  }
}

describe('effective bounds: the asset’s narrowed by the user’s grant', () => {
  it.each([
    ['a grant inside the asset', { min: 16, max: 22 }, { min: 18, max: 21 }, { min: 18, max: 21, narrowed: true }],
    ['no grant bounds', { min: 16, max: 22 }, {}, { min: 16, max: 22, narrowed: false }],
    ['a grant wider than the asset', { min: 16, max: 22 }, { min: 10, max: 30 }, { min: 16, max: 22, narrowed: false }],
    ['a grant overlapping the top', { min: 16, max: 22 }, { min: 20, max: 25 }, { min: 20, max: 22, narrowed: true }],
    ['a minimum only', { min: 16, max: 22 }, { min: 19 }, { min: 19, max: 22, narrowed: true }],
    ['a grant outside the asset (empty)', { min: 16, max: 22 }, { min: 23, max: 25 }, { min: 23, max: 22, narrowed: true }],
  ])('%s', (_what, asset, grant, expected) => {
    expect(effectiveBounds(asset, grant)).toEqual(expected);
  });
});

describe('command grants', () => {
  it('gives each role its defaults when the user has no grants of their own', () => {
    expect(grantFor(elected, 'heating.setpoint')).toEqual({ type: 'heating.setpoint', min: 18, max: 21 });
    expect([mayCommand(elected, 'gate.set'), mayCommand(elected, 'lighting.dim')]).toEqual([true, false]);
    expect(mayCommand({ ...operator, role: 'oncall' }, 'gate.set')).toBe(false);
    expect(mayCommand(operator, 'lighting.dim')).toBe(true);
  });

  it('uses the user’s own grants when an admin set some, an empty list meaning no command', () => {
    const narrow: SessionUser = { ...elected, grants: [{ type: 'heating.setpoint', min: 19, max: 20 }] };
    expect([mayCommand(narrow, 'heating.setpoint'), mayCommand(narrow, 'gate.set')]).toEqual([true, false]);
    expect(mayCommand({ ...operator, grants: [] }, 'heating.setpoint')).toBe(false);
    expect(mayCommand({ ...operator, role: 'oncall', grants: [{ type: 'gate.set' }] }, 'gate.set')).toBe(true);
  });

  it('refuses an elected official’s setpoint outside 18–21 °C in words that give the range', () => {
    expect(refusal(elected, 19.5)).toBe('ok');
    expect(refusal(elected, 21)).toBe('ok');
    expect(refusal(elected, 22)).toBe('command.out-of-range: Consigne hors des limites autorisées pour votre compte : entre 18 et 21 °C.');
    // Even past the building's own bounds, the elected official is told their own range.
    expect(refusal(elected, 30)).toBe('command.out-of-range: Consigne hors des limites autorisées pour votre compte : entre 18 et 21 °C.');
    expect(refusal({ ...elected, grants: [{ type: 'heating.setpoint', min: 18.5 }] }, 18)).toBe(
      'command.out-of-range: Consigne hors des limites autorisées pour votre compte : entre 18,5 et 22 °C.',
    );
  });

  it('leaves the building’s own bounds to the command planner for an operator', () => {
    expect(refusal(operator, 22)).toBe('ok');
    expect(refusal(operator, 30)).toBe('ok');
  });

  it('says nothing is allowed when a grant and the building do not overlap', () => {
    expect(refusal({ ...elected, grants: [{ type: 'heating.setpoint', min: 23, max: 25 }] }, 24)).toMatch(/^command.out-of-range: Aucune valeur/);
  });

  it('bounds the dimming percentage too', () => {
    const dimmer: SessionUser = { ...elected, grants: [{ type: 'lighting.dim', min: 30 }] };
    expect(() => checkCommandBounds(dimmer, assetRecord('lighting-cabinet'), { type: 'lighting.dim', percent: 10 })).toThrow(
      'Valeur hors des limites autorisées pour votre compte : entre 30 et 100 %.',
    );
  });

  it('lets the command post see cameras, not elected officials', () => {
    expect([operator, { ...operator, role: 'admin' }, { ...operator, role: 'oncall' }, elected].map((u) => mayViewCameras(u as SessionUser))).toEqual([true, true, true, false]);
  });
});

describe('grants an admin may store', () => {
  it.each([
    [[{ type: 'heating.setpoint', min: 18, max: 21 }, { type: 'gate.set' }], undefined],
    [[{ type: 'gate.set' }, { type: 'gate.set' }], /en double/],
    [[{ type: 'gate.set', min: 0 }], /ne prend pas de bornes/],
    [[{ type: 'heating.setpoint', min: 22, max: 18 }], /inversées/],
  ] as const)('%j → %s', (grants, problem) => {
    const found = grantsProblem(grants);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toMatch(problem);
  });
});

describe('--allow on the admin command line', () => {
  it('reads commands with and without bounds, decimals with a comma', () => {
    expect(parseAllowOptions(['heating.setpoint:18,5-21', 'gate.set', 'lighting.dim:-50'])).toEqual({
      grants: [{ type: 'heating.setpoint', min: 18.5, max: 21 }, { type: 'gate.set' }, { type: 'lighting.dim', max: 50 }],
    });
  });

  it.each([['chauffage:18-21', /commande parmi/], ['heating.setpoint:18', /attendu/], ['heating.setpoint:21-18', /inversées/]])('refuses %s', (value, problem) => {
    const parsed = parseAllowOptions([value]);
    expect('problem' in parsed && parsed.problem).toMatch(problem);
  });
});
