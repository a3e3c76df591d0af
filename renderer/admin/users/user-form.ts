import { CommandTypeName, UserCreateRequest, UserUpdateRequest, type CommandGrant, type CommandType, type Role, type UserAccount } from '../../../shared';
import type { RequestArgs } from '../../connection';
import { parseDecimal, type MessageKey } from '../../i18n';

/** The command types an admin may allow, in the order the form lists them. */
export const GRANTABLE_COMMANDS: readonly CommandType[] = CommandTypeName.options;

/** The unit of each command's numeric parameter, which a grant's bounds narrow; null: no bounds. */
export const GRANT_UNITS: Record<CommandType, string | null> = {
  'heating.setpoint': '°C',
  // A programme's comfort and reduced setpoints; an override's setpoint.
  'heating.schedule': '°C',
  'heating.override': '°C',
  'lighting.dim': '%',
  'lighting.schedule': null,
  'gate.set': null,
  'gate.hours': null,
};

/** Mirrors the shared schema's rule, shown before the admin types anything (OWASP ASVS). */
export const MIN_PASSWORD_LENGTH = 12;

/** One command type as the admin fills it in: allowed or not, bounds as typed (« 19,5 »). */
export interface GrantDraft {
  allowed: boolean;
  min: string;
  max: string;
}

/**
 * The user form as typed. `grantsMode` `role`: the role's default commands (no grants stored);
 * `custom`: only the commands ticked, within their bounds.
 */
export interface UserFormState {
  username: string;
  password: string;
  role: Role;
  communes: string[];
  sites: string[];
  grantsMode: 'role' | 'custom';
  grants: Record<CommandType, GrantDraft>;
}

export type UserField = 'username' | 'password' | 'role' | 'communes' | 'sites' | 'grants' | 'form';
export type FormErrors = Partial<Record<UserField, string>>;
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export type Built<T> = { ok: true; request: T } | { ok: false; errors: FormErrors };

function blankGrants(): Record<CommandType, GrantDraft> {
  return Object.fromEntries(GRANTABLE_COMMANDS.map((type) => [type, { allowed: false, min: '', max: '' }])) as Record<CommandType, GrantDraft>;
}

export function emptyUserForm(): UserFormState {
  return { username: '', password: '', role: 'operator', communes: [], sites: [], grantsMode: 'role', grants: blankGrants() };
}

/** A number as the admin would type it in French: 19.5 → « 19,5 ». */
function typedNumber(value: number | undefined): string {
  return value === undefined ? '' : String(value).replace('.', ',');
}

export function formFromAccount(account: UserAccount): UserFormState {
  const grants = blankGrants();
  for (const grant of account.grants ?? []) grants[grant.type] = { allowed: true, min: typedNumber(grant.min), max: typedNumber(grant.max) };
  return {
    username: account.username,
    password: '',
    role: account.role,
    communes: [...account.communes],
    sites: [...(account.sites ?? [])],
    grantsMode: account.grants ? 'custom' : 'role',
    grants,
  };
}

/** The ticked commands with their bounds read as numbers, or the first thing that does not read. */
export function grantsFromDrafts(drafts: Record<CommandType, GrantDraft>, t: Translate): { grants: CommandGrant[] } | { error: string } {
  const grants: CommandGrant[] = [];
  for (const type of GRANTABLE_COMMANDS) {
    const draft = drafts[type];
    if (!draft.allowed) continue;
    const grant: CommandGrant = { type };
    if (GRANT_UNITS[type] !== null) {
      for (const bound of ['min', 'max'] as const) {
        const text = draft[bound].trim();
        if (text === '') continue;
        const value = parseDecimal(text);
        if (value === null) return { error: t('users.error.boundNumber', { command: t(`users.command.${type}`), value: text }) };
        grant[bound] = value;
      }
      if (grant.min !== undefined && grant.max !== undefined && grant.min > grant.max) {
        return { error: t('users.error.boundOrder', { command: t(`users.command.${type}`) }) };
      }
    }
    grants.push(grant);
  }
  return { grants };
}

