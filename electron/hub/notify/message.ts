import type { Alarm, AlarmPriority } from '../../../shared/domain/alarms';
import type { UserContact } from '../../../shared/domain/oncall';
import type { OnCallNotice } from './channel';

const PRIORITY_FR: Record<AlarmPriority, string> = { critical: 'critique', high: 'haute', medium: 'moyenne', low: 'basse' };

const PARIS = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'full', timeStyle: 'short' });

/** The console address that opens this alarm after login. */
export function alarmLink(publicUrl: string, alarmId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/#alarme/${encodeURIComponent(alarmId)}`;
}

/**
 * The escalation message, in French: priority, asset, commune, what happened and when (Paris
 * time), who is called at which level, and the link that opens the alarm.
 */
export function composeNotice(input: {
  alarm: Alarm;
  assetName: string;
  assetKind: string;
  communeName: string;
  level: number;
  username: string;
  contact: UserContact | undefined;
  publicUrl: string;
}): OnCallNotice {
  const { alarm, assetName, communeName, level } = input;
  const priority = PRIORITY_FR[alarm.priority];
  const link = alarmLink(input.publicUrl, alarm.id);
  const raised = PARIS.format(new Date(alarm.raisedAt));
  const subject = `[Beffroi] Alarme ${priority} non acquittée — ${assetName} (${communeName})`;
  const text = [
    `Bonjour ${input.username},`,
    '',
    `Vous êtes d’astreinte (niveau ${level}) et une alarme de priorité ${priority} attend un acquittement.`,
    '',
    `Équipement : ${assetName}`,
    `Commune : ${communeName} (${alarm.commune})`,
    `Ce qui se passe : ${alarm.message}`,
    `Depuis : ${raised} (heure de Paris)`,
    '',
    `Ouvrir l’alarme dans la console (après connexion) : ${link}`,
    '',
    level === 1 ? 'Sans acquittement, le niveau 2 de l’astreinte sera prévenu.' : 'Le niveau 1 de l’astreinte n’a pas acquitté cette alarme.',
  ].join('\n');
  return { ...input, link, subject, text };
}
