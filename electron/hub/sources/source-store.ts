import { z } from 'zod';
import { SourceSettings } from '../../../shared/domain/sources';
import type { Database, Write } from '../store/db';
import type { ConfiguredSource } from './field-sources';

/** The `field_sources` table (migration 007): the sources an admin configured in the console. */
const SourceRow = z.object({
  name: z.string(),
  format: z.string(),
  url: z.string(),
  username: z.string().nullable(),
  password: z.string().nullable(),
  tls_ca: z.string().nullable(),
  tls_cert: z.string().nullable(),
  tls_key: z.string().nullable(),
  tls_reject_unauthorized: z.number(),
  application_ids: z.string(),
  topic_prefix: z.string(),
  enabled: z.number(),
});

/** A row that no longer parses is skipped with a log line: one bad row must not stop the hub. */
export async function loadConsoleSources(db: Database, log: (line: string) => void): Promise<ConfiguredSource[]> {
  const rows = await db.all('SELECT * FROM field_sources ORDER BY created_at, name');
  const sources: ConfiguredSource[] = [];
  for (const raw of rows) {
    const row = SourceRow.safeParse(raw);
    const settings = row.success ? SourceSettings.safeParse(settingsOf(row.data)) : undefined;
    if (!row.success || !settings?.success) {
      log(`source réseau illisible dans la base, ignorée : ${JSON.stringify((raw as { name?: unknown }).name)}`);
      continue;
    }
    sources.push({ settings: settings.data, origin: 'console', ...(row.data.password !== null ? { password: row.data.password } : {}) });
  }
  return sources;
}

function settingsOf(row: z.infer<typeof SourceRow>): unknown {
  const tls = row.tls_ca || row.tls_cert || row.tls_key || row.tls_reject_unauthorized === 0;
  return {
    name: row.name,
    format: row.format,
    url: row.url,
    ...(row.username !== null ? { username: row.username } : {}),
    ...(tls
      ? {
          tls: {
            ...(row.tls_ca ? { ca: row.tls_ca } : {}),
            ...(row.tls_cert ? { cert: row.tls_cert } : {}),
            ...(row.tls_key ? { key: row.tls_key } : {}),
            rejectUnauthorized: row.tls_reject_unauthorized !== 0,
          },
        }
      : {}),
    applicationIds: JSON.parse(row.application_ids) as unknown,
    topicPrefix: row.topic_prefix,
    enabled: row.enabled !== 0,
  };
}

/** Inserts or replaces a console source (its creation time survives an update). */
export function sourceWrite(source: ConfiguredSource, at: string): Write {
  const { settings: s, password } = source;
  return {
    sql: `INSERT INTO field_sources (name, format, url, username, password, tls_ca, tls_cert, tls_key, tls_reject_unauthorized,
        application_ids, topic_prefix, enabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET format = excluded.format, url = excluded.url, username = excluded.username,
        password = excluded.password, tls_ca = excluded.tls_ca, tls_cert = excluded.tls_cert, tls_key = excluded.tls_key,
        tls_reject_unauthorized = excluded.tls_reject_unauthorized, application_ids = excluded.application_ids,
        topic_prefix = excluded.topic_prefix, enabled = excluded.enabled, updated_at = excluded.updated_at`,
    params: [
      s.name,
      s.format,
      s.url,
      s.username ?? null,
      password ?? null,
      s.tls?.ca ?? null,
      s.tls?.cert ?? null,
      s.tls?.key ?? null,
      s.tls?.rejectUnauthorized === false ? 0 : 1,
      JSON.stringify(s.applicationIds),
      s.topicPrefix,
      s.enabled ? 1 : 0,
      at,
      at,
    ],
  };
}

export function sourceDeleteWrite(name: string): Write {
  return { sql: 'DELETE FROM field_sources WHERE name = ?', params: [name] };
}

/** This installation's id, which names its MQTT sessions (set by migration 007). */
export async function installId(db: Database): Promise<string> {
  const row = await db.get<{ value: string }>(`SELECT value FROM meta WHERE key = 'install-id'`);
  if (!row) throw new Error('identifiant d’installation absent : la migration 007 n’a pas été appliquée');
  return row.value;
}
