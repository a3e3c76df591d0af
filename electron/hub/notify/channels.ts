import type { NotificationChannel } from './channel';
import { EmailChannel } from './email';
import { WebhookChannel } from './webhook';

/** Notification settings of the hub (see README.md in this folder). */
export interface NotifyConfig {
  smtpUrl?: string;
  smtpFrom: string;
  webhookUrl?: string;
  webhookSecret?: string;
  /** The console's address, for the link in each message; absent = the hub's own address. */
  publicUrl?: string;
}

/**
 * The channels the settings turn on. An SMS gateway is added here the same way: a class
 * implementing NotificationChannel (recipientFor → the contact's `phone`), built from its setting.
 */
export function channelsFromConfig(config: NotifyConfig): NotificationChannel[] {
  const channels: NotificationChannel[] = [];
  if (config.smtpUrl) channels.push(new EmailChannel(config.smtpUrl, config.smtpFrom));
  if (config.webhookUrl) channels.push(new WebhookChannel({ url: config.webhookUrl, ...(config.webhookSecret ? { secret: config.webhookSecret } : {}) }));
  return channels;
}
