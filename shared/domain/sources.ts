import { z } from 'zod';

/**
 * Field sources: the LoRaWAN network servers (ChirpStack v4, The Things Stack v3) the hub reads
 * over MQTT. An admin configures them in the console; a server may also list them in a file
 * (`BEFFROI_SOURCES_FILE`) or take one from the environment (`BEFFROI_MQTT_URL`), and those are
 * read-only in the console.
 */

export const SourceName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'nom : minuscules, chiffres et tirets, 32 caractères au plus');

export const SourceFormat = z.enum(['chirpstack', 'tts']);
export type SourceFormat = z.infer<typeof SourceFormat>;

/** `mqtt://host:port`, `mqtts://…`, or the WebSocket forms some brokers offer. */
export const BrokerUrl = z
  .string()
  .max(512)
  .refine((value) => {
    try {
      const url = new URL(value);
      return ['mqtt:', 'mqtts:', 'ws:', 'wss:'].includes(url.protocol) && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'adresse du courtier invalide : mqtt://hôte:port ou mqtts://hôte:port attendu');

/** A file path on the hub's machine, or the PEM text itself (`-----BEGIN …`). */
const PemOrPath = z.string().min(1).max(20_000);

export const SourceTls = z.object({
  ca: PemOrPath.optional(),
  cert: PemOrPath.optional(),
  key: PemOrPath.optional(),
  /** Refuse a broker certificate the CA does not vouch for (the default; off only for a test bench). */
  rejectUnauthorized: z.boolean().default(true),
});
export type SourceTls = z.infer<typeof SourceTls>;

/** ChirpStack application ids (UUIDs) or TTS `app@tenant`; empty: every application. */
const ApplicationIds = z.array(z.string().regex(/^[^\s/+#]{1,128}$/, 'identifiant d’application sans espace ni / + #')).max(50);

/** Without a trailing `/` the prefix is glued to the topic: say so rather than guess. */
const TopicPrefix = z
  .string()
  .max(128)
  .regex(/^([^\s+#]*\/)?$/, 'préfixe de sujet : sans espace ni + #, terminé par /');

/** What an admin sets for a source (the password is write-only: never sent back). */
export const SourceSettings = z.object({
  name: SourceName,
  format: SourceFormat,
  url: BrokerUrl,
  username: z.string().max(256).optional(),
  tls: SourceTls.optional(),
  applicationIds: ApplicationIds.default([]),
  topicPrefix: TopicPrefix.default(''),
  enabled: z.boolean().default(true),
});
export type SourceSettings = z.infer<typeof SourceSettings>;

/** Where a source's settings live: only `console` ones can be changed from the console. */
export const SourceOrigin = z.enum(['console', 'file', 'environment', 'embedded']);
export type SourceOrigin = z.infer<typeof SourceOrigin>;

export const SourceLink = z.enum(['connected', 'connecting', 'error', 'disabled']);
export type SourceLink = z.infer<typeof SourceLink>;

/** A source as the console shows it: its settings (never its password) and its live status. */
export const SourceView = SourceSettings.extend({
  origin: SourceOrigin,
  hasPassword: z.boolean(),
  status: z.object({
    link: SourceLink,
    /** Why the link is down, in French (`error` only). */
    reason: z.string().optional(),
    lastMessageAt: z.string().optional(),
    messages: z.number().int(),
  }),
});
export type SourceView = z.infer<typeof SourceView>;
