/**
 * A beacon for the backend's specs: a UDP echo (PlayFab's format) and a WebSocket echo on
 * 127.0.0.1, with a region's delay, jitter and loss emulated in user space (the kernel here has no
 * netem), and a switch that takes it down and brings it back. The beacon server itself is
 * `@relaylane/beacon`; this stands in for "that beacon, seen from one player's place".
 */
import { createSocket } from 'node:dgram';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { WebSocketServer } from 'ws';

export interface EmulatedBeaconOptions {
  /** The round trip this region adds, ms. */
  readonly delayMs: number;
  /** Up to this many ms more, uniformly, per echo. */
  readonly jitterMs?: number;
  /** The chance an echo is lost, 0 to 1. */
  readonly loss?: number;
  /** Uniform in [0, 1) (default Math.random). */
  readonly random?: () => number;
}

export interface EmulatedBeacon {
  /** `127.0.0.1:port` of the UDP echo. */
  readonly udp: string;
  /** `ws://127.0.0.1:port/ping`. */
  readonly ws: string;
  /** Stops answering (true) or answers again (false). */
  setDown(down: boolean): void;
  /** Changes the emulated delay from now on. */
  setDelay(delayMs: number): void;
  /** How many echoes it has sent. */
  readonly answered: number;
  close(): Promise<void>;
}

/** Starts an emulated beacon on ephemeral ports of 127.0.0.1. */
export async function startEmulatedBeacon(options: EmulatedBeaconOptions): Promise<EmulatedBeacon> {
  const random = options.random ?? Math.random;
  let delayMs = options.delayMs;
  let down = false;
  let answered = 0;
  const timers = new Set<NodeJS.Timeout>();
  /** Calls `answer` after the emulated delay, unless the echo is lost or the beacon is down. */
  const later = (answer: () => void): void => {
    if (down || random() < (options.loss ?? 0)) return;
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        if (down) return;
        answered++;
        answer();
      },
      delayMs + random() * (options.jitterMs ?? 0),
    );
    timers.add(timer);
  };
  const echoOf = (request: Uint8Array): Uint8Array | undefined => {
    if (request.byteLength < 2 || request[0] !== 0xff || request[1] !== 0xff) return undefined;
    const reply = Uint8Array.from(request);
    reply[0] = 0;
    reply[1] = 0;
    return reply;
  };

  const udp = createSocket('udp4');
  udp.on('message', (message, source) => {
    const reply = echoOf(message);
    if (reply !== undefined) later(() => udp.send(reply, source.port, source.address));
  });
  await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));

  const http: Server = createServer((_request, response) => response.writeHead(404).end());
  const webSockets = new WebSocketServer({ server: http, path: '/ping', maxPayload: 512 });
  webSockets.on('connection', (socket) => {
    // The WebSocket echo sends every message back as it came, as the beacon's does.
    socket.on('message', (data: Buffer, isBinary) => {
      later(() => socket.send(data, { binary: isBinary }));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));

  return {
    udp: `127.0.0.1:${(udp.address() as AddressInfo).port}`,
    ws: `ws://127.0.0.1:${(http.address() as AddressInfo).port}/ping`,
    setDown: (value) => {
      down = value;
    },
    setDelay: (value) => {
      delayMs = value;
    },
    get answered() {
      return answered;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      udp.close();
      for (const client of webSockets.clients) client.terminate();
      await new Promise<void>((resolve) => webSockets.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
