import type { Alarm, AlarmPriority, AlarmState } from '../../../shared/domain/alarms';
import type { Command, CommandState } from '../../../shared/domain/commands';
import { formatNumberFr } from '../rules/format';

/** What the main courante and its export say, in French: a log is read by people, not parsers. */

/** « Consigne de chauffage 19,5 °C », « Portail : ouverture », « Gradation de l’éclairage 40 % ». */
export function commandLabel(command: Pick<Command, 'type' | 'params'>): string {
  const { params } = command;
  switch (command.type) {
    case 'heating.setpoint':
      return typeof params.celsius === 'number' ? `Consigne de chauffage ${formatNumberFr(params.celsius)} °C` : 'Consigne de chauffage';
    case 'gate.set':
      return params.position === 'open' ? 'Portail : ouverture' : params.position === 'closed' ? 'Portail : fermeture' : 'Portail';
    case 'lighting.dim':
      return typeof params.percent === 'number' ? `Gradation de l’éclairage ${formatNumberFr(params.percent)} %` : 'Gradation de l’éclairage';
    default:
      return command.type;
  }
}

export const ALARM_STATE_FR: Record<AlarmState, string> = {
  unacknowledged: 'non acquittée',
  acknowledged: 'acquittée',
  'cleared-unacknowledged': 'résorbée, non acquittée',
  cleared: 'résorbée',
  shelved: 'mise de côté',
};

export const ALARM_PRIORITY_FR: Record<AlarmPriority, string> = { critical: 'critique', high: 'haute', medium: 'moyenne', low: 'basse' };

export const COMMAND_STATE_FR: Record<CommandState, string> = {
  requested: 'demandée',
  queued: 'en file au serveur réseau',
  sent: 'envoyée',
  delivered: 'reçue par l’appareil',
  confirmed: 'confirmée',
  failed: 'en échec',
  expired: 'expirée',
  cancelled: 'annulée',
};

const PARIS_SHORT = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** « 23/11/2026 18:00 », Paris time: inside sentences of automatic entries. */
export function parisShort(iso: string): string {
  return PARIS_SHORT.format(new Date(iso)).replace(',', '');
}

/** « Benne pleine à 92 % — Conteneur Massy 12 » */
export function alarmLabel(alarm: Pick<Alarm, 'message'>, assetName: string | undefined): string {
  return assetName ? `${alarm.message} — ${assetName}` : alarm.message;
}
