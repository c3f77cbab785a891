/**
 * TCP ports that were free a moment ago, chosen by the system (port 0), for the few tests that
 * must know a beacon's URL before it starts: beacons that list each other as peers.
 */
import { createServer, type Server } from 'node:net';

export async function freeTcpPorts(count: number, host = '127.0.0.1'): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Server>((resolve) => {
          const server = createServer();
          server.listen(0, host, () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as { port: number }).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}
