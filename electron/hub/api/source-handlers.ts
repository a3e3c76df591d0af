import { existsSync } from 'node:fs';
import type { SourceSettings, SourceView } from '../../../shared/domain/sources';
import type { ClientMessage, ReplyPayload } from '../../../shared/protocol/messages';
import { mayAdminister } from '../auth/permissions';
import { HubError } from '../errors';
import type { ConfiguredSource, FieldSources } from '../sources/field-sources';
import { sourceDeleteWrite, sourceWrite } from '../sources/source-store';
import type { ConsoleConnection } from './console-connection';

type SourceOp = 'source.list' | 'source.create' | 'source.update' | 'source.delete';
type Handler<K extends SourceOp> = (message: Extract<ClientMessage, { op: K }>, connection: ConsoleConnection) => Promise<ReplyPayload<K>>;

const ORIGIN_IN_FRENCH = {
  file: 'du fichier de sources du serveur (BEFFROI_SOURCES_FILE) : modifiez-la dans ce fichier',
  environment: 'de la configuration du serveur (BEFFROI_MQTT_URL) : modifiez-la là',
  embedded: 'du courtier embarqué du hub : elle ne se modifie pas',
} as const;

function requireAdmin(connection: ConsoleConnection): string {
  return connection.requirePermission(mayAdminister, 'Réservé aux administrateurs.').username;
}

function fieldSources(connection: ConsoleConnection): FieldSources {
  const sources = connection.hub.sources;
  if (!sources) throw new HubError('invalid', 'Les sources réseau démarrent encore : réessayez dans un instant.');
  return sources;
}

/** A console source by name; those of the server's own settings are read-only here. */
function editable(sources: FieldSources, name: string): ConfiguredSource {
  const source = sources.get(name);
  if (!source) throw new HubError('not-found', `Source « ${name} » introuvable.`);
  if (source.origin !== 'console') throw new HubError('invalid', `La source « ${name} » vient ${ORIGIN_IN_FRENCH[source.origin]}.`);
  return source;
}

/** A certificate given as a path must exist on the hub's machine (PEM text is taken as is). */
function checkTls(settings: Pick<SourceSettings, 'tls'>): void {
  for (const [what, value] of [['autorité de certification', settings.tls?.ca], ['certificat client', settings.tls?.cert], ['clé client', settings.tls?.key]] as const) {
    if (value && !value.includes('-----BEGIN') && !existsSync(value)) {
      throw new HubError('invalid', `${what} : fichier « ${value} » introuvable sur le serveur du hub ; collez le contenu PEM ou corrigez le chemin.`);
    }
  }
}

function view(sources: FieldSources, name: string): SourceView {
  return sources.list().find((s) => s.name === name)!;
}

/** What the audit trail keeps of a change: never the password, only whether one is set. */
function auditDetails(source: ConfiguredSource): Record<string, unknown> {
  const { url, format, username, applicationIds, topicPrefix, enabled } = source.settings;
  return { url, format, username: username ?? null, applicationIds, topicPrefix, enabled, hasPassword: source.password !== undefined };
}

/** Stores the source, audited, then (re)connects it: only that source, without restarting the hub. */
async function save(connection: ConsoleConnection, sources: FieldSources, source: ConfiguredSource, action: string, actor: string): Promise<SourceView> {
  await connection.hub.writer.submit((changes) => {
    changes.write(sourceWrite(source, new Date().toISOString()));
    changes.audited({ actor, address: connection.address, action, target: source.settings.name, details: auditDetails(source) });
  });
  await sources.put(source);
  return view(sources, source.settings.name);
}

export const SOURCE_HANDLERS: { [K in SourceOp]: Handler<K> } = {
  async 'source.list'(_message, connection) {
    requireAdmin(connection);
    return { sources: fieldSources(connection).list() };
  },

  async 'source.create'(message, connection) {
    const actor = requireAdmin(connection);
    const sources = fieldSources(connection);
    if (sources.get(message.source.name)) throw new HubError('invalid', `Une source s’appelle déjà « ${message.source.name} » : choisissez un autre nom.`);
    checkTls(message.source);
    const source: ConfiguredSource = { settings: message.source, origin: 'console', ...(message.password ? { password: message.password } : {}) };
    return { source: await save(connection, sources, source, 'source.create', actor) };
  },

  async 'source.update'(message, connection) {
    const actor = requireAdmin(connection);
    const sources = fieldSources(connection);
    const previous = editable(sources, message.name);
    checkTls(message.source);
    const password = message.password === undefined ? previous.password : (message.password ?? undefined);
    const source: ConfiguredSource = { settings: { ...message.source, name: message.name }, origin: 'console', ...(password !== undefined ? { password } : {}) };
    return { source: await save(connection, sources, source, 'source.update', actor) };
  },

  async 'source.delete'(message, connection) {
    const actor = requireAdmin(connection);
    const sources = fieldSources(connection);
    editable(sources, message.name);
    await connection.hub.writer.submit((changes) => {
      changes.write(sourceDeleteWrite(message.name));
      changes.audited({ actor, address: connection.address, action: 'source.delete', target: message.name });
    });
    await sources.remove(message.name);
    return { name: message.name };
  },
};
