import type { Session } from '../../shared';

/**
 * - `connecting`: first attempt, nothing known yet;
 * - `connected`: the socket is open;
 * - `disconnected`: the hub was lost (or never reached) at `sinceMs`; retries run in the background
 *   and `sinceMs` stays the moment of loss so the banner does not flicker between attempts.
 */
export type LinkState = 'connecting' | 'connected' | 'disconnected';

export interface ConnectionState {
  link: LinkState;
  sinceMs: number;
  /** Reconnection attempts since the link was lost. */
  attempt: number;
  session: Session | null;
  /** True while a stored token is being resumed (the login screen waits instead of flashing). */
  resuming: boolean;
  /** Why the operator is back at the login screen (session expired…), in the hub's words. */
  authMessage: string | null;
  /**
   * The hub ended the session mid-shift (expiry, revocation): `session` stays the last one, so the
   * console keeps its state and what the operator was typing, under a re-login dialog.
   */
  expired: boolean;
  /** The hub confirmed the subscription and streams to this console. */
  subscribed: boolean;
  /** Frames from the hub that were ignored because they were invalid. */
  problemCount: number;
}

export function initialConnectionState(nowMs: number): ConnectionState {
  return {
    link: 'connecting',
    sinceMs: nowMs,
    attempt: 0,
    session: null,
    resuming: false,
    authMessage: null,
    expired: false,
    subscribed: false,
    problemCount: 0,
  };
}
