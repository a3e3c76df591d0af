import { describe, expect, it } from 'vitest';
import { EMPTY_SOURCE_FORM, formOf, passwordOf, settingsOf } from '../../../renderer/admin/sources/source-form';

describe('the source form', () => {
  const filled = { ...EMPTY_SOURCE_FORM, name: 'sdef-nord', url: 'mqtts://lns.sdef.fr:8883', applicationIds: 'app-1, app-2\napp-3', topicPrefix: 'sdef/' };

  it('turns what the admin typed into settings the hub takes', () => {
    expect(settingsOf({ ...filled, tlsCa: '/etc/beffroi/ca.pem' })).toEqual({
      settings: {
        name: 'sdef-nord',
        format: 'chirpstack',
        url: 'mqtts://lns.sdef.fr:8883',
        tls: { ca: '/etc/beffroi/ca.pem', rejectUnauthorized: true },
        applicationIds: ['app-1', 'app-2', 'app-3'],
        topicPrefix: 'sdef/',
        enabled: true,
      },
    });
  });

  it.each([
    [{ url: 'http://courtier' }, 'url', /adresse du courtier invalide/],
    [{ url: 'mqtt://' }, 'url', /adresse du courtier invalide/],
    [{ name: 'SDEF Nord' }, 'name', /minuscules/],
    [{ topicPrefix: 'sdef' }, 'topicPrefix', /terminé par \//],
  ])('refuses %o in French, naming the field', (change, field, message) => {
    const result = settingsOf({ ...filled, ...change });
    expect(result).toMatchObject({ field });
    expect('error' in result && result.error).toMatch(message);
  });

  it('never knows the stored password: empty keeps it, a tick removes it', () => {
    const form = formOf({
      name: 'sdef-nord',
      format: 'tts',
      url: 'mqtt://127.0.0.1:1883',
      username: 'beffroi',
      applicationIds: ['app@sdef'],
      topicPrefix: '',
      enabled: true,
      origin: 'console',
      hasPassword: true,
      status: { link: 'connected', messages: 3 },
    });
    expect(form).toMatchObject({ username: 'beffroi', applicationIds: 'app@sdef', format: 'tts' });
    expect(form.password).toBe('');
    expect(passwordOf(form, true)).toEqual({});
    expect(passwordOf({ ...form, removePassword: true }, true)).toEqual({ password: null });
    expect(passwordOf({ ...form, password: 'nouveau' }, true)).toEqual({ password: 'nouveau' });
  });
});
