import { describe, expect, it } from 'vitest';
import { ClientMessage, CLIENT_OPS, worstStatus, canSeeCommune, isAlarmActive, protocolError } from '../../shared';

describe('client messages', () => {
  it('parses every op of the contract', () => {
    expect(CLIENT_OPS).toEqual(
      expect.arrayContaining(['login', 'resume', 'subscribe', 'alarm.acknowledge', 'command.send']),
    );
    const setpoint = ClientMessage.parse({
      op: 'command.send',
      id: 7,
      assetId: 'b-91228-001',
      command: { type: 'heating.setpoint', celsius: 19.5 },
    });
    expect(setpoint.op).toBe('command.send');
  });

  it.each([
    [{ op: 'login', id: 1 }, 'missing credentials'],
    [{ op: 'subscribe', id: 1, since: -3 }, 'negative seq'],
    [{ op: 'command.send', id: 1, assetId: 'x', command: { type: 'heating.setpoint' } }, 'setpoint without value'],
    [{ op: 'nope', id: 1 }, 'unknown op'],
    [{ id: 1 }, 'no op'],
  ])('refuses %j (%s)', (message, _why) => {
    expect(ClientMessage.safeParse(message).success).toBe(false);
  });

  it('drops unknown keys such as __proto__ instead of carrying them along', () => {
    const parsed = ClientMessage.parse(JSON.parse('{"op":"ping","id":"a","__proto__":{"admin":true}}'));
    expect(Object.keys(parsed)).toEqual(['op', 'id']);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});

describe('domain rules', () => {
  it.each([
    ['ok', 'warning', 'warning'],
    ['alarm', 'stale', 'alarm'],
    ['offline', 'stale', 'offline'],
    ['maintenance', 'ok', 'maintenance'],
  ] as const)('worst of %s and %s is %s', (a, b, worst) => {
    expect(worstStatus(a, b)).toBe(worst);
    expect(worstStatus(b, a)).toBe(worst);
  });

  it('scopes an elected official to their communes, operators to everything', () => {
    expect(canSeeCommune({ username: 'elu-91228', role: 'elected', communes: ['91228'] }, '91228')).toBe(true);
    expect(canSeeCommune({ username: 'elu-91228', role: 'elected', communes: ['91228'] }, '91001')).toBe(false);
    expect(canSeeCommune({ username: 'operateur', role: 'operator', communes: [] }, '91001')).toBe(true);
  });

  it('keeps an alarm on the list until it is both acknowledged and cleared', () => {
    expect(isAlarmActive('unacknowledged')).toBe(true);
    expect(isAlarmActive('cleared-unacknowledged')).toBe(true);
    expect(isAlarmActive('cleared')).toBe(false);
  });

  it('gives every error a French message', () => {
    expect(protocolError('auth.expired').message).toMatch(/Session expirée/);
  });
});
