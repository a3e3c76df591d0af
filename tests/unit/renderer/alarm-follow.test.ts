import { describe, expect, it } from 'vitest';
import { AlarmFollower, FOLLOW_INTERVAL_MS } from '../../../renderer/map/alarm-follow';
import { hasNewCritical } from '../../../renderer/alarms/critical-flash';
import { alarm } from './fixtures';

describe('« la carte suit les alarmes »', () => {
  it('flies at once to the first high or critical alarm, never to a medium or low one', () => {
    const follower = new AlarmFollower();
    expect(follower.offer([alarm({ id: 'm', assetId: 'x', priority: 'medium' }), alarm({ id: 'l', assetId: 'y', priority: 'low' })], 0)).toBeNull();
    expect(follower.offer([alarm({ id: 'h', assetId: 'z', priority: 'high' })], 1_000)?.id).toBe('h');
  });

  it('a flood flies at most once per interval, to the latest critical held meanwhile', () => {
    const follower = new AlarmFollower();
    expect(follower.offer([alarm({ id: 'first', assetId: 'a', priority: 'high' })], 0)?.id).toBe('first');
    expect(follower.offer([alarm({ id: 'c1', assetId: 'b', priority: 'critical' })], 1_000)).toBeNull();
    expect(follower.offer([alarm({ id: 'h2', assetId: 'c', priority: 'high' })], 2_000)).toBeNull();
    expect(follower.offer([alarm({ id: 'c2', assetId: 'd', priority: 'critical' })], 3_000)).toBeNull();
    expect(follower.nextDueMs()).toBe(FOLLOW_INTERVAL_MS);
    expect(follower.due(FOLLOW_INTERVAL_MS - 1)).toBeNull();
    expect(follower.due(FOLLOW_INTERVAL_MS)?.id).toBe('c2');
    expect(follower.nextDueMs()).toBeNull();
  });

  it('does not follow an alarm already acknowledged', () => {
    expect(new AlarmFollower().offer([alarm({ id: 'h', assetId: 'x', priority: 'critical', state: 'acknowledged' })], 0)).toBeNull();
  });
});

describe('the header flashes on a new critical alarm', () => {
  const now = Date.parse('2025-11-23T10:05:00.000Z');
  const at = (secondsAgo: number) => new Date(now - secondsAgo * 1000).toISOString();

  it('while a critical alarm raised in the last minute waits for acknowledgement', () => {
    const list = [alarm({ id: 'h', assetId: 'x', priority: 'high', raisedAt: at(5) }), alarm({ id: 'c', assetId: 'y', priority: 'critical', raisedAt: at(30) })];
    expect(hasNewCritical(list, now)).toBe(true);
    expect(hasNewCritical(list, now + 31_000)).toBe(false);
    expect(hasNewCritical([alarm({ id: 'c', assetId: 'y', priority: 'critical', state: 'acknowledged', raisedAt: at(5) })], now)).toBe(false);
  });
});
