import { z } from 'zod';
import { describeDeviceProblem, MAX_IMPORT_ROWS, parseDeviceCsv, registryProblem, type DeviceDeclaration, type DeviceRegistryView } from '../../../shared/domain/device-csv';
import type { SessionUser } from '../../../shared/domain/users';
import type { ClientMessage, QuarantinedDevice, ReplyPayload } from '../../../shared/protocol/messages';
import { mayAdminister, mayReadDevices, mayReadQuarantine } from '../auth/permissions';
import { acceptedCommands } from '../commands/capabilities';
import { scopeOf } from '../auth/scope';
import { HubError } from '../errors';
import { readQuarantined, replayQuarantined } from '../ingest/replay-quarantine';
import { SILENCE_CONDITION } from '../rules/conditions';
import { refreshStatus } from '../rules/evaluate';
import type { ChangeSet } from '../store/change-set';
import { deviceWrite } from '../store/rows';
import type { DeviceRecord } from '../state/records';
import type { TerritoryState } from '../state/territory-state';
import type { ConsoleConnection } from './console-connection';
import { listDevices, prepareSearch } from './device-list';

type DeviceOp = 'device.quarantine' | 'device.declare' | 'device.import' | 'device.list' | 'device.remove';
type Handler<K extends DeviceOp> = (message: Extract<ClientMessage, { op: K }>, connection: ConsoleConnection) => Promise<ReplyPayload<K>>;

/**
 * The registry as the writer sees it, for the checks shared with the console's CSV preview. An
 * asset outside the user's scope reads as unknown: nobody learns what exists beyond it.
 */
function registryView(state: TerritoryState, user: SessionUser): DeviceRegistryView {
  return {
    assetKind: (id) => {
      const asset = state.assets.get(id)?.asset;
      return asset && scopeOf(user).sees(asset.commune, asset.id) ? asset.kind : undefined;
    },
    isDeclared: (devEui) => state.devices.has(devEui),
  };
}

/**
 * Declares a device in the writer's batch: the device row, the in-memory registry, the asset's
 * devices and accepted commands (an `asset.updated` event), and out of quarantine.
 */
function declare(connection: ConsoleConnection, d: DeviceDeclaration, changes: ChangeSet, actor: string): void {
  const { state } = connection.hub;
  const record = state.assets.get(d.assetId)!;
  const device: DeviceRecord = { devEui: d.devEui, model: d.model, assetId: d.assetId, uplinkPeriodS: d.uplinkPeriodS, declaredAt: Date.now(), silent: false };
  state.addDevice(device);
  const accepts = acceptedCommands(record);
  if (accepts.length > 0) record.asset.accepts = accepts;
  changes.write(deviceWrite(device));
  changes.write({ sql: 'DELETE FROM quarantine WHERE dev_eui = ?', params: [d.devEui] });
  changes.asset(record);
  changes.audited({ actor, address: connection.address, action: 'device.declare', target: d.devEui, details: { model: d.model, assetId: d.assetId } });
}

/**
 * Retires a device: gone from the registry and its asset (which may lose commands it accepted).
 * A « pas de données » alarm it alone kept up is cleared: nothing expects it to speak any more.
 */
function retire(connection: ConsoleConnection, device: DeviceRecord, changes: ChangeSet, actor: string): void {
  const { state, alarms } = connection.hub;
  state.removeDevice(device);
  changes.forgetDevice(device.devEui);
  changes.write({ sql: 'DELETE FROM devices WHERE dev_eui = ?', params: [device.devEui] });
  const record = state.assets.get(device.assetId);
  if (record) {
    const accepts = acceptedCommands(record);
    if (accepts.length > 0) record.asset.accepts = accepts;
    else delete record.asset.accepts;
    const at = new Date().toISOString();
    if (alarms.isActive(record.asset.id, SILENCE_CONDITION.id) && record.devices.every((d) => !d.silent)) {
      alarms.clear(record.asset.id, SILENCE_CONDITION.id, at, changes);
    }
    refreshStatus(record, state, alarms, at, changes);
    changes.asset(record);
  }
  changes.audited({ actor, address: connection.address, action: 'device.remove', target: device.devEui, details: { model: device.model, assetId: device.assetId } });
}

