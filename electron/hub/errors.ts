import { ERRORS, type ErrorCode } from '../../shared/protocol/errors';

/**
 * An error a user can cause (bad value, unknown asset, forbidden op): it becomes an error reply
 * with a stable code and a French message, and never takes the hub down.
 */
export class HubError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERRORS[code].fr,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'HubError';
  }
}
