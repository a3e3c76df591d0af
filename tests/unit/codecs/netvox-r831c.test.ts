import { describe, expect, it } from 'vitest';
import { bytesToHex, codecFor, hexToBytes, payloadErrorOf } from './vectors';

const r831c = codecFor('netvox-r831c');
const decode = (hex: string, fPort = 6) => r831c.decodeUplink(fPort, hexToBytes(hex));

describe('netvox-r831c uplinks (R831C manual, Netvox LoRaWAN Application Command, vendor decoder r831.js)', () => {
  it.each([
    // ReportDataCmd, FPort 6: version 01 · device type AD · report type 01 · relays 1–3 · 5 reserved bytes.
    ['relays 1 and 3 closed', '01 AD 01 01 00 01 0000000000', { Device: 'R831C', Relay_1: 'ON', Relay_2: 'OFF', Relay_3: 'ON' }],
    ['every relay open', '01 AD 01 00 00 00 0000000000', { Device: 'R831C', Relay_1: 'OFF', Relay_2: 'OFF', Relay_3: 'OFF' }],
    // Report type 00 (version packet after joining): software 0x0A = V1.0, hardware, date code
    // 4 bytes BCD (the Netvox manuals' example layout: 0x0A, 0x20170503).
    ['the version packet', '01 AD 00 0A 01 20170503 0000', { Device: 'R831C', SWver: 1, HWver: 1, Datecode: '20170503' }],
  ])('decodes %s', (_name, hex, fields) => {
    expect(decode(hex).fields).toEqual(fields);
  });

  it.each([
    // ConfigureCmd responses on FPort 7, as the R831D manual shows them for its type B0.
    ['81 AD 00 0000000000000000', { Cmd: 'ConfigReportRsp', Device: 'R831C', Status: 'Success' }],
    ['81 AD 01 0000000000000000', { Cmd: 'ConfigReportRsp', Device: 'R831C', Status: 'Failure' }],
    ['82 AD 003C 003C 0000000000', { Cmd: 'ReadConfigReportRsp', Device: 'R831C', MinTime: 60, MaxTime: 60 }],
    ['84 AD 01 0000000000000000', { Cmd: 'GetSwitchTypeRsp', Device: 'R831C', SwitchType: 'Momentary' }],
  ])('decodes the command response %s', (hex, fields) => {
    expect(decode(hex, 7).fields).toEqual(fields);
  });

  it('observes each relay and whether the lights are on', () => {
    expect(decode('01 AD 01 00 01 00 0000000000').observations).toEqual([
      { metric: 'relay1On', value: false },
      { metric: 'relay2On', value: true },
      { metric: 'relay3On', value: false },
      { metric: 'relayOn', value: true },
    ]);
    expect(decode('01 AD 00 0A 01 20170503 0000').observations).toEqual([]);
  });

  it.each([
    ['a report of 10 bytes', '01 AD 01 01 00 01 00000000', 10, 6],
    ['a report of 12 bytes', '01 AD 01 01 00 01 000000000000', 11, 6],
    ['another Netvox device type (R831D)', '01 B0 01 01 00 01 0000000000', 1, 6],
    ['an unknown report type', '01 AD 07 01 00 01 0000000000', 2, 6],
    ['an unknown response', '85 AD 00 0000000000000000', 0, 7],
    ['a frame on an unexpected port', '01 AD 01 01 00 01 0000000000', 0, 2],
  ])('refuses %s, naming the byte', (_name, hex, byteIndex, fPort) => {
    const error = payloadErrorOf(() => decode(hex, fPort));
    expect([error.model, error.fPort, error.byteIndex]).toEqual(['netvox-r831c', fPort, byteIndex]);
  });

  it('round-trips the relay state the simulator plays', () => {
    const fields = { Device: 'R831C', Relay_1: 'ON', Relay_2: 'ON', Relay_3: 'OFF' };
    const { fPort, bytes } = r831c.encodeUplink!(fields);
    expect([fPort, bytesToHex(bytes)]).toEqual([6, '01ad01' + '010100' + '0000000000']);
    expect(r831c.decodeUplink(fPort, bytes).fields).toEqual(fields);
  });

  it('normalises the vendor decoder’s object like the bytes', () => {
    const frame = decode('01 AD 01 01 00 01 0000000000');
    expect(r831c.normaliseObject!({ ...frame.fields })).toEqual(frame);
  });
});

describe('netvox-r831c lighting command (on/off, no dimming)', () => {
  it.each([
    // Off 0x90 / On 0x91 · device type · channel mask (bit 0 relay 1 … bit 2 relay 3) · 8 reserved bytes.
    [0, '90ad070000000000000000'],
    [1, '91ad070000000000000000'],
    [100, '91ad070000000000000000'],
  ])('lighting.dim %d %% → %s on port 7', (percent, hex) => {
    const downlink = r831c.encodeDownlink!({ type: 'lighting.dim', percent });
    expect(downlink && { fPort: downlink.fPort, hex: bytesToHex(downlink.bytes) }).toEqual({ fPort: 7, hex });
  });

  it('does not claim to dim', () => {
    expect(r831c.dimmingStepPercent).toBeUndefined();
  });

  it.each([
    [{ type: 'gate.set', position: 'open' } as const, /portail/],
    [{ type: 'heating.setpoint', celsius: 19 } as const, /R831C/],
  ])('refuses %j and says why', (command, why) => {
    expect(r831c.encodeDownlink!(command)).toBeUndefined();
    expect(r831c.whyUnsupported!(command)).toMatch(why);
  });

  it.each([
    // The R831D manual's relay examples (90/91/92 · 07), with the R831C's device type AD.
    ['90AD070000000000000000', { Relay_1: 'OFF', Relay_2: 'OFF', Relay_3: 'OFF' }],
    ['91AD020000000000000000', { Relay_2: 'ON' }],
    ['92AD050000000000000000', { toggle: ['Relay_1', 'Relay_3'] }],
    ['94AD000000000000000000', { ReadCurrentStatus: 'yes' }],
    ['01AD003C0E100000000000', { MinTime: 60, MaxTime: 3600 }],
    ['03AD010000000000000000', { SwitchType: 'Momentary' }],
  ])('device side: %s applies %j', (hex, applied) => {
    expect(r831c.decodeDownlink!(7, hexToBytes(hex))).toEqual(applied);
  });

  it.each([
    ['91AD0700', 4],
    ['91B0070000000000000000', 1],
    ['91AD080000000000000000', 2],
    ['99AD070000000000000000', 0],
  ])('device side: refuses %s at byte %d', (hex, byteIndex) => {
    expect(payloadErrorOf(() => r831c.decodeDownlink!(7, hexToBytes(hex))).byteIndex).toBe(byteIndex);
  });

  it('a switch-on goes down, the relays close, and the uplink confirms the lights are on', () => {
    const downlink = r831c.encodeDownlink!({ type: 'lighting.dim', percent: 100 })!;
    const state = { Relay_1: 'OFF', Relay_2: 'OFF', Relay_3: 'OFF', ...r831c.decodeDownlink!(downlink.fPort, downlink.bytes) };
    const uplink = r831c.encodeUplink!(state);
    expect(r831c.decodeUplink(uplink.fPort, uplink.bytes).observations).toContainEqual({ metric: 'relayOn', value: true });
  });
});
