import { createHmac } from 'node:crypto';
import type { UserContact } from '../../../shared/domain/oncall';
import type { NotificationChannel, OnCallNotice } from './channel';

export interface WebhookOptions {
  url: string;
  /** Signs each body (HMAC-SHA256) so the receiver can tell it came from this hub. */
  secret?: string;
  timeoutMs?: number;
  /** Attempts in all, the first included. */
  attempts?: number;
  /** Wait before the second attempt; doubles each time. */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** The header carrying `sha256=<hex HMAC of the raw body>`, as GitHub-style receivers expect. */
export const SIGNATURE_HEADER = 'x-beffroi-signature';

/**
 * HTTP POST of a JSON document to one URL (`BEFFROI_WEBHOOK_URL`): a paging service, a chat
 * bridge, an SMS gateway's own HTTP API. Retries a failed POST with exponential backoff; a 4xx
 * answer other than 408/429 is final (retrying the same body cannot fix it).
 */
export class WebhookChannel implements NotificationChannel {
  readonly name = 'webhook';
  private readonly timeoutMs: number;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: WebhookOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.attempts = options.attempts ?? 3;
    this.backoffMs = options.backoffMs ?? 2_000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** The receiver decides how to reach the person: the hub only needs its URL. */
  recipientFor(_contact: UserContact | undefined): string {
    return new URL(this.options.url).origin;
  }

  async send(notice: OnCallNotice, _recipient: string): Promise<void> {
    const body = JSON.stringify(webhookBody(notice));
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (this.options.secret) headers[SIGNATURE_HEADER] = `sha256=${createHmac('sha256', this.options.secret).update(body).digest('hex')}`;
    let lastError = '';
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      try {
        const response = await fetch(this.options.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(this.timeoutMs) });
        await response.body?.cancel();
        if (response.ok) return;
        lastError = `HTTP ${response.status}`;
        if (response.status < 500 && response.status !== 408 && response.status !== 429) break;
      } catch (error) {
        lastError = (error as Error).name === 'TimeoutError' ? `pas de réponse en ${this.timeoutMs} ms` : (error as Error).message;
      }
      if (attempt < this.attempts) await this.sleep(this.backoffMs * 2 ** (attempt - 1));
    }
    throw new Error(`webhook refusé (${lastError})`);
  }
}

/** The JSON document a webhook receives. Stable field names: receivers are written against it. */
export function webhookBody(notice: OnCallNotice) {
  const { alarm } = notice;
  return {
    type: 'beffroi.alarm.escalation',
    level: notice.level,
    onCall: { username: notice.username, email: notice.contact?.email ?? null, phone: notice.contact?.phone ?? null },
    alarm: { id: alarm.id, priority: alarm.priority, state: alarm.state, message: alarm.message, raisedAt: alarm.raisedAt, commune: alarm.commune, assetId: alarm.assetId },
    asset: { name: notice.assetName, kind: notice.assetKind },
    commune: { code: alarm.commune, name: notice.communeName },
    link: notice.link,
    subject: notice.subject,
    text: notice.text,
  };
}
