import { describe, expect, it } from 'vitest';
import type { UserAccount } from '../../../shared';
import { matchCommunes } from '../../../renderer/admin/users/CommunePicker';
import {
  createRequest,
  emptyUserForm,
  fieldOfHubError,
  formFromAccount,
  passwordResetRequest,
  updateRequest,
  type UserFormState,
} from '../../../renderer/admin/users/user-form';
import { translate, type MessageKey } from '../../../renderer/i18n';

const t = (key: MessageKey, params?: Record<string, string | number>) => translate('fr', key, params);

function form(patch: Partial<UserFormState>): UserFormState {
  return { ...emptyUserForm(), ...patch };
}

const MAYOR: UserAccount = { username: 'elu-91377', role: 'elected', communes: ['91377'], disabled: false, createdAt: '2026-11-01T08:00:00.000Z' };

describe('the user form becomes a user.create request', () => {
  it('carries the identity, role and communes, and no grants while the role’s defaults apply', () => {
    const built = createRequest(form({ username: ' maire-massy ', password: 'correct horse battery', role: 'elected', communes: ['91377'] }), t);
    expect(built).toEqual({ ok: true, request: { username: 'maire-massy', password: 'correct horse battery', role: 'elected', communes: ['91377'] } });
  });

  it('reads French bounds (« 19,5 ») in °C, leaves out empty ones and commands not ticked', () => {
    const grants = { ...emptyUserForm().grants, 'heating.setpoint': { allowed: true, min: '18', max: '21,5' }, 'gate.set': { allowed: true, min: '', max: '' } };
    const built = createRequest(form({ username: 'maire', password: 'x'.repeat(12), role: 'elected', communes: ['91377'], sites: ['school-1'], grantsMode: 'custom', grants }), t);
    expect(built.ok && built.request).toMatchObject({
      sites: ['school-1'],
      grants: [{ type: 'heating.setpoint', min: 18, max: 21.5 }, { type: 'gate.set' }],
    });
  });

  it('refuses a short password and a bad username before sending, field by field', () => {
    const built = createRequest(form({ username: 'Maire Massy', password: 'court' }), t);
    expect(built).toEqual({
      ok: false,
      errors: {
        username: expect.stringMatching(/minuscules/),
        password: 'Le mot de passe doit compter au moins 12 caractères.',
      },
    });
  });

  it('refuses bounds that do not read as numbers or that cross', () => {
    const base = { username: 'maire', password: 'x'.repeat(12), grantsMode: 'custom' as const };
    const notNumber = { ...emptyUserForm().grants, 'lighting.dim': { allowed: true, min: 'vingt', max: '' } };
    expect(createRequest(form({ ...base, grants: notNumber }), t)).toEqual({ ok: false, errors: { grants: 'Gradation de l’éclairage : « vingt » n’est pas un nombre.' } });
    const crossed = { ...emptyUserForm().grants, 'heating.setpoint': { allowed: true, min: '22', max: '18' } };
    expect(createRequest(form({ ...base, grants: crossed }), t)).toEqual({ ok: false, errors: { grants: 'Consigne de chauffage : le minimum dépasse le maximum.' } });
  });
});

describe('an edited account becomes a user.update request of what changed', () => {
  it('sends nothing when nothing changed (every update closes the user’s sessions)', () => {
    expect(updateRequest(formFromAccount(MAYOR), MAYOR, t)).toEqual({ ok: true, request: null });
  });

  it('sends only the changed scope, in any order of communes', () => {
    const edited = { ...formFromAccount({ ...MAYOR, communes: ['91377', '91228'] }), communes: ['91228', '91377'] };
    expect(updateRequest(edited, { ...MAYOR, communes: ['91377', '91228'] }, t)).toEqual({ ok: true, request: null });
    expect(updateRequest({ ...formFromAccount(MAYOR), communes: ['91377', '91228'], role: 'oncall' }, MAYOR, t)).toEqual({
      ok: true,
      request: { username: 'elu-91377', role: 'oncall', communes: ['91377', '91228'] },
    });
  });

  it('round-trips grants, and returns to the role’s defaults with null', () => {
    const granted: UserAccount = { ...MAYOR, grants: [{ type: 'heating.setpoint', min: 18.5, max: 21 }] };
    const asForm = formFromAccount(granted);
    expect(asForm.grantsMode).toBe('custom');
    expect(asForm.grants['heating.setpoint']).toEqual({ allowed: true, min: '18,5', max: '21' });
    expect(updateRequest(asForm, granted, t)).toEqual({ ok: true, request: null });
    expect(updateRequest({ ...asForm, grantsMode: 'role' }, granted, t)).toEqual({ ok: true, request: { username: 'elu-91377', grants: null } });
  });

  it('checks a new password against the 12-character rule', () => {
    expect(passwordResetRequest('operateur', 'trop-court', t)).toEqual({ ok: false, errors: { password: 'Le mot de passe doit compter au moins 12 caractères.' } });
    expect(passwordResetRequest('operateur', 'un mot de passe long', t)).toEqual({ ok: true, request: { username: 'operateur', password: 'un mot de passe long' } });
  });
});

describe('a refusal of the hub shows next to the field it is about', () => {
  it.each([
    ['Le compte « maire » existe déjà.', 'username'],
    ['Un élu doit avoir au moins une commune.', 'communes'],
    ['Vous ne pouvez ni retirer votre propre rôle d’administrateur, ni désactiver votre compte.', 'role'],
    ['Mot de passe refusé.', 'password'],
    ['Le hub n’a pas répondu à temps : réessayez.', 'form'],
  ] as const)('« %s » → %s', (message, field) => {
    expect(fieldOfHubError({ message })).toBe(field);
  });

  it('prefers the field the hub names in its details', () => {
    expect(fieldOfHubError({ message: 'Refusé.', details: { field: 'grants' } })).toBe('grants');
  });
});

describe('finding communes', () => {
  const communes = [
    { code: '91377', name: 'Massy' },
    { code: '91228', name: 'Évry-Courcouronnes' },
    { code: '91471', name: 'Orsay' },
  ];
  it('by name, accents and case ignored, or by the start of the INSEE code, sorted by name', () => {
    expect(matchCommunes(communes, 'evry').map((c) => c.code)).toEqual(['91228']);
    expect(matchCommunes(communes, '913').map((c) => c.name)).toEqual(['Massy']);
    expect(matchCommunes(communes, '').map((c) => c.name)).toEqual(['Évry-Courcouronnes', 'Massy', 'Orsay']);
  });
});
