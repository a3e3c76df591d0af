import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { MqttSourceOptions } from './mqtt-source';

/**
 * The field sources of a command-post server, from a JSON file (`BEFFROI_SOURCES_FILE`): several
 * network servers at once, each with its broker, credentials and trust. For example:
 *
 *   { "sources": [
 *       { "name": "sdef", "url": "mqtts://lns.sdef.fr:8883", "format": "chirpstack",
 *         "username": "beffroi", "passwordEnv": "SDEF_MQTT_PASSWORD", "caFile": "/etc/beffroi/sdef-ca.pem",
 *         "clientId": "beffroi-hub", "chirpstackApplicationId": "…" },
 *       { "name": "tts", "url": "mqtts://eu1.cloud.thethings.network:8883", "format": "tts",
 *         "username": "app@ttn", "passwordEnv": "TTS_API_KEY", "ttsApplicationId": "app@ttn" } ] }
 *
 * Passwords are read from the environment variable the file names, so the file holds no secret.
 */
const SourceEntry = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'nom : minuscules, chiffres, tirets'),
    url: z.string().regex(/^mqtts?:\/\/[^\s]+$/, 'URL mqtt:// ou mqtts:// attendue'),
    format: z.enum(['chirpstack', 'tts']).default('chirpstack'),
    username: z.string().min(1).optional(),
    passwordEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'nom de variable d’environnement attendu').optional(),
    caFile: z.string().min(1).optional(),
    clientId: z.string().min(1).max(128).optional(),
    chirpstackApplicationId: z.string().min(1).optional(),
    ttsApplicationId: z.string().min(1).optional(),
  })
  .strict();

const SourcesFile = z.object({ sources: z.array(SourceEntry).min(1, 'au moins une source') }).strict();

export class SourcesFileError extends Error {}

export function readSourcesFile(path: string, env: NodeJS.ProcessEnv = process.env): MqttSourceOptions[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SourcesFileError(`${path} : fichier illisible ou JSON invalide (${(error as Error).message})`);
  }
  const parsed = SourcesFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SourcesFileError(`${path} : ${issue.path.join('.') || 'racine'} — ${issue.message}`);
  }
  const names = new Set<string>();
  return parsed.data.sources.map((entry) => {
    if (names.has(entry.name)) throw new SourcesFileError(`${path} : deux sources s’appellent « ${entry.name} »`);
    names.add(entry.name);
    const password = entry.passwordEnv ? env[entry.passwordEnv] : undefined;
    if (entry.passwordEnv && password === undefined) {
      throw new SourcesFileError(`${path} : la source « ${entry.name} » attend son mot de passe dans ${entry.passwordEnv}, qui n’est pas définie`);
    }
    return {
      label: entry.name,
      url: entry.url,
      format: entry.format,
      ...(entry.username ? { username: entry.username } : {}),
      ...(password !== undefined ? { password } : {}),
      ...(entry.caFile ? { caFile: entry.caFile } : {}),
      ...(entry.clientId ? { clientId: entry.clientId } : {}),
      ...(entry.chirpstackApplicationId ? { chirpstackApplicationId: entry.chirpstackApplicationId } : {}),
      ...(entry.ttsApplicationId ? { ttsApplicationId: entry.ttsApplicationId } : {}),
    };
  });
}
