import { describe, expect, it } from 'vitest';
import { hexToBytes } from '../../../electron/hub/codecs/bytes';
import type { Inbound } from '../../../electron/hub/sources/format';
import { TTS_CORRELATION_PREFIX, TtsFormat } from '../../../electron/hub/sources/tts';
import { TtsDownlinkPush, type TtsDownlinkEventJson, type TtsJoinMessageJson, type TtsUplinkMessageJson } from '../../../electron/hub/sources/tts-schema';
import type { DownlinkRequest } from '../../../electron/hub/sources/types';
import { MalformedMessage } from '../../../electron/hub/sources/wire';

const APPLICATION = 'beffroi-essonne@syndicat';
const DEVICE_ID = 'portail-cimetiere-lardy';
const GATE = 'a840412200000001';
const base64 = (hex: string) => Buffer.from(hexToBytes(hex)).toString('base64');
const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const topic = (event: string, deviceId = DEVICE_ID) => `v3/${APPLICATION}/devices/${deviceId}/${event}`;

const endDeviceIds = {
  device_id: DEVICE_ID,
  application_ids: { application_id: 'beffroi-essonne' },
  dev_eui: GATE.toUpperCase(),
  join_eui: 'A840410000000107',
  dev_addr: '260B9911',
};

function upMessage(overrides: Partial<TtsUplinkMessageJson['uplink_message']> = {}): TtsUplinkMessageJson {
  return {
    end_device_ids: endDeviceIds,
    correlation_ids: ['gs:uplink:01HME5K3ZQ2B3XKQ0W8Y5V6J1T', 'as:up:01HME5K40B4PZ3F9T4N6S1Q2R3'],
    received_at: '2025-01-16T08:14:07.512Z',
    uplink_message: {
      session_key_id: 'AYzLq0xYv6KJ0hXv2mJ1dw==',
      f_port: 2,
      f_cnt: 4012,
      frm_payload: base64('2EE0 0000 0FA0 4E20 88 00 41'),
      decoded_payload: { DI1_status: 'H', RO1_status: 'ON', Work_mode: '2ACI+2AVI' },
      rx_metadata: [
        {
          gateway_ids: { gateway_id: 'kerlink-lardy', eui: '7076FF0064030456' },
          rssi: -88,
          channel_rssi: -88,
          snr: 9.25,
          location: { latitude: 48.5246, longitude: 2.2612, altitude: 80, source: 'SOURCE_REGISTRY' },
        },
        { gateway_ids: { gateway_id: 'kerlink-etrechy', eui: '7076FF0064030999' }, rssi: -115, channel_rssi: -115, snr: -6 },
      ],
      settings: { data_rate: { lora: { bandwidth: 125000, spreading_factor: 7 } }, frequency: '868100000' },
      received_at: '2025-01-16T08:14:07.301Z',
      consumed_airtime: '0.061696s',
      ...overrides,
    },
  };
}

function downEvent(kind: 'sent' | 'ack' | 'nack' | 'queued', correlationIds: string[]): TtsDownlinkEventJson {
  return {
    end_device_ids: endDeviceIds,
    correlation_ids: ['as:downlink:01HME5N1R3', ...correlationIds],
    received_at: '2025-01-16T08:24:08.004Z',
    [`downlink_${kind}`]: { f_port: 1, f_cnt: 17, frm_payload: base64('030111'), confirmed: true, priority: 'NORMAL', correlation_ids: correlationIds },
  };
}

const openGate = (ref: string): DownlinkRequest => ({ devEui: GATE, fPort: 1, bytes: Uint8Array.of(0x03, 0x01, 0x11), confirmed: true, ref });

function expectKind<K extends Inbound['kind']>(inbound: Inbound, kind: K): Extract<Inbound, { kind: K }> {
  expect(inbound.kind).toBe(kind);
  return inbound as Extract<Inbound, { kind: K }>;
}

describe('The Things Stack v3 uplinks', () => {
  it('become the hub uplink with the DevEUI, raw bytes, decoded payload, best gateway and every gateway with its position', () => {
    const { uplink } = expectKind(new TtsFormat().read(topic('up'), json(upMessage())), 'uplink');
    expect(uplink).toEqual({
      devEui: GATE,
      fPort: 2,
      fCnt: 4012,
      bytes: hexToBytes('2EE0 0000 0FA0 4E20 88 00 41'),
      object: { DI1_status: 'H', RO1_status: 'ON', Work_mode: '2ACI+2AVI' },
      gatewayId: 'kerlink-lardy',
      rssiDbm: -88,
      snrDb: 9.25,
      receptions: [
        { gatewayId: 'kerlink-lardy', rssiDbm: -88, snrDb: 9.25, location: { lon: 2.2612, lat: 48.5246 } },
        { gatewayId: 'kerlink-etrechy', rssiDbm: -115, snrDb: -6 },
      ],
      receivedAt: '2025-01-16T08:14:07.301Z',
    });
  });

  it.each([
    ['JSON that does not parse', Buffer.from('{')],
    ['an uplink without DevEUI', json({ ...upMessage(), end_device_ids: { device_id: DEVICE_ID, application_ids: { application_id: 'x' } } })],
    ['an uplink without uplink_message', json({ end_device_ids: endDeviceIds })],
    ['bytes that are not base64', json(upMessage({ frm_payload: '%%' }))],
  ])('refuse %s as malformed', (_name, payload) => {
    expect(() => new TtsFormat().read(topic('up'), payload)).toThrow(MalformedMessage);
  });
});

