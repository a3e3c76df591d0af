/**
 * The hub of the stalled-console benchmark in its own process (startTestHub: the real hub, its
 * embedded broker, SQLite on disk), so that its memory and its event loop are its own and the
 * bench can still read what a console's socket holds. `argv[2]`: the hub's env as JSON.
 * IPC: `mark` (the consoles connected now are the known ones), `sample` (the newest console's
 * backlog, or -1 once it is gone; RSS; journal seq), `idle` (writer done), `exit`.
 */
import type { ConsoleConnection } from '../../../electron/hub/api/console-connection';
import { startTestHub } from '../../support/hub';

const test = await startTestHub(JSON.parse(process.argv[2] ?? '{}') as Record<string, string>);
const { context } = test.hub;
let known = new Set<ConsoleConnection>();
let watched: ConsoleConnection | undefined;

process.send?.({ ready: true, url: test.hub.url, brokerUrl: test.hub.brokerUrl });
process.on('message', (message: { ask: string; id: number }) => {
  const answer = (body: object) => process.send?.({ id: message.id, ...body });
  switch (message.ask) {
    case 'mark':
      known = new Set(context.broadcaster.connections);
      return answer({});
    case 'watch':
      watched = [...context.broadcaster.connections].find((c) => !known.has(c));
      return answer({ found: watched !== undefined });
    case 'sample':
      return answer({
        backlogBytes: watched && context.broadcaster.connections.has(watched) ? watched.backlogBytes : -1,
        rssBytes: process.memoryUsage().rss,
        seq: context.journal.lastSeq,
      });
    case 'idle':
      void context.writer.idle().then(() => answer({ seq: context.journal.lastSeq }));
      return;
    case 'exit':
      void test.stop().then(() => process.exit(0));
  }
});
