import { describe, expect, it } from 'vitest';
import { ConfigError, readHubConfig } from '../../../electron/hub/config';

describe('hub settings', () => {
  it('defaults to hub-contract.md: loopback, port 8417, essonne demo, password beffroi', () => {
    expect(readHubConfig({ BEFFROI_DATA_DIR: '/tmp/x' })).toMatchObject({
      host: '127.0.0.1',
      port: 8417,
      demo: 'essonne',
      demoPassword: 'beffroi',
      mqttFormat: 'chirpstack',
      behindTlsProxy: false,
      ingestMaxInFlight: 5_000,
    });
    expect(readHubConfig({ BEFFROI_DATA_DIR: '/tmp/x', BEFFROI_INGEST_MAX_IN_FLIGHT: '200' }).ingestMaxInFlight).toBe(200);
  });

  it.each([
    [{ BEFFROI_DEMO: 'bretagne' }, /BEFFROI_DEMO=bretagne/],
    [{ BEFFROI_PORT: '70000' }, /port invalide/],
    [{ BEFFROI_MQTT_FORMAT: 'lorawan' }, /chirpstack, tts/],
    [{ BEFFROI_INGEST_MAX_IN_FLIGHT: '0' }, /BEFFROI_INGEST_MAX_IN_FLIGHT=0/],
    [{ BEFFROI_HOST: '0.0.0.0' }, /expose le hub au réseau/],
    [{ BEFFROI_HOST: '192.168.1.20', BEFFROI_TLS_CERT: '/etc/beffroi/cert.pem' }, /vont ensemble/],
  ])('refuses %j with a French explanation', (env, message) => {
    expect(() => readHubConfig(env)).toThrow(ConfigError);
    expect(() => readHubConfig(env)).toThrow(message);
  });

  it('listens on the network only with TLS, or behind a TLS proxy when told so', () => {
    expect(readHubConfig({ BEFFROI_HOST: '0.0.0.0', BEFFROI_TLS_PROXY: '1' })).toMatchObject({ behindTlsProxy: true });
    expect(
      readHubConfig({ BEFFROI_HOST: '10.1.2.3', BEFFROI_TLS_CERT: '/etc/beffroi/cert.pem', BEFFROI_TLS_KEY: '/etc/beffroi/key.pem' }),
    ).toMatchObject({ tls: { certPath: '/etc/beffroi/cert.pem', keyPath: '/etc/beffroi/key.pem' } });
    expect(readHubConfig({ BEFFROI_HOST: '::1' }).host).toBe('::1');
  });
});