/** Schema issues by the form field they concern, in the console's words. */
function schemaErrors(issues: readonly { path: readonly PropertyKey[] }[], t: Translate): FormErrors {
  const errors: FormErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    if (field === 'username') errors.username ??= t('users.error.username');
    else if (field === 'password') errors.password ??= t('users.error.passwordLength', { min: MIN_PASSWORD_LENGTH });
    else if (field === 'communes' || field === 'sites' || field === 'grants' || field === 'role') errors[field] ??= t('users.error.invalidField');
    else errors.form ??= t('users.error.invalidField');
  }
  return errors;
}

/** The `user.create` request for a filled-in form, checked against the shared schema first. */
export function createRequest(form: UserFormState, t: Translate): Built<RequestArgs<'user.create'>> {
  const request: RequestArgs<'user.create'> = { username: form.username.trim(), password: form.password, role: form.role, communes: form.communes };
  if (form.sites.length > 0) request.sites = form.sites;
  if (form.grantsMode === 'custom') {
    const built = grantsFromDrafts(form.grants, t);
    if ('error' in built) return { ok: false, errors: { grants: built.error } };
    request.grants = built.grants;
  }
  const checked = UserCreateRequest.safeParse({ op: 'user.create', id: 1, ...request });
  return checked.success ? { ok: true, request } : { ok: false, errors: schemaErrors(checked.error.issues, t) };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

function sameGrants(a: readonly CommandGrant[] | undefined, b: readonly CommandGrant[] | undefined): boolean {
  const key = (grants: readonly CommandGrant[] | undefined) => (grants ? JSON.stringify([...grants].sort((x, y) => x.type.localeCompare(y.type))) : 'role');
  return key(a) === key(b);
}

/**
 * The `user.update` request carrying only what the admin changed (role, scope, grants), or null
 * when nothing did: every update closes the user's sessions, so nothing is sent for nothing.
 */
export function updateRequest(form: UserFormState, before: UserAccount, t: Translate): Built<RequestArgs<'user.update'> | null> {
  const request: RequestArgs<'user.update'> = { username: before.username };
  if (form.role !== before.role) request.role = form.role;
  if (!sameList(form.communes, before.communes)) request.communes = form.communes;
  if (!sameList(form.sites, before.sites ?? [])) request.sites = form.sites;
  let grants: CommandGrant[] | undefined;
  if (form.grantsMode === 'custom') {
    const built = grantsFromDrafts(form.grants, t);
    if ('error' in built) return { ok: false, errors: { grants: built.error } };
    grants = built.grants;
  }
  if (!sameGrants(grants, before.grants)) request.grants = grants ?? null;
  if (Object.keys(request).length === 1) return { ok: true, request: null };
  const checked = UserUpdateRequest.safeParse({ op: 'user.update', id: 1, ...request });
  return checked.success ? { ok: true, request } : { ok: false, errors: schemaErrors(checked.error.issues, t) };
}

/** A new password for `user.update`, or the rule it breaks. */
export function passwordResetRequest(username: string, password: string, t: Translate): Built<RequestArgs<'user.update'>> {
  const checked = UserUpdateRequest.safeParse({ op: 'user.update', id: 1, username, password });
  return checked.success ? { ok: true, request: { username, password } } : { ok: false, errors: schemaErrors(checked.error.issues, t) };
}

/**
 * Which field a refusal of the hub is about, so it shows next to it: the field the hub names in
 * `details.field` when it does, else the one its French message speaks of, else the whole form.
 */
export function fieldOfHubError(error: { message: string; details?: Record<string, unknown> | undefined }): UserField {
  const named = error.details?.['field'];
  const fields: readonly UserField[] = ['username', 'password', 'role', 'communes', 'sites', 'grants'];
  if (typeof named === 'string' && (fields as readonly string[]).includes(named)) return named as UserField;
  const message = error.message.toLowerCase();
  if (/mot de passe/.test(message)) return 'password';
  if (/rôle/.test(message)) return 'role';
  if (/identifiant|existe déjà/.test(message)) return 'username';
  if (/commune/.test(message)) return 'communes';
  if (/site/.test(message)) return 'sites';
  if (/commande|borne|consigne/.test(message)) return 'grants';
  return 'form';
}
