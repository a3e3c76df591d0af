import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../../electron/hub/store/db';
import { migrate } from '../../../electron/hub/store/migrate';
import { assetWrite, deviceWrite } from '../../../electron/hub/store/rows';
import { TerritoryState } from '../../../electron/hub/state/territory-state';
import type { DeviceRecord } from '../../../electron/hub/state/records';
import { assetRecord } from '../../support/records';
import { tempDir } from '../../support/temp-dir';

describe('device health on the device row (migration 014)', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let db: Database;

  beforeEach(async () => {
    dir = await tempDir();
    db = await Database.open(join(dir.path, 'hub.sqlite'));
    await migrate(db);
  });

  afterEach(async () => {
    await db.close();
    await dir.remove();
  });

  it('comes back on the next start as it was written, join included', async () => {
    const room = assetRecord('building', { id: 'bld-91001-001' });
    const device: DeviceRecord = {
      devEui: '24e124707c000001',
      model: 'milesight-am307',
      assetId: room.asset.id,
      uplinkPeriodS: 600,
      gatewayId: '0016c001f0000001',
      lastUplinkAt: Date.parse('2026-11-23T08:10:00.000Z'),
      lastFCnt: 2,
      rssiDbm: -104,
      snrDb: 1.5,
      batteryV: 3.61,
      uplinksLost: 2,
      lastJoinAt: Date.parse('2026-11-23T08:00:00.000Z'),
      joinCount: 3,
      silent: false,
    };
    const never: DeviceRecord = { devEui: '24e124707c000002', model: 'milesight-am307', assetId: room.asset.id, uplinkPeriodS: 600, silent: false };
    await db.transaction([assetWrite(room), deviceWrite(device), deviceWrite(never)]);

    const state = await TerritoryState.load(db);
    expect(state.devices.get(device.devEui)).toEqual(device);
    expect(state.devices.get(never.devEui)).toEqual(never);
  });
});
