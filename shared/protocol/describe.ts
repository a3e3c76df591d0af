import { z } from 'zod';
import { Alarm } from '../domain/alarms';
import { Asset } from '../domain/assets';
import { Command } from '../domain/commands';
import { ERRORS } from './errors';
import {
  ClientMessage,
  ErrorMessage,
  ErrorReply,
  EventsMessage,
  HealthResponse,
  JournalEvent,
  PROTOCOL_VERSION,
  ReplyPayloads,
  SnapshotMessage,
} from './messages';
import { SNAPSHOT_FRAME_LAYOUT, SNAPSHOT_FRAME_VERSION, SnapshotHead } from './snapshot-frame';

function schemaBlock(schema: z.ZodType): string {
  return '```json\n' + JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any' }), null, 2) + '\n```\n';
}

/**
 * The protocol reference (`shared/protocol/PROTOCOL.md`), written from the zod schemas themselves
 * so that it cannot drift from what the hub and the console enforce.
 */
export function describeProtocol(): string {
  const parts: string[] = [
    '# Beffroi hub protocol\n',
    `Generated from the zod schemas in \`shared/protocol/\` by \`npm run protocol\`; do not edit by hand.\n`,
    `Protocol version ${PROTOCOL_VERSION}, implementing \`hub-contract.md\` (version 1 of the hub's public contract).\n`,
    'WebSocket at `GET /ws`, JSON text frames, one message per frame. Every client message carries `op` and a client-chosen `id`; ' +
      'the hub answers each with `{"op":"reply","id":…,"ok":true,…}` or `{"op":"reply","id":…,"ok":false,"error":{code,message}}`.\n',
    '## Client → hub\n',
  ];
  for (const option of ClientMessage.options) {
    const op = option.shape.op.value;
    parts.push(`### \`${op}\`\n`, schemaBlock(option), `Reply payload (besides \`op\`, \`id\`, \`ok\`):\n`, schemaBlock(ReplyPayloads[op]));
  }
  parts.push('## Hub → client\n');
  for (const [name, schema] of [
    ['snapshot', SnapshotMessage],
    ['events', EventsMessage],
    ['error reply', ErrorReply],
    ['error (no usable id)', ErrorMessage],
  ] as const) {
    parts.push(`### ${name}\n`, schemaBlock(schema));
  }
  parts.push(
    '### snapshot, binary frame (`subscribe {"snapshot":"columns"}`)\n',
    `The one binary frame the hub sends (the hub refuses binary frames from clients). Layout version ${SNAPSHOT_FRAME_VERSION}:\n`,
    SNAPSHOT_FRAME_LAYOUT,
    'The head (the snapshot without `assets`), as JSON:\n',
    schemaBlock(SnapshotHead),
  );
  parts.push('## Domain records\n');
  for (const [name, schema] of [
    ['Asset', Asset],
    ['Alarm', Alarm],
    ['Command', Command],
    ['Journal event', JournalEvent],
  ] as const) {
    parts.push(`### ${name}\n`, schemaBlock(schema));
  }
  parts.push('## Error codes\n', '| code | message (fr) | message (en) |\n|---|---|---|\n');
  for (const [code, text] of Object.entries(ERRORS)) parts.push(`| \`${code}\` | ${text.fr} | ${text.en} |\n`);
  parts.push('\n## `GET /api/health`\n', schemaBlock(HealthResponse));
  return parts.join('\n');
}
