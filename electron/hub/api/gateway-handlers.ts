import { GATEWAY_SILENT_CONDITION } from '../../../shared/domain/alarms';
import type { ClientMessage, GatewayInfo, RadioLink, ReplyPayload } from '../../../shared/protocol/messages';
import { mayReadQuarantine } from '../auth/permissions';
import { scopeOf } from '../auth/scope';
import { HubError } from '../errors';
import type { GatewayBook, GatewayLink } from '../gateways/gateway-book';
import type { TerritoryState } from '../state/territory-state';
import type { ConsoleConnection } from './console-connection';

type Handler<K extends 'asset.radio'> = (message: Extract<ClientMessage, { op: K }>, connection: ConsoleConnection) => Promise<ReplyPayload<K>>;

/** A link as the console shows it: best RSSI and SNR of the last receptions, not only the latest. */
function radioLink(link: GatewayLink, gateways: GatewayBook, state: TerritoryState): RadioLink | undefined {
  const gateway = gateways.gateways.get(link.gatewayId);
  const device = state.devices.get(link.devEui);
  if (!gateway || !device) return undefined;
  const rssi = link.recent.flatMap((r) => (r.rssiDbm === undefined ? [] : [r.rssiDbm]));
  const snr = link.recent.flatMap((r) => (r.snrDb === undefined ? [] : [r.snrDb]));
  return {
    devEui: link.devEui,
    assetId: device.assetId,
    gatewayId: gateway.id,
    gatewayAssetId: gateway.assetId,
    gatewayName: state.assets.get(gateway.assetId)?.asset.name ?? gateway.id,
    lastAt: new Date(link.lastAtMs).toISOString(),
    uplinks: link.uplinks,
    ...(rssi.length > 0 ? { bestRssiDbm: Math.max(...rssi) } : {}),
    ...(snr.length > 0 ? { bestSnrDb: Math.max(...snr) } : {}),
    receptions: link.recent.length,
  };
}

export const GATEWAY_HANDLERS: { 'asset.radio': Handler<'asset.radio'> } = {
  async 'asset.radio'(message, connection) {
    const user = connection.requirePermission(mayReadQuarantine, 'Réservé au poste de commandement.');
    const { state, gateways, alarms } = connection.hub;
    const record = state.assets.get(message.assetId);
    if (!record || !scopeOf(user).seesAsset(record.asset)) throw new HubError('not-found', 'Équipement introuvable ou hors de votre périmètre.');
    const gateway = record.asset.kind === 'gateway' ? gateways.byAssetId(record.asset.id) : undefined;
    const links = gateway ? [...gateway.links.values()].sort((a, b) => b.lastAtMs - a.lastAtMs) : record.devices.flatMap((d) => gateways.linksOf(d.devEui));
    const reply: ReplyPayload<'asset.radio'> = {
      links: links.flatMap((l) => radioLink(l, gateways, state) ?? []).slice(0, 500),
    };
    if (gateway) {
      const info: GatewayInfo = {
        gatewayId: gateway.id,
        firstSeenAt: new Date(gateway.firstSeenMs).toISOString(),
        lastSeenAt: new Date(gateway.lastSeenMs).toISOString(),
        uplinks: gateway.uplinks,
        devicesHeard: gateway.links.size,
        locationSource: gateway.locationSource,
        silent: alarms.isActive(record.asset.id, GATEWAY_SILENT_CONDITION),
      };
      reply.gateway = info;
    }
    return reply;
  },
};
