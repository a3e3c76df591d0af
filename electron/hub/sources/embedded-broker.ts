import { type Server, type Socket, createServer } from 'node:net';
import { Aedes } from 'aedes';

export interface EmbeddedBroker {
  /** `mqtt://127.0.0.1:<port>`, for the hub's source and the simulator. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * An in-process MQTT 3.1.1 broker (aedes, in-memory persistence) on 127.0.0.1, for the embedded
 * default: the simulator publishes network-server events to it and the hub's MQTT source reads
 * them, exactly as with a real broker. `port` 0 or absent picks a free port.
 */
export async function startEmbeddedBroker(options: { port?: number } = {}): Promise<EmbeddedBroker> {
  const aedes = await Aedes.createBroker();
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    aedes.handle(socket);
  });
  try {
    await listen(server, options.port ?? 0);
  } catch (error) {
    await closeAedes(aedes);
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `mqtt://127.0.0.1:${port}`,
    port,
    async stop() {
      await closeAedes(aedes);
      // Clients that never completed CONNECT are not aedes's yet: close their sockets too.
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeAedes(aedes: Aedes): Promise<void> {
  return new Promise((resolve) => aedes.close(() => resolve()));
}