/** A join-accept message as TTS's data formats document it. */
const joinMessage: TtsJoinMessageJson = {
  end_device_ids: endDeviceIds,
  correlation_ids: ['as:up:01HME5J9ZK3T1E7W2B6M8N4P5Q', 'rpc:/ttn.lorawan.v3.NsAs/HandleUplink:01HME5J9ZK'],
  received_at: '2025-01-16T08:10:02.407Z',
  join_accept: { session_key_id: 'AYzLq0xYv6KJ0hXv2mJ1dw==', received_at: '2025-01-16T08:10:02.118Z' },
};

describe('The Things Stack v3 joins', () => {
  it('become a new session of the device, timed when the network server accepted the join', () => {
    const { join } = expectKind(new TtsFormat().read(topic('join'), json(joinMessage)), 'join');
    expect(join).toEqual({ devEui: GATE, joinedAt: '2025-01-16T08:10:02.118Z', devAddr: '260B9911' });
  });

  it('teach the format the device id, to address its downlinks', () => {
    const format = new TtsFormat();
    format.read(topic('join'), json(joinMessage));
    expect(format.downlink(openGate('cmd-1')).topic).toBe(topic('down/push'));
  });

  it.each([
    ['an empty object', Buffer.from('{}')],
    ['a join without join_accept', json({ end_device_ids: endDeviceIds, received_at: '2025-01-16T08:10:02.407Z' })],
    ['a join without dev_eui', json({ ...joinMessage, end_device_ids: { ...endDeviceIds, dev_eui: undefined } })],
    ['a DevEUI that is not 16 hex digits', json({ ...joinMessage, end_device_ids: { ...endDeviceIds, dev_eui: 'A84041' } })],
  ])('refuse %s as malformed', (_name, payload) => {
    expect(() => new TtsFormat().read(topic('join'), payload)).toThrow(MalformedMessage);
  });
});

describe('The Things Stack v3 downlinks', () => {
  it('push to the device id learnt from its uplinks, with our correlation id', () => {
    const format = new TtsFormat();
    format.read(topic('up'), json(upMessage()));
    const push = format.downlink(openGate('cmd-42'));
    expect(push.topic).toBe(`v3/${APPLICATION}/devices/${DEVICE_ID}/down/push`);
    expect(TtsDownlinkPush.parse(JSON.parse(push.payload))).toEqual({
      downlinks: [{ f_port: 1, frm_payload: Uint8Array.of(0x03, 0x01, 0x11), priority: 'NORMAL', confirmed: true, correlation_ids: [`${TTS_CORRELATION_PREFIX}cmd-42`] }],
    });
  });

  it('address a device not heard yet by the configured application and its eui- device id', () => {
    expect(() => new TtsFormat().downlink(openGate('cmd-1'))).toThrow(/application TTS inconnue/);
    expect(new TtsFormat({ applicationId: APPLICATION }).downlink(openGate('cmd-1')).topic).toBe(`v3/${APPLICATION}/devices/eui-${GATE}/down/push`);
  });

  it.each([
    ['down/sent', downEvent('sent', [`${TTS_CORRELATION_PREFIX}cmd-42`]), 'sent'],
    ['down/ack', downEvent('ack', [`${TTS_CORRELATION_PREFIX}cmd-42`]), 'acked'],
    ['down/nack', downEvent('nack', [`${TTS_CORRELATION_PREFIX}cmd-42`]), 'failed'],
    [
      'down/failed',
      {
        end_device_ids: endDeviceIds,
        received_at: '2025-01-16T08:24:08.004Z',
        downlink_failed: {
          downlink: { f_port: 1, frm_payload: base64('030111'), correlation_ids: [`${TTS_CORRELATION_PREFIX}cmd-42`] },
          error: { namespace: 'pkg/networkserver', name: 'application_downlink_too_long', message_format: 'application downlink payload too long' },
        },
      },
      'failed',
    ],
  ])('map %s to a %s report carrying the ref', (event, body, outcome) => {
    const { report } = expectKind(new TtsFormat().read(topic(event), json(body)), 'report');
    expect(report).toMatchObject({ ref: 'cmd-42', devEui: GATE, outcome, at: '2025-01-16T08:24:08.004Z' });
    if (event === 'down/failed') expect(report.reason).toMatch(/payload too long/);
  });

  it.each([
    ['a downlink queued by someone else', 'down/sent', json(downEvent('sent', ['as:downlink:foreign']))],
    ['our own push echoed by the broker', 'down/push', Buffer.from('{"downlinks":[]}')],
    ['a queued notice', 'down/queued', json(downEvent('queued', [`${TTS_CORRELATION_PREFIX}cmd-42`]))],
  ])('ignore %s', (_name, event, payload) => {
    expect(new TtsFormat().read(topic(event), payload).kind).toBe('ignored');
  });
});
