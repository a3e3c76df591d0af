import type { Alarm, Asset, Command, SnapshotMessage } from '../../../shared';

/** Plain domain records as the hub sends them (valid against the shared schemas). */
export function asset(overrides: Partial<Asset> & Pick<Asset, 'id'>): Asset {
  return {
    kind: 'lighting-cabinet',
    name: `Équipement ${overrides.id}`,
    commune: '91228',
    lon: 2.44,
    lat: 48.63,
    status: 'ok',
    metrics: {},
    updatedAt: '2025-11-23T10:00:00.000Z',
    ...overrides,
  };
}

export function alarm(overrides: Partial<Alarm> & Pick<Alarm, 'id' | 'assetId'>): Alarm {
  return {
    commune: '91228',
    condition: 'co2.high',
    priority: 'high',
    state: 'unacknowledged',
    message: 'CO₂ élevé',
    raisedAt: '2025-11-23T10:00:00.000Z',
    lastAt: '2025-11-23T10:00:00.000Z',
    count: 1,
    ...overrides,
  };
}

export function command(overrides: Partial<Command> & Pick<Command, 'id' | 'assetId'>): Command {
  return {
    commune: '91228',
    type: 'heating.setpoint',
    params: { celsius: 19.5 },
    state: 'requested',
    requestedBy: 'operateur',
    requestedAt: '2025-11-23T10:00:00.000Z',
    updatedAt: '2025-11-23T10:00:00.000Z',
    history: [{ state: 'requested', at: '2025-11-23T10:00:00.000Z' }],
    ...overrides,
  };
}

export function snapshot(seq: number, assets: Asset[], alarms: Alarm[] = [], commands: Command[] = []): SnapshotMessage {
  return {
    op: 'snapshot',
    seq,
    territory: {
      name: 'essonne',
      label: 'Essonne',
      departements: ['91'],
      bounds: [1.9, 48.28, 2.59, 48.78],
      communes: [{ code: '91228', name: 'Évry-Courcouronnes' }],
    },
    assets,
    alarms,
    commands,
  };
}
