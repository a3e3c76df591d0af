import type { ClientMessage, ReplyPayload } from '../../../shared/protocol/messages';
import { mayAdminister } from '../auth/permissions';
import { scopeOf } from '../auth/scope';
import { acceptedCommands } from '../commands/capabilities';
import { setpointBounds } from '../commands/validate';
import { HubError } from '../errors';
import { formatNumberFr } from '../rules/format';
import type { ConsoleConnection } from './console-connection';

/** What any thermostat we drive regulates to; a building's bounds sit inside it. */
const THERMOSTAT_RANGE_C = { min: 5, max: 30 } as const;
/** Narrower than this, a building could hardly be heated or let cool at all. */
const MIN_SPAN_C = 1;

type Message = Extract<ClientMessage, { op: 'asset.setpoint-bounds' }>;

/**
 * An admin sets a building's own setpoint bounds (16–22 °C by default): every setpoint, override
 * and programme for it is checked against them, then narrowed by each user's grants. Audited with
 * before and after; consoles see the new bounds with the asset.
 */
export async function setSetpointBounds(message: Message, connection: ConsoleConnection): Promise<ReplyPayload<'asset.setpoint-bounds'>> {
  const user = connection.requireUser();
  const { hub } = connection;
  const record = hub.state.assets.get(message.assetId);
  if (!record || !scopeOf(user).seesAsset(record.asset)) throw new HubError('not-found', 'Équipement introuvable ou hors de votre périmètre.');
  if (!mayAdminister(user)) throw new HubError('forbidden', 'Réservé aux administrateurs.');
  if (!record.asset.accepts?.some((accepted) => accepted.type === 'heating.setpoint')) {
    throw new HubError('command.unsupported', `« ${record.asset.name} » n’a pas de thermostat qui prenne une consigne.`);
  }
  const { minC, maxC } = message;
  if (minC < THERMOSTAT_RANGE_C.min || maxC > THERMOSTAT_RANGE_C.max || maxC - minC < MIN_SPAN_C) {
    throw new HubError(
      'invalid',
      `Limites refusées : entre ${THERMOSTAT_RANGE_C.min} et ${THERMOSTAT_RANGE_C.max} °C, le maximum au moins ${MIN_SPAN_C} °C au-dessus du minimum ` +
        `(demandé : ${formatNumberFr(minC)} à ${formatNumberFr(maxC)} °C).`,
    );
  }
  const before = setpointBounds(record);
  await hub.writer.submit((changes) => {
    record.settings = { ...record.settings, setpointMinC: minC, setpointMaxC: maxC };
    record.asset.accepts = acceptedCommands(record);
    changes.asset(record);
    changes.audited({
      actor: user.username,
      address: connection.address,
      action: 'asset.setpoint-bounds',
      target: record.asset.id,
      details: { before: { minC: before.min, maxC: before.max }, after: { minC, maxC } },
    });
  });
  return { minC, maxC };
}
