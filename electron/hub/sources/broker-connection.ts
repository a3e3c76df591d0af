import { readFileSync } from 'node:fs';

/** TLS settings of a source, as `MqttSourceOptions.tls` takes them. */
export interface SourceTls {
  ca?: string;
  cert?: string;
  key?: string;
  rejectUnauthorized?: boolean;
}

/** What an admin can act on, from what the socket or the broker said. */
export function brokerErrorInFrench(error: Error & { code?: string | number }): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'connexion refusée : aucun courtier n’écoute à cette adresse et ce port';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'nom d’hôte inconnu : vérifiez l’adresse du courtier';
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'courtier injoignable : vérifiez le réseau et le pare-feu';
    case 'ECONNRESET':
      return 'connexion coupée par le courtier ou le réseau';
    case 4:
    case 134:
      return 'identifiant ou mot de passe refusé par le courtier';
    case 5:
    case 135:
      return 'connexion non autorisée par le courtier';
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return 'certificat du courtier non reconnu : indiquez l’autorité de certification (CA)';
    case 'CERT_HAS_EXPIRED':
      return 'certificat du courtier expiré';
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return 'le certificat du courtier ne correspond pas à son nom d’hôte';
    default:
      return error.message;
  }
}

/** A PEM given inline, or the file holding it. */
function pem(value: string): string | Buffer {
  return value.includes('-----BEGIN') ? value : readFileSync(value);
}

export function tlsOptions(tls: SourceTls | undefined): { ca?: string | Buffer; cert?: string | Buffer; key?: string | Buffer; rejectUnauthorized?: boolean } {
  if (!tls) return {};
  return {
    ...(tls.ca ? { ca: pem(tls.ca) } : {}),
    ...(tls.cert ? { cert: pem(tls.cert) } : {}),
    ...(tls.key ? { key: pem(tls.key) } : {}),
    ...(tls.rejectUnauthorized === undefined ? {} : { rejectUnauthorized: tls.rejectUnauthorized }),
  };
}

/**
 * Topic filters for a network server's events, narrowed to some applications when the source
 * names them (ChirpStack application ids, TTS `app@tenant`); all applications otherwise.
 */
export function eventSubscriptions(format: 'chirpstack' | 'tts', all: readonly string[], applicationIds: readonly string[] = []): string[] {
  if (applicationIds.length === 0) return [...all];
  return applicationIds.flatMap((id) =>
    format === 'chirpstack' ? [`application/${id}/device/+/event/+`] : [`v3/${id}/devices/+/up`, `v3/${id}/devices/+/join`, `v3/${id}/devices/+/down/+`],
  );
}
