import { describe, expect, it } from 'vitest';
import { Scheduler } from '../../../electron/hub/simulator/scheduler';
import { Incidents } from '../../../electron/hub/simulator/incidents';
import { createRng } from '../../../electron/hub/territory/random';

describe('scheduler', () => {
  it('runs every task once, earliest due first, same due time in the order scheduled', async () => {
    const scheduler = new Scheduler();
    const base = Date.now() - 10_000; // all due already: they run on the next turns of the loop
    const ran: string[] = [];
    const rng = createRng('order');
    const dues = Array.from({ length: 1_200 }, (_, i) => ({ id: `t${i}`, at: base + rng.int(0, 50) }));
    const done = new Promise<void>((resolve) => {
      let left = dues.length;
      for (const { id, at } of dues) {
        scheduler.schedule(at, () => {
          ran.push(id);
          if (--left === 0) resolve();
        });
      }
    });
    await done;
    const expected = [...dues].sort((a, b) => a.at - b.at || Number(a.id.slice(1)) - Number(b.id.slice(1))).map((d) => d.id);
    expect(ran).toEqual(expected);
    expect(scheduler.pending).toBe(0);
    scheduler.stop();
  });

  it('keeps running after a task throws, and reports the error', async () => {
    const errors: unknown[] = [];
    const scheduler = new Scheduler((error) => errors.push(error));
    const ranAfter = new Promise<void>((resolve) => {
      scheduler.schedule(Date.now() - 2, () => {
        throw new Error('boom');
      });
      scheduler.schedule(Date.now() - 1, resolve);
    });
    await ranAfter;
    expect(errors).toHaveLength(1);
    scheduler.stop();
  });
});

describe('incidents', () => {
  const hooks = () => {
    const changed: string[] = [];
    const scheduled: number[] = [];
    return {
      changed,
      scheduled,
      hooks: { schedule: (at: number) => void scheduled.push(at), cameraChanged: (id: string) => void changed.push(id), log: () => undefined },
    };
  };

  it('forces a gate open until the intrusion ends, and only picks a closed gate', () => {
    const { hooks: h } = hooks();
    const incidents = new Incidents(createRng('i'), { gatewayIds: [], cabinetIds: [], cameraIds: [], isLit: () => true, gateIds: ['gate-open'], isGateClosed: () => false }, h);
    incidents.beginIntrusion('gate-1', 1_000);
    expect(incidents.gateForced('gate-1', 999)).toBe(true);
    expect(incidents.gateForced('gate-1', 1_000)).toBe(false);
    expect(incidents.gateForced('gate-open', 0)).toBe(false);
  });

  it('silences a gateway until the outage ends', () => {
    const { hooks: h } = hooks();
    const incidents = new Incidents(createRng('i'), { gatewayIds: ['gw'], cabinetIds: [], cameraIds: [], isLit: () => true }, h);
    incidents.beginGatewayOutage('gw', 1_000);
    expect(incidents.gatewayDown('gw', 999)).toBe(true);
    expect(incidents.gatewayDown('gw', 1_000)).toBe(false);
    expect(incidents.gatewayDown('other', 500)).toBe(false);
    expect(incidents.gatewayDown(undefined, 500)).toBe(false);
  });

  it('takes a camera offline, tells the VMS at once, and schedules its return', () => {
    const { hooks: h, changed, scheduled } = hooks();
    const incidents = new Incidents(createRng('i'), { gatewayIds: [], cabinetIds: [], cameraIds: ['cam'], isLit: () => true }, h);
    incidents.beginCameraOutage('cam', 5_000);
    expect(incidents.cameraOffline('cam', 4_999)).toBe(true);
    expect(incidents.cameraOffline('cam', 5_000)).toBe(false);
    expect(changed).toEqual(['cam']);
    expect(scheduled).toContain(5_000);
  });

  it('faults a cabinet for a while', () => {
    const { hooks: h } = hooks();
    const incidents = new Incidents(createRng('i'), { gatewayIds: [], cabinetIds: ['cab'], cameraIds: [], isLit: () => true }, h);
    incidents.beginCabinetFault('cab', 'overrun', 2_000);
    expect(incidents.cabinetFault('cab', 1_999)).toBe('overrun');
    expect(incidents.cabinetFault('cab', 2_000)).toBeUndefined();
  });
});
