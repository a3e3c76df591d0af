import type { ProtocolError } from '../../shared';

/** Codes the console itself gives when the hub could not answer (the hub's own codes are dotted). */
export type LocalErrorCode = 'timeout' | 'disconnected' | 'reply.invalid';

/** A refused or failed request: the hub's stable code and its French message. */
export class HubRequestError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(error: ProtocolError) {
    super(error.message);
    this.name = 'HubRequestError';
    this.code = error.code;
    this.details = error.details;
  }

  get isLocal(): boolean {
    return this.code === 'timeout' || this.code === 'disconnected' || this.code === 'reply.invalid';
  }
}

export function localError(code: LocalErrorCode, message: string): HubRequestError {
  return new HubRequestError({ code, message });
}

/** Session-ending codes: the operator must log in again. */
export function isAuthEnding(code: string): boolean {
  return code === 'auth.expired' || code === 'auth.invalid' || code === 'auth.required';
}
