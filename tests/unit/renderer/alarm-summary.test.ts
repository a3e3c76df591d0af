import { describe, expect, it } from 'vitest';
import { summariseRaised } from '../../../renderer/app/alarm-summary';
import type { Alarm } from '../../../shared';
import { alarm } from './fixtures';

const describeAlarm = (a: Alarm) => `${a.assetId} (Évry-Courcouronnes) — ${a.message}`;
const many = (n: number, priority: Alarm['priority'], from = 0) =>
  Array.from({ length: n }, (_, i) => alarm({ id: `al-${priority}-${from + i}`, assetId: `cab-${from + i}`, priority, message: 'Départ disjoncté' }));

describe('one notification per burst of new alarms', () => {
  it('describes a lone serious alarm as it is', () => {
    const notice = summariseRaised([alarm({ id: 'al-1', assetId: 'cab-1', priority: 'critical', message: 'Défaut armoire' })], 'fr', describeAlarm);
    expect(notice).toEqual({ title: 'Alarme critique', body: 'cab-1 (Évry-Courcouronnes) — Défaut armoire', tag: 'al-1' });
  });

  it('says nothing for medium and low priorities', () => {
    expect(summariseRaised([...many(5, 'medium'), ...many(3, 'low')], 'fr', describeAlarm)).toBeNull();
  });

  it('summarises a burst of high alarms in one notice, the first described, the others counted', () => {
    const notice = summariseRaised([...many(12, 'high'), ...many(40, 'medium')], 'fr', describeAlarm);
    expect(notice?.title).toBe('12 nouvelles alarmes hautes');
    expect(notice?.body).toBe('cab-0 (Évry-Courcouronnes) — Départ disjoncté, et 11 autres');
  });

  it('puts a critical alarm first when a burst mixes priorities, and says how many are critical', () => {
    const notice = summariseRaised([...many(9, 'high'), ...many(3, 'critical', 100)], 'fr', describeAlarm);
    expect(notice?.title).toBe('12 nouvelles alarmes critiques ou hautes, dont 3 critiques');
    expect(notice?.body).toBe('cab-100 (Évry-Courcouronnes) — Départ disjoncté, et 11 autres');
    expect(summariseRaised([...many(1, 'high'), ...many(1, 'critical', 7)], 'fr', describeAlarm)).toEqual({
      title: '2 nouvelles alarmes critiques ou hautes, dont 1 critique',
      body: 'cab-7 (Évry-Courcouronnes) — Départ disjoncté, et 1 autre',
      tag: 'burst-al-critical-7',
    });
  });

  it('describes only one alarm whatever the size of the burst', () => {
    let described = 0;
    summariseRaised(many(220, 'high'), 'fr', (a) => {
      described += 1;
      return describeAlarm(a);
    });
    expect(described).toBe(1);
  });

  it('speaks English too', () => {
    expect(summariseRaised(many(3, 'critical'), 'en', describeAlarm)?.title).toBe('3 new critical alarms');
  });
});
