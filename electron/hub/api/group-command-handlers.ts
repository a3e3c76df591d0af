import { isProgrammeRequest } from '../../../shared/domain/commands';
import type { ClientMessage, GroupCommandOutcome, ReplyPayload } from '../../../shared/protocol/messages';
import { checkCommandBounds, mayCommand } from '../auth/permissions';
import { scopeOf } from '../auth/scope';
import type { GroupOutcome } from '../commands/dispatcher';
import { HubError } from '../errors';
import type { ChangeSet } from '../store/change-set';
import type { ConsoleConnection } from './console-connection';

type GroupOp = 'command.send-group';
type Handler<K extends GroupOp> = (message: Extract<ClientMessage, { op: K }>, connection: ConsoleConnection) => Promise<ReplyPayload<K>>;

const NOT_FOUND = 'Équipement introuvable ou hors de votre périmètre.';

/**
 * Group commands (a lasso or a filtered selection on the map): each asset is checked exactly like
 * `command.send` (scope, grant, bounds, does the asset take it), the accepted ones are journaled in
 * one batch with one audit entry for the group, and the reply says per asset what became of it.
 */
export const GROUP_COMMAND_HANDLERS: { [K in GroupOp]: Handler<K> } = {
  async 'command.send-group'(message, connection) {
    const user = connection.requireUser();
    const { hub } = connection;
    const { command } = message;
    const assetIds = [...new Set(message.assetIds)];
    const actor = { actor: user.username, address: connection.address };
    // The refusal does not depend on the ids, so it tells nothing about what exists.
    if (!mayCommand(user, command.type)) {
      await hub.writer.submit((changes) =>
        changes.audited({ ...actor, action: 'command.forbidden', details: { ...command, group: assetIds.length, refusal: 'forbidden' } }),
      );
      throw new HubError('forbidden', 'Votre compte ne permet pas d’envoyer cette commande. Adressez-vous à un administrateur.');
    }
    const refused = new Map<string, HubError>();
    const accepted: string[] = [];
    const scope = scopeOf(user);
    for (const assetId of assetIds) {
      const record = hub.state.assets.get(assetId);
      if (!record || !scope.seesAsset(record.asset)) {
        refused.set(assetId, new HubError('not-found', NOT_FOUND));
        continue;
      }
      try {
        checkCommandBounds(user, record, command);
        accepted.push(assetId);
      } catch (error) {
        if (!(error instanceof HubError)) throw error;
        refused.set(assetId, error);
      }
    }
    const auditGroup = (changes: ChangeSet, outcomes: readonly GroupOutcome[]) => {
      const sent = outcomes.filter((o) => o.command);
      const notSent = [...refused.entries(), ...outcomes.flatMap((o) => (o.error ? [[o.assetId, o.error] as const] : []))];
      changes.audited({
        ...actor,
        action: 'command.send-group',
        details: {
          ...command,
          requested: assetIds.length,
          count: sent.length,
          assetIds: sent.map((o) => o.assetId),
          // Unknown and foreign ids only as a number: the audit trail keeps what was asked, not a map of other communes.
          notFound: notSent.filter(([, error]) => error.code === 'not-found').length,
          refused: notSent.filter(([, error]) => error.code !== 'not-found').map(([assetId, error]) => ({ assetId, code: error.code })),
        },
      });
    };
    const requestedBy = { username: user.username, address: connection.address };
    const outcomes =
      accepted.length === 0
        ? await hub.writer.submit((changes) => (auditGroup(changes, []), []))
        : isProgrammeRequest(command)
          ? await hub.programmes.setMany(accepted, command, requestedBy, auditGroup)
          : await hub.commands.sendMany(accepted, command, requestedBy, auditGroup);
    const byAsset = new Map(outcomes.map((o) => [o.assetId, o]));
    const replies = assetIds.map((assetId): GroupCommandOutcome => {
      const outcome = byAsset.get(assetId);
      if (outcome?.command) return { assetId, commandId: outcome.command.id };
      const error = refused.get(assetId) ?? outcome?.error ?? new HubError('not-found', NOT_FOUND);
      return { assetId, error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
    });
    return { sent: outcomes.filter((o) => o.command).length, outcomes: replies };
  },
};
