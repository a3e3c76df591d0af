import { z } from 'zod';
import type { ClientMessage, QuarantinedDevice, ReplyPayload } from '../../../shared/protocol/messages';
import { mayAdminister, mayReadQuarantine } from '../auth/permissions';
import { getCodec } from '../codecs/registry';
import { acceptedCommands } from '../commands/capabilities';
import { scopeOf } from '../auth/scope';
import { HubError } from '../errors';
import type { ChangeSet } from '../store/change-set';
import { deviceWrite } from '../store/rows';
import type { DeviceRecord } from '../state/records';
import type { ConsoleConnection } from './console-connection';

type DeviceOp = 'device.quarantine' | 'device.declare' | 'device.import';
type Handler<K extends DeviceOp> = (message: Extract<ClientMessage, { op: K }>, connection: ConsoleConnection) => Promise<ReplyPayload<K>>;

interface Declaration {
  devEui: string;
  model: string;
  assetId: string;
  uplinkPeriodS: number;
}


/** Why a declaration cannot be applied, in French, or undefined when it can. */
function refusal(connection: ConsoleConnection, d: Declaration): string | undefined {
  if (!getCodec(d.model)) return `modèle inconnu « ${d.model} » (npm run decode -- --list donne les modèles)`;
  const asset = connection.hub.state.assets.get(d.assetId)?.asset;
  // An admin scoped to some communes or sites declares nothing outside them (foreign = unknown).
  if (!asset || !scopeOf(connection.requireUser()).sees(asset.commune, asset.id)) return `équipement « ${d.assetId} » introuvable`;
  if (connection.hub.state.devices.has(d.devEui)) return `l'appareil ${d.devEui} est déjà déclaré`;
  return undefined;
}

/**
 * Declares a device in the writer's batch: the device row, the in-memory registry, the asset's
 * devices and accepted commands (an `asset.updated` event), and out of quarantine.
 */
function declare(connection: ConsoleConnection, d: Declaration, changes: ChangeSet, actor: string): void {
  const { state } = connection.hub;
  const record = state.assets.get(d.assetId)!;
  const device: DeviceRecord = { devEui: d.devEui, model: d.model, assetId: d.assetId, uplinkPeriodS: d.uplinkPeriodS, silent: false };
  state.addDevice(device);
  const accepts = acceptedCommands(record);
  if (accepts.length > 0) record.asset.accepts = accepts;
  changes.write(deviceWrite(device));
  changes.write({ sql: 'DELETE FROM quarantine WHERE dev_eui = ?', params: [d.devEui] });
  changes.asset(record);
  changes.audited({ actor, address: connection.address, action: 'device.declare', target: d.devEui, details: { model: d.model, assetId: d.assetId } });
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

/** `devEui;model;assetId[;uplinkPeriodS]`, comma or semicolon separated; a header line is skipped. */
export function parseDeviceCsv(csv: string): { line: number; declaration?: Declaration; error?: string }[] {
  const rows: { line: number; declaration?: Declaration; error?: string }[] = [];
  csv.split(/\r?\n/).forEach((text, index) => {
    const trimmed = text.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const cells = trimmed.split(/[;,]/).map((c) => c.trim().replace(/^"|"$/g, ''));
    if (index === 0 && /deveui/i.test(cells[0] ?? '')) return;
    const [devEui = '', model = '', assetId = '', period] = cells;
    if (!/^[0-9a-fA-F]{16}$/.test(devEui)) return rows.push({ line: index + 1, error: `DevEUI invalide « ${devEui} » (16 chiffres hexadécimaux)` });
    if (!model || !assetId) return rows.push({ line: index + 1, error: 'colonnes attendues : DevEUI;modèle;équipement[;période en s]' });
    const uplinkPeriodS = period ? Number(period) : 900;
    if (!Number.isInteger(uplinkPeriodS) || uplinkPeriodS < 10) return rows.push({ line: index + 1, error: `période invalide « ${period} »` });
    rows.push({ line: index + 1, declaration: { devEui: devEui.toLowerCase(), model, assetId, uplinkPeriodS } });
  });
  return rows;
}

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

  async 'device.declare'(message, connection) {
    const actor = connection.requirePermission(mayAdminister, 'Réservé aux administrateurs.').username;
    const declaration = { devEui: message.devEui, model: message.model, assetId: message.assetId, uplinkPeriodS: message.uplinkPeriodS };
    await connection.hub.writer.submit((changes) => {
      const why = refusal(connection, declaration);
      if (why) throw new HubError('invalid', `Déclaration refusée : ${why}.`);
      declare(connection, declaration, changes, actor);
    });
    return { device: { devEui: message.devEui, model: message.model }, assetId: message.assetId };
  },

  async 'device.import'(message, connection) {
    const actor = connection.requirePermission(mayAdminister, 'Réservé aux administrateurs.').username;
    const rows = parseDeviceCsv(message.csv);
    if (rows.length > 10_000) throw new HubError('invalid', 'Import limité à 10 000 appareils par fichier.');
    const lines = await connection.hub.writer.submit((changes) =>
      rows.map((row) => {
        if (!row.declaration) return { line: row.line, ok: false, error: row.error! };
        const why = refusal(connection, row.declaration);
        if (why) return { line: row.line, ok: false, devEui: row.declaration.devEui, error: why };
        declare(connection, row.declaration, changes, actor);
        return { line: row.line, ok: true, devEui: row.declaration.devEui };
      }),
    );
    return { declared: lines.filter((l) => l.ok).length, lines };
  },
};
