import { ReplyPayloads, type ClientOp, type ReplyPayload, type RequestId } from '../../shared';
import { HubRequestError, localError } from './errors';

interface Pending {
  op: ClientOp;
  resolve(payload: unknown): void;
  reject(error: HubRequestError): void;
  timer: ReturnType<typeof setTimeout>;
}

export type ReplySettlement =
  | { matched: false }
  | { matched: true; op: ClientOp; error?: HubRequestError; invalid?: string };

/**
 * Requests waiting for their reply, by id. Each has a deadline so a lost reply surfaces as a
 * French message instead of a button spinning for ever.
 */
export class RequestTable {
  private nextId = 1;
  private readonly pending = new Map<RequestId, Pending>();

  constructor(private readonly timeoutMessage: () => string) {}

  open<K extends ClientOp>(op: K, timeoutMs: number): { id: number; reply: Promise<ReplyPayload<K>> } {
    const id = this.nextId++;
    const reply = new Promise<ReplyPayload<K>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(localError('timeout', this.timeoutMessage()));
      }, timeoutMs);
      this.pending.set(id, { op, resolve: (p) => resolve(p as ReplyPayload<K>), reject, timer });
    });
    return { id, reply };
  }

  /** Settles the request a reply answers; the payload is checked against the op's schema first. */
  settle(id: RequestId, reply: { ok: true } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } }): ReplySettlement {
    const pending = this.pending.get(id);
    if (!pending) return { matched: false };
    this.pending.delete(id);
    clearTimeout(pending.timer);
    if (!reply.ok) {
      const error = new HubRequestError(reply.error);
      pending.reject(error);
      return { matched: true, op: pending.op, error };
    }
    const payload = ReplyPayloads[pending.op].safeParse(reply);
    if (!payload.success) {
      const invalid = payload.error.issues.map((i) => `${i.path.join('.')} : ${i.message}`).join(' ; ');
      pending.reject(localError('reply.invalid', `Réponse du hub illisible pour « ${pending.op} ».`));
      return { matched: true, op: pending.op, invalid };
    }
    pending.resolve(payload.data);
    return { matched: true, op: pending.op };
  }

  /** The link dropped: nobody will answer these, say so now. */
  failAll(message: string): void {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(localError('disconnected', message));
      this.pending.delete(id);
    }
  }

  get size(): number {
    return this.pending.size;
  }
}
