import { SourceSettings, type SourceView } from '../../../shared';

/** What the form holds: text as typed, before the shared schema checks it. */
export interface SourceFormState {
  name: string;
  format: 'chirpstack' | 'tts';
  url: string;
  username: string;
  /** Empty: keep the stored password (or none). */
  password: string;
  removePassword: boolean;
  /** Comma or line separated. */
  applicationIds: string;
  topicPrefix: string;
  tlsCa: string;
  tlsCert: string;
  tlsKey: string;
  rejectUnauthorized: boolean;
  enabled: boolean;
}

export const EMPTY_SOURCE_FORM: SourceFormState = {
  name: '',
  format: 'chirpstack',
  url: 'mqtt://',
  username: '',
  password: '',
  removePassword: false,
  applicationIds: '',
  topicPrefix: '',
  tlsCa: '',
  tlsCert: '',
  tlsKey: '',
  rejectUnauthorized: true,
  enabled: true,
};

/** The form for editing a source (the password is never known: left empty, « inchangé »). */
export function formOf(source: SourceView): SourceFormState {
  return {
    name: source.name,
    format: source.format,
    url: source.url,
    username: source.username ?? '',
    password: '',
    removePassword: false,
    applicationIds: source.applicationIds.join(', '),
    topicPrefix: source.topicPrefix,
    tlsCa: source.tls?.ca ?? '',
    tlsCert: source.tls?.cert ?? '',
    tlsKey: source.tls?.key ?? '',
    rejectUnauthorized: source.tls?.rejectUnauthorized ?? true,
    enabled: source.enabled,
  };
}

/**
 * The settings to send, checked by the same schema as the hub's, or the first problem in French
 * with the field it concerns, before anything leaves the console.
 */
export function settingsOf(form: SourceFormState): { settings: SourceSettings } | { error: string; field: string } {
  const trimmed = (value: string) => value.trim();
  const tls = form.tlsCa.trim() || form.tlsCert.trim() || form.tlsKey.trim() || !form.rejectUnauthorized;
  const parsed = SourceSettings.safeParse({
    name: trimmed(form.name),
    format: form.format,
    url: trimmed(form.url),
    ...(trimmed(form.username) ? { username: trimmed(form.username) } : {}),
    ...(tls
      ? {
          tls: {
            ...(trimmed(form.tlsCa) ? { ca: trimmed(form.tlsCa) } : {}),
            ...(trimmed(form.tlsCert) ? { cert: trimmed(form.tlsCert) } : {}),
            ...(trimmed(form.tlsKey) ? { key: trimmed(form.tlsKey) } : {}),
            rejectUnauthorized: form.rejectUnauthorized,
          },
        }
      : {}),
    applicationIds: form.applicationIds.split(/[\s,;]+/).filter(Boolean),
    topicPrefix: trimmed(form.topicPrefix),
    enabled: form.enabled,
  });
  if (parsed.success) return { settings: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { error: issue.message, field: String(issue.path[0] ?? 'name') };
}

/** The password part of a request: a new one, its removal, or nothing (keep). */
export function passwordOf(form: SourceFormState, editing: boolean): { password?: string | null } {
  if (form.password) return { password: form.password };
  if (editing && form.removePassword) return { password: null };
  return {};
}
