import { describe, expect, it } from 'vitest';
import { alarmIdFromHash } from '../../../renderer/app/alarm-deep-link';
import { alarmLink } from '../../../electron/hub/notify/message';

describe('the alarm link of a notification', () => {
  it('round-trips from the hub’s link to the console’s route', () => {
    const link = alarmLink('https://console.exemple.test/', 'al-0f3c');
    expect(link).toBe('https://console.exemple.test/#alarme/al-0f3c');
    expect(alarmIdFromHash(new URL(link).hash)).toBe('al-0f3c');
  });

  it.each([['#administration'], ['#alarme/'], ['#alarmes'], [`#alarme/${'x'.repeat(65)}`], ['']])('is not an alarm link: %j', (hash) => {
    expect(alarmIdFromHash(hash)).toBeUndefined();
  });
});
