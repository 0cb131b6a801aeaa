import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP relay that passes each request through to the server and cuts the connection as the
 * response starts to come back: the server has done the work and answered, the client never hears.
 * That is the "response lost on the way" fault a retry with the idempotency key must survive.
 */
export async function startDropProxy(targetPort: number): Promise<{ url: string; dropped(): number; close(): Promise<void> }> {
  let dropped = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.pipe(upstream);
    upstream.once('data', () => {
      dropped++;
      client.destroy();
      upstream.destroy();
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    dropped: () => dropped,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
