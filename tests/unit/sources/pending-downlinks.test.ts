import { describe, expect, it } from 'vitest';
import { PendingDownlinks } from '../../../electron/hub/sources/pending-downlinks';

const entry = (n: number, devEui = 'a840412200000001') => ({ devEui, networkId: `id-${n}`, ref: `cmd-${n}`, confirmed: true });

describe('pending downlinks', () => {
  it('finds a downlink by network id, or the device’s oldest without one', () => {
    const pending = new PendingDownlinks();
    pending.remember(entry(1));
    pending.remember(entry(2));
    pending.remember(entry(3, '24e1241000000001'));
    expect(pending.find('a840412200000001', 'id-2')?.ref).toBe('cmd-2');
    expect(pending.find('a840412200000001')?.ref).toBe('cmd-1');
    expect(pending.find('24e1241000000001')?.ref).toBe('cmd-3');
    expect(pending.find('a840412200000001', 'id-9')).toBeUndefined();
  });

  it('forgets settled downlinks, so the next oldest comes first', () => {
    const pending = new PendingDownlinks();
    pending.remember(entry(1));
    pending.remember(entry(2));
    pending.forget(pending.find('a840412200000001', 'id-1')!);
    expect(pending.find('a840412200000001')?.ref).toBe('cmd-2');
    expect(pending.size).toBe(1);
  });

  it('keeps at most 32 per device, dropping the oldest', () => {
    const pending = new PendingDownlinks();
    for (let n = 1; n <= 40; n++) pending.remember(entry(n));
    expect(pending.size).toBe(32);
    expect(pending.find('a840412200000001')?.ref).toBe('cmd-9');
  });
});
