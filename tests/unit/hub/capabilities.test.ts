import { describe, expect, it } from 'vitest';
import { acceptedCommands } from '../../../electron/hub/commands/capabilities';
import type { AssetRecord } from '../../../electron/hub/state/records';
import { assetRecord } from '../../support/records';

function withDevices(record: AssetRecord, ...models: string[]): AssetRecord {
  models.forEach((model, i) =>
    record.devices.push({ devEui: `00000000000000${String(i).padStart(2, '0')}`, model, assetId: record.asset.id, uplinkPeriodS: 60, silent: false }),
  );
  return record;
}

describe('commands an asset accepts, read off its devices’ codecs', () => {
  it('gives a school with a Vicki its bounds and tenth-of-a-degree steps', () => {
    const school = withDevices(assetRecord('building', { settings: { setpointMinC: 16, setpointMaxC: 22 } }), 'milesight-am307', 'mclimate-vicki');
    expect(acceptedCommands(school)).toEqual([{ type: 'heating.setpoint', minC: 16, maxC: 22, stepC: 0.1 }, { type: 'heating.override' }, { type: 'heating.schedule' }]);
  });

  it('steps whole degrees with a WT101, and offers nothing without a thermostat', () => {
    expect(acceptedCommands(withDevices(assetRecord('building'), 'milesight-wt101'))).toEqual([
      { type: 'heating.setpoint', minC: 16, maxC: 22, stepC: 1 },
      { type: 'heating.override' },
      { type: 'heating.schedule' },
    ]);
    expect(acceptedCommands(withDevices(assetRecord('building'), 'milesight-am307'))).toEqual([]);
  });

  it('lets a gate be opened and closed, and a WS558 cabinet be switched but not dimmed', () => {
    expect(acceptedCommands(withDevices(assetRecord('gate'), 'dragino-lt22222-l'))).toEqual([{ type: 'gate.set' }, { type: 'gate.hours' }]);
    expect(acceptedCommands(withDevices(assetRecord('lighting-cabinet'), 'milesight-ws558'))).toEqual([
      { type: 'lighting.dim', dimmable: false },
      { type: 'lighting.schedule' },
    ]);
    expect(acceptedCommands(assetRecord('street-lamp'))).toEqual([]);
  });
});
