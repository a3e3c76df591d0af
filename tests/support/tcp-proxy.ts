import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay between the hub and its broker, to cut the network under it: `cut` drops every
 * connection and refuses new ones (a cable pulled, a firewall closing), `restore` listens again
 * on the same port.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<{
  url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  stop(): Promise<void>;
}> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((client) => {
        const upstream = createConnection(target);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => undefined);
        }
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
        client.pipe(upstream).pipe(client);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  const cut = async () => {
    const closing = server ? new Promise<void>((resolve) => server!.close(() => resolve())) : Promise.resolve();
    server = undefined;
    for (const socket of sockets) socket.destroy();
    await closing;
  };
  await listen();
  return { url: `mqtt://127.0.0.1:${port}`, cut, restore: listen, stop: cut };
}
