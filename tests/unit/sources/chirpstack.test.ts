import { describe, expect, it } from 'vitest';
import { ChirpstackFormat, parseChirpstackDownlinkCommand, parseChirpstackEvent } from '../../../electron/hub/sources/chirpstack';
import type { Inbound } from '../../../electron/hub/sources/format';
import type { DownlinkRequest } from '../../../electron/hub/sources/types';
import { MalformedMessage } from '../../../electron/hub/sources/wire';
import { hexToBytes } from '../../../electron/hub/codecs/bytes';
import { APP, joinEvent, THERMOSTAT, ackEvent, hexToBase64, json, logEvent, topic, txackEvent, upEvent } from './chirpstack-events';

const setpoint = (ref: string, confirmed = true): DownlinkRequest => ({
  devEui: THERMOSTAT,
  fPort: 85,
  bytes: Uint8Array.of(0xff, 0xb1, 0x13, 0x0a, 0x00),
  confirmed,
  ref,
});

function uplinkOf(inbound: Inbound) {
  if (inbound.kind !== 'uplink') throw new Error(`expected an uplink, got ${inbound.kind}`);
  return inbound.uplink;
}

function reportOf(inbound: Inbound) {
  if (inbound.kind !== 'report') throw new Error(`expected a report, got ${inbound.kind}`);
  return inbound.report;
}

/** A format that has heard the thermostat once, and the queue item ids of the downlinks it sent. */
function formatWithTraffic() {
  const format = new ChirpstackFormat();
  format.read(topic('up'), json(upEvent()));
  const send = (request: DownlinkRequest) => {
    const { topic: where, payload } = format.downlink(request);
    return parseChirpstackDownlinkCommand(where, payload).command.id ?? '';
  };
  return { format, send };
}

describe('ChirpStack v4 uplink events', () => {
  it('become the hub uplink: bytes, object, best gateway, every gateway with its position, radio quality, time', () => {
    const uplink = uplinkOf(new ChirpstackFormat().read(topic('up'), json(upEvent())));
    expect(uplink).toEqual({
      devEui: THERMOSTAT,
      fPort: 85,
      fCnt: 132,
      bytes: hexToBytes('017561 04672C01 03670A01 059264'),
      object: { battery: 97, target_temperature: 30, temperature: 26.6, valve_opening: 100 },
      gatewayId: '7076ff0064030999',
      rssiDbm: -97,
      snrDb: 7.5,
      receptions: [
        // The first gateway's `location` is absent: unknown, not (0, 0).
        { gatewayId: '7076ff0064030456', rssiDbm: -112, snrDb: -3.5 },
        { gatewayId: '7076ff0064030999', rssiDbm: -97, snrDb: 7.5, location: { lon: 2.2762, lat: 48.7306 } },
      ],
      receivedAt: '2025-01-16T08:14:07.263Z',
    });
  });

  it('read fields ChirpStack leaves out at zero: fCnt 0 and an empty payload', () => {
    const event = upEvent({ fCnt: undefined, data: undefined, object: undefined, rxInfo: [{ gatewayId: '7076ff0064030456' }] });
    const uplink = uplinkOf(new ChirpstackFormat().read(topic('up'), json(event)));
    expect([uplink.fCnt, uplink.bytes, uplink.rssiDbm, uplink.gatewayId]).toEqual([0, new Uint8Array(0), undefined, '7076ff0064030456']);
  });

  it('lower-cases DevEUIs so they match the territory', () => {
    const upper = '24E1241000000001';
    const event = upEvent({ deviceInfo: { ...upEvent().deviceInfo, devEui: upper } });
    expect(uplinkOf(new ChirpstackFormat().read(topic('up', upper), json(event))).devEui).toBe(THERMOSTAT);
  });

  it.each([
    ['a device status', 'status', { deviceInfo: upEvent().deviceInfo, margin: 7, batteryLevel: 92.5 }],
    ['a location', 'location', { whatever: true }],
    ['a MAC-only frame (no fPort)', 'up', upEvent({ fPort: undefined, data: undefined })],
  ])('ignore %s', (_name, event, body) => {
    expect(new ChirpstackFormat().read(topic(event), json(body)).kind).toBe('ignored');
  });

  it('read a join as a new session of the device, with its DevAddr and time', () => {
    const inbound = new ChirpstackFormat().read(topic('join'), json(joinEvent()));
    expect(inbound).toEqual({ kind: 'join', join: { devEui: THERMOSTAT, joinedAt: '2025-01-16T08:10:02.118Z', devAddr: '01f3a9c2' } });
  });

  it('read the best gateway of a join when the network server adds rxInfo', () => {
    const event = joinEvent({ rxInfo: upEvent().rxInfo });
    const inbound = new ChirpstackFormat().read(topic('join'), json(event));
    expect(inbound).toMatchObject({ kind: 'join', join: { gatewayId: '7076ff0064030999', rssiDbm: -97, snrDb: 7.5 } });
  });

  it('learn the application of a device from its join, to address its downlinks', () => {
    const format = new ChirpstackFormat();
    expect(format.addressable(THERMOSTAT)).toBe(false);
    format.read(topic('join'), json(joinEvent()));
    expect(format.addressable(THERMOSTAT)).toBe(true);
  });

  it.each([
    ['a join without deviceInfo', topic('join'), json({ devAddr: '01f3a9c2', time: '2025-01-16T08:10:02Z' })],
    ['a join about another device than the topic', topic('join', '24e1241000000002'), json(joinEvent())],
    ['a join whose devAddr is not a string', topic('join'), json({ ...joinEvent(), devAddr: 42 })],
    ['JSON that does not parse', topic('up'), Buffer.from('{"deviceInfo":')],
    ['an event without deviceInfo', topic('up'), json({ fPort: 85 })],
    ['a DevEUI that is not 16 hex digits', topic('up'), json(upEvent({ deviceInfo: { ...upEvent().deviceInfo, devEui: 'nope' } }))],
    ['payload bytes that are not base64', topic('up'), json(upEvent({ data: 'AXVh*' }))],
    ['a payload about another device than the topic', topic('up', '24e1241000000002'), json(upEvent())],
    ['a topic that is not a ChirpStack event', 'application/x/device/y/event/up', json(upEvent())],
    ['an fCnt that is not a number', topic('up'), json({ ...upEvent(), fCnt: '132' })],
  ])('refuse %s as malformed', (_name, where, payload) => {
    expect(() => new ChirpstackFormat().read(where, payload)).toThrow(MalformedMessage);
  });

  it('parse each event type against its own schema', () => {
    expect(parseChirpstackEvent(topic('txack'), json(txackEvent('f5f2a9a4-6a5c-4bd7-8d0f-6c1c0a0bfb55'))).type).toBe('txack');
    expect(() => parseChirpstackEvent(topic('txack'), json({ deviceInfo: upEvent().deviceInfo }))).toThrow(/queueItemId/);
  });
});

