/**
 * A UDP proxy that adds a delay each way, for a client that must see a beacon from another place
 * than the other clients do: the client probes the proxy, which forwards to the beacon from a
 * socket of its own and sends the answers back. Delay in user space (the kernel here has no netem).
 */
import { createSocket, type RemoteInfo } from 'node:dgram';
import { type AddressInfo } from 'node:net';

export interface UdpDelayProxy {
  /** `127.0.0.1:<port>`: where the client sends its probes. */
  readonly address: string;
  close(): Promise<void>;
}

/** Proxies to `target` (`host:port`), adding `oneWayMs` each way (so 2 × `oneWayMs` to a round trip). */
export async function startUdpDelayProxy(target: string, oneWayMs: number): Promise<UdpDelayProxy> {
  const [host, port] = [
    target.slice(0, target.lastIndexOf(':')),
    Number(target.slice(target.lastIndexOf(':') + 1)),
  ];
  const front = createSocket('udp4');
  const back = createSocket('udp4');
  const timers = new Set<NodeJS.Timeout>();
  const later = (send: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      send();
    }, oneWayMs);
    timers.add(timer);
  };
  let client: RemoteInfo | undefined;
  front.on('message', (message, source) => {
    client = source;
    later(() => back.send(message, port, host));
  });
  back.on('message', (message) => {
    const to = client;
    if (to !== undefined) later(() => front.send(message, to.port, to.address));
  });
  await Promise.all([
    new Promise<void>((resolve) => front.bind(0, '127.0.0.1', resolve)),
    new Promise<void>((resolve) => back.bind(0, '127.0.0.1', resolve)),
  ]);
  return {
    address: `127.0.0.1:${(front.address() as AddressInfo).port}`,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      await Promise.all([
        new Promise<void>((resolve) => front.close(() => resolve())),
        new Promise<void>((resolve) => back.close(() => resolve())),
      ]);
    },
  };
}
