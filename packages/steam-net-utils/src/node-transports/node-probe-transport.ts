/**
 * Node's probes: UDP to every beacon with a UDP echo (the protocol games play over, and
 * PlayFab's), WebSocket to the others. WebSocket is the platform's where Node has one (Node 22
 * and later), else the `ws` package's, loaded on first use; without either, those beacons are
 * unreachable and the backend's debug output says why.
 */
import { type WebSocketConstructor, WebSocketProbeTransport } from '../backends/beacons/index.js';
import {
  type BeaconAddress,
  type ProbeOutcome,
  type ProbeTransport,
} from '../port/probe-transport.js';
import { UdpProbeTransport } from './udp-probe-transport.js';

/** Loads a WebSocket class: the platform's, else the `ws` package's; undefined when neither exists. */
async function loadWebSocket(): Promise<WebSocketConstructor | undefined> {
  const platform = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (platform !== undefined) return platform;
  try {
    // A variable specifier: `ws` is an optional peer dependency, not something bundlers follow.
    const specifier = 'ws';
    const module = (await import(specifier)) as { default?: WebSocketConstructor };
    return module.default;
  } catch {
    return undefined;
  }
}

/** See the file comment. */
export class NodeProbeTransport implements ProbeTransport {
  readonly name = 'udp+websocket';
  readonly #now: () => number;
  readonly #udp: UdpProbeTransport;
  #webSocket: Promise<WebSocketProbeTransport | undefined> | undefined;
  #closed = false;

  /** @param now the real-time clock probes are timed with, ms (default `performance.now()`). */
  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
    this.#udp = new UdpProbeTransport(now);
  }

  canReach(beacon: BeaconAddress): boolean {
    return this.#udp.canReach(beacon) || beacon.ws !== undefined;
  }

  async probe(beacon: BeaconAddress, timeoutMs: number): Promise<ProbeOutcome> {
    if (this.#udp.canReach(beacon)) return this.#udp.probe(beacon, timeoutMs);
    if (beacon.ws === undefined) return { ok: false, reason: 'no-endpoint' };
    const webSocket = await (this.#webSocket ??= loadWebSocket().then((WebSocketClass) =>
      WebSocketClass === undefined || this.#closed
        ? undefined
        : new WebSocketProbeTransport(WebSocketClass, this.#now),
    ));
    if (webSocket === undefined) return { ok: false, reason: 'unreachable' };
    return webSocket.probe(beacon, timeoutMs);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#udp.close();
    void this.#webSocket?.then((webSocket) => webSocket?.close());
  }
}