const QuarantineRow = z.object({
  dev_eui: z.string(),
  first_at: z.string(),
  last_at: z.string(),
  count: z.number(),
  f_port: z.number(),
  payload_hex: z.string().nullable(),
  gateway_id: z.string().nullable(),
  rssi_dbm: z.number().nullable(),
});

export const DEVICE_HANDLERS: { [K in DeviceOp]: Handler<K> } = {
  async 'device.quarantine'(_message, connection) {
    connection.requirePermission(mayReadQuarantine, 'Réservé au poste de commandement.');
    const rows = await connection.hub.db.all('SELECT * FROM quarantine ORDER BY last_at DESC LIMIT 1000');
    const devices: QuarantinedDevice[] = rows.map((raw) => {
      const row = QuarantineRow.parse(raw);
      return { devEui: row.dev_eui, firstAt: row.first_at, lastAt: row.last_at, count: row.count, fPort: row.f_port, payloadHex: row.payload_hex, gatewayId: row.gateway_id, rssiDbm: row.rssi_dbm };
    });
    return { devices };
  },

  async 'device.list'(message, connection) {
    const user = connection.requirePermission(mayReadDevices, 'Le registre des appareils est réservé au poste de commandement.');
    const { state, territory } = connection.hub;
    const communeNames = new Map(territory.communes.map((c) => [c.code, c.name]));
    if (message.query.trim()) await prepareSearch(state, communeNames);
    const page = listDevices(state, communeNames, user, message);
    return { total: page.total, offset: message.offset, devices: page.devices };
  },

  async 'device.declare'(message, connection) {
    const user = connection.requirePermission(mayAdminister, 'Réservé aux administrateurs.');
    const actor = user.username;
    const { hub } = connection;
    const declaration = { devEui: message.devEui, model: message.model, assetId: message.assetId, uplinkPeriodS: message.uplinkPeriodS };
    const quarantined = await readQuarantined(hub.db, message.devEui);
    const replayed = await hub.writer.submit((changes) => {
      const problem = registryProblem(declaration, registryView(hub.state, user));
      if (problem) throw new HubError('invalid', `Déclaration refusée : ${describeDeviceProblem(problem)}.`);
      declare(connection, declaration, changes, actor);
      if (!quarantined) return undefined;
      return replayQuarantined(quarantined, hub.state, hub.alarms, changes, (d, o, at, c) => hub.commands.onObservations(d, o, at, c));
    });
    return { device: { devEui: message.devEui, model: message.model }, assetId: message.assetId, ...(replayed ? { replayed } : {}) };
  },

  async 'device.import'(message, connection) {
    const user = connection.requirePermission(mayAdminister, 'Réservé aux administrateurs.');
    const actor = user.username;
    const rows = parseDeviceCsv(message.csv);
    if (rows.length > MAX_IMPORT_ROWS) throw new HubError('invalid', `Import limité à ${MAX_IMPORT_ROWS} appareils par fichier.`);
    const lines = await connection.hub.writer.submit((changes) =>
      rows.map((row) => {
        const problem = row.problem ?? registryProblem(row.declaration!, registryView(connection.hub.state, user));
        const devEui = row.declaration?.devEui;
        if (problem) return { line: row.line, ok: false, ...(devEui ? { devEui } : {}), error: describeDeviceProblem(problem), field: problem.field };
        declare(connection, row.declaration!, changes, actor);
        return { line: row.line, ok: true, devEui: row.declaration!.devEui };
      }),
    );
    return { declared: lines.filter((l) => l.ok).length, lines };
  },

  async 'device.remove'(message, connection) {
    const user = connection.requirePermission(mayAdminister, 'Réservé aux administrateurs.');
    const { hub } = connection;
    return hub.writer.submit((changes) => {
      const device = hub.state.devices.get(message.devEui);
      const commune = device && hub.state.assets.get(device.assetId)?.asset.commune;
      if (!device || (commune !== undefined && !scopeOf(user).sees(commune, device.assetId))) throw new HubError('not-found', `Appareil ${message.devEui} introuvable dans le registre.`);
      retire(connection, device, changes, user.username);
      return { device: { devEui: device.devEui, model: device.model }, assetId: device.assetId };
    });
  },
};
