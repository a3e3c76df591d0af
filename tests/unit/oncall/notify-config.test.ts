import { describe, expect, it } from 'vitest';
import { ConfigError, readHubConfig } from '../../../electron/hub/config';

describe('on-call settings', () => {
  it('defaults: 5/15/60 min, low never, level 2 fifteen minutes later, no channel', () => {
    const config = readHubConfig({});
    expect(config.escalation).toEqual({ delaysMin: { critical: 5, high: 15, medium: 60, low: null }, nextLevelMin: 15 });
    expect(config.notify).toEqual({ smtpFrom: 'Beffroi <beffroi@localhost>' });
  });

  it('reads the channels and the console address', () => {
    const config = readHubConfig({
      BEFFROI_SMTP_URL: 'smtp://relais:secret@smtp.exemple.test:587',
      BEFFROI_SMTP_FROM: 'Astreinte <astreinte@exemple.test>',
      BEFFROI_WEBHOOK_URL: 'https://alerte.exemple.test/hook',
      BEFFROI_WEBHOOK_SECRET: 'x',
      BEFFROI_PUBLIC_URL: 'https://supervision.exemple.test',
      BEFFROI_ESCALATION_DELAYS_MIN: 'critical=2',
      BEFFROI_ESCALATION_NEXT_LEVEL_MIN: '10',
    });
    expect(config.notify).toEqual({
      smtpUrl: 'smtp://relais:secret@smtp.exemple.test:587',
      smtpFrom: 'Astreinte <astreinte@exemple.test>',
      webhookUrl: 'https://alerte.exemple.test/hook',
      webhookSecret: 'x',
      publicUrl: 'https://supervision.exemple.test',
    });
    expect(config.escalation).toEqual({ delaysMin: { critical: 2, high: 15, medium: 60, low: null }, nextLevelMin: 10 });
  });

  it.each([
    [{ BEFFROI_SMTP_URL: 'http://smtp.exemple.test' }, /BEFFROI_SMTP_URL : schéma smtp: ou smtps: attendu/],
    [{ BEFFROI_WEBHOOK_URL: 'pas une adresse' }, /BEFFROI_WEBHOOK_URL=pas une adresse : adresse invalide/],
    [{ BEFFROI_ESCALATION_DELAYS_MIN: 'critique=5' }, /BEFFROI_ESCALATION_DELAYS_MIN « critique=5 »/],
    [{ BEFFROI_ESCALATION_NEXT_LEVEL_MIN: '0' }, /BEFFROI_ESCALATION_NEXT_LEVEL_MIN=0 : nombre positif attendu/],
  ])('refuses %j with a French message', (env, message) => {
    expect(() => readHubConfig(env)).toThrow(ConfigError);
    expect(() => readHubConfig(env)).toThrow(message);
  });
});