describe('ChirpStack v4 downlinks and their reports', () => {
  it('queue a downlink on command/down with our queue item id, base64 data and fPort', () => {
    const { format } = formatWithTraffic();
    const { topic: where, payload } = format.downlink(setpoint('cmd-1'));
    expect(where).toBe(`application/${APP}/device/${THERMOSTAT}/command/down`);
    const { command } = parseChirpstackDownlinkCommand(where, payload);
    expect(command).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), devEui: THERMOSTAT, confirmed: true, fPort: 85, data: Uint8Array.of(0xff, 0xb1, 0x13, 0x0a, 0x00) });
    expect(JSON.parse(payload).data).toBe(hexToBase64('ffb1130a00'));
  });

  it('refuse to address a device never heard, unless an application id is configured', () => {
    expect(() => new ChirpstackFormat().downlink(setpoint('cmd-1'))).toThrow(/application ChirpStack inconnue/);
    const { topic: where } = new ChirpstackFormat({ defaultApplicationId: 'app-demo' }).downlink(setpoint('cmd-1'));
    expect(where).toBe(`application/app-demo/device/${THERMOSTAT}/command/down`);
  });

  it('tie txack and ack back to the ref of the downlink they are about, in any order', () => {
    const { format, send } = formatWithTraffic();
    const first = send(setpoint('cmd-first'));
    const second = send(setpoint('cmd-second'));
    expect(reportOf(format.read(topic('txack'), json(txackEvent(second))))).toEqual({
      ref: 'cmd-second', devEui: THERMOSTAT, outcome: 'sent', at: '2025-01-16T08:14:08.301Z',
    });
    expect(reportOf(format.read(topic('txack'), json(txackEvent(first)))).ref).toBe('cmd-first');
    expect(reportOf(format.read(topic('ack'), json(ackEvent(first, true))))).toMatchObject({ ref: 'cmd-first', outcome: 'acked' });
    expect(reportOf(format.read(topic('ack'), json(ackEvent(second, false))))).toMatchObject({ ref: 'cmd-second', outcome: 'failed' });
  });

  it('forget a downlink once its outcome is final', () => {
    const { format, send } = formatWithTraffic();
    const confirmed = send(setpoint('cmd-confirmed'));
    const unconfirmed = send(setpoint('cmd-unconfirmed', false));
    format.read(topic('txack'), json(txackEvent(unconfirmed)));
    expect(format.read(topic('txack'), json(txackEvent(unconfirmed))).kind).toBe('ignored');
    format.read(topic('ack'), json(ackEvent(confirmed, true)));
    expect(format.read(topic('ack'), json(ackEvent(confirmed, true))).kind).toBe('ignored');
  });

  it('ignore reports about downlinks it did not queue', () => {
    const { format } = formatWithTraffic();
    expect(format.read(topic('txack'), json(txackEvent('0b9f6a52-2b52-4a38-9c0a-9d7a4c3e2f11'))).kind).toBe('ignored');
  });

  it.each([
    ['EXPIRED', 'failed'],
    ['DOWNLINK_PAYLOAD_SIZE', 'failed'],
    ['F_CNT_DOWN', 'failed'],
    ['DOWNLINK_GATEWAY', 'ignored'],
    ['UPLINK_CODEC', 'ignored'],
  ])('a %s log error is %s (oldest pending downlink of the device)', (code, kind) => {
    const { format, send } = formatWithTraffic();
    send(setpoint('cmd-oldest'));
    send(setpoint('cmd-newer'));
    const inbound = format.read(topic('log'), json(logEvent(code, 'Downlink has expired')));
    expect(inbound.kind === 'report' ? inbound.report.outcome : inbound.kind).toBe(kind);
    if (inbound.kind === 'report') expect(inbound.report).toMatchObject({ ref: 'cmd-oldest', reason: `ChirpStack ${code} : Downlink has expired` });
  });
});
