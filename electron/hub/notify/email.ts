import { createTransport, type Transporter } from 'nodemailer';
import type { UserContact } from '../../../shared/domain/oncall';
import type { NotificationChannel, OnCallNotice } from './channel';

/** Longest an SMTP exchange may take before the attempt counts as failed. */
const SMTP_TIMEOUT_MS = 15_000;

/**
 * E-mail through an SMTP relay (`BEFFROI_SMTP_URL`, e.g. smtp://user:pass@host:587; smtps:// for
 * implicit TLS). STARTTLS is used whenever the server offers it.
 */
export class EmailChannel implements NotificationChannel {
  readonly name = 'email';
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    const url = new URL(smtpUrl);
    this.transport = createTransport({
      host: url.hostname,
      port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
      secure: url.protocol === 'smtps:',
      ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
      connectionTimeout: SMTP_TIMEOUT_MS,
      greetingTimeout: SMTP_TIMEOUT_MS,
      socketTimeout: SMTP_TIMEOUT_MS,
    });
  }

  recipientFor(contact: UserContact | undefined): string | undefined {
    return contact?.email;
  }

  async send(notice: OnCallNotice, recipient: string): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: recipient, subject: notice.subject, text: notice.text });
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
