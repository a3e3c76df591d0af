import type { Alarm } from '../../../shared/domain/alarms';
import type { UserContact } from '../../../shared/domain/oncall';

/** What one escalation message says, already written in French, for one person on call. */
export interface OnCallNotice {
  alarm: Alarm;
  assetName: string;
  assetKind: string;
  communeName: string;
  level: number;
  username: string;
  contact: UserContact | undefined;
  /** Opens this alarm in the console after login: `<console URL>/#alarme/<alarmId>`. */
  link: string;
  subject: string;
  text: string;
}

/**
 * A way to reach the person on call. The hub ships `email` (SMTP) and `webhook` (HTTP POST);
 * an SMS gateway plugs in the same way (see README.md in this folder).
 */
export interface NotificationChannel {
  readonly name: string;
  /** Where this channel would send to for this person, or undefined when they have no address for it. */
  recipientFor(contact: UserContact | undefined): string | undefined;
  /** Sends, or throws with a reason a person can read (it goes to the alarm's history). */
  send(notice: OnCallNotice, recipient: string): Promise<void>;
  close?(): Promise<void>;
}
