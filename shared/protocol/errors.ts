import { z } from 'zod';

/**
 * Stable error codes of the WebSocket protocol, each with the message a user reads (French first).
 * Messages say what to do. Integrators rely on the codes; never rename one.
 */
export const ERRORS = {
  'auth.invalid': {
    fr: 'Identifiant ou mot de passe incorrect. Vérifiez la saisie et réessayez.',
    en: 'Wrong username or password. Check and try again.',
  },
  'auth.required': {
    fr: 'Connectez-vous avant cette opération.',
    en: 'Log in before this operation.',
  },
  'auth.expired': {
    fr: 'Session expirée : reconnectez-vous.',
    en: 'Session expired: log in again.',
  },
  forbidden: {
    fr: "Votre rôle ne permet pas cette opération. Adressez-vous à un administrateur.",
    en: 'Your role does not allow this operation. Ask an administrator.',
  },
  'not-found': {
    fr: "Élément introuvable : il n'existe pas ou n'est pas dans votre périmètre.",
    en: 'Not found: it does not exist or is outside your scope.',
  },
  invalid: {
    fr: 'Message invalide : vérifiez les champs envoyés.',
    en: 'Invalid message: check the fields sent.',
  },
  'message.malformed': {
    fr: "Message illisible : un objet JSON avec « op » et « id » est attendu.",
    en: 'Unreadable message: a JSON object with "op" and "id" is expected.',
  },
  'message.too-large': {
    fr: 'Message trop volumineux : il a été ignoré.',
    en: 'Message too large: it was ignored.',
  },
  'op.unknown': {
    fr: 'Opération inconnue : consultez la liste des opérations du hub.',
    en: 'Unknown operation: see the hub’s list of operations.',
  },
  /**
   * Outside the asset's bounds, or outside the narrower ones of the user's account (the hub
   * enforces their intersection); `details` gives `min`, `max`, `unit`, and `limitedBy: 'grant'`
   * when the account's bounds are the ones crossed.
   */
  'command.out-of-range': {
    fr: 'Valeur hors des bornes autorisées pour cet équipement ou pour votre compte.',
    en: 'Value outside the bounds allowed for this asset or for your account.',
  },
  'command.unsupported': {
    fr: "Cet équipement n'accepte pas cette commande.",
    en: 'This asset does not accept this command.',
  },
  'alarm.not-active': {
    fr: "Cette alarme est déjà acquittée et résorbée : rien à acquitter.",
    en: 'This alarm is already acknowledged and cleared: nothing to acknowledge.',
  },
  'alarm.shelved': {
    fr: 'Cette alarme est mise de côté : réintégrez-la avant de l’acquitter.',
    en: 'This alarm is shelved: unshelve it before acknowledging it.',
  },
  'alarm.not-shelved': {
    fr: 'Cette alarme n’est pas mise de côté : rien à réintégrer.',
    en: 'This alarm is not shelved: nothing to unshelve.',
  },
  'alarm.shelve-too-long': {
    fr: 'Mise de côté trop longue : choisissez une échéance plus proche.',
    en: 'Shelving too long: choose an earlier expiry.',
  },
  'rate-limited': {
    fr: 'Trop de messages en peu de temps : patientez quelques secondes.',
    en: 'Too many messages: wait a few seconds.',
  },
  internal: {
    fr: "Erreur interne du hub : l'opération n'a pas été effectuée, réessayez.",
    en: 'Internal hub error: the operation was not done, try again.',
  },
} as const satisfies Record<string, { fr: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;
export const ErrorCodeSchema = z.enum(Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]]);

export const ProtocolError = z.object({
  code: z.string(),
  message: z.string(),
  /** Extra facts for the console, e.g. the allowed bounds. */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ProtocolError = z.infer<typeof ProtocolError>;

/** The error as the hub sends it: French message, optionally with a more precise one. */
export function protocolError(code: ErrorCode, message?: string, details?: Record<string, unknown>): ProtocolError {
  return { code, message: message ?? ERRORS[code].fr, ...(details ? { details } : {}) };
}
