import { describe, expect, it } from 'vitest';
import { FREE_FAILURES, FREE_FAILURES_PER_ADDRESS, LoginThrottle } from '../../../electron/hub/auth/login-throttle';

describe('login throttle', () => {
  it('lets a few failures through, then makes each attempt wait longer', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < FREE_FAILURES - 1; i++) throttle.failed('operateur', '10.0.0.1', 1000);
    expect(throttle.waitMs('operateur', '10.0.0.1', 1000)).toBe(0);
    throttle.failed('operateur', '10.0.0.1', 1000);
    expect(throttle.waitMs('operateur', '10.0.0.1', 1000)).toBe(30_000);
    throttle.failed('operateur', '10.0.0.1', 31_000);
    expect(throttle.waitMs('operateur', '10.0.0.1', 31_000)).toBe(60_000);
  });

  it('locks the account from every address, without locking its colleagues behind the same address', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < FREE_FAILURES; i++) throttle.failed('admin', '10.0.0.1', 0);
    expect(throttle.waitMs('admin', '192.168.1.9', 0)).toBeGreaterThan(0);
    expect(throttle.waitMs('operateur', '10.0.0.1', 0)).toBe(0);
  });

  it('locks an address that guesses across many accounts', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < FREE_FAILURES_PER_ADDRESS; i++) throttle.failed(`elu-${91000 + i}`, '10.0.0.7', 0);
    expect(throttle.waitMs('operateur', '10.0.0.7', 0)).toBeGreaterThan(0);
    expect(throttle.waitMs('operateur', '10.0.0.8', 0)).toBe(0);
  });

  it('caps the wait, and forgets after a success', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 40; i++) throttle.failed('elu-91228', '10.0.0.2', 0);
    expect(throttle.waitMs('elu-91228', '10.0.0.2', 0)).toBe(15 * 60_000);
    throttle.succeeded('elu-91228', '10.0.0.2');
    expect(throttle.waitMs('elu-91228', '10.0.0.2', 0)).toBe(0);
  });
});
