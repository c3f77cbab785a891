/**
 * Probes over WebSocket: what browsers can send (they have no UDP). One connection per beacon,
 * opened on the first probe and kept while the beacon keeps it; a closed one is opened again by
 * the next probe. The first echo over a new connection is discarded (it pays for TCP's and TLS's
 * warm-up, not for the route), so every measured round trip is of a connection already open.
 */
import {
  type BeaconAddress,
  encodeProbe,
  type ProbeOutcome,
  type ProbeTransport,
  probeNonce,
  sequenceOfReply,
} from '../../port/probe-transport.js';

/** The part of the WHATWG `WebSocket` this transport uses (browsers', Node 22's, the `ws` package's). */
export interface WebSocketLike {
  binaryType: string;
  readonly readyState: number;
  /** Sends a binary message. */
  send(data: Uint8Array): void;
  /** Closes the socket (with a close code). */
  close(code?: number): void;
  /** Listens for the socket opening, closing or failing. */
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  /**
   * `rttMs`, when a message event has it, is the round trip of the probe it echoes as the socket
   * measured it (the timing worker's sockets do, off the main thread); else the transport times it.
   */
  addEventListener(
    type: 'message',
    listener: (event: { data: unknown; rttMs?: number }) => void,
  ): void;
}

/** A constructor of {@link WebSocketLike}s. */
export type WebSocketConstructor = new (url: string) => WebSocketLike;

const OPEN = 1;

interface Pending {
  readonly sentAt: number;
  readonly settle: (outcome: ProbeOutcome) => void;
}

/** One beacon's connection and the probes in flight over it. */
class ProbeConnection {
  readonly socket: WebSocketLike;
  readonly opened: Promise<boolean>;
  readonly pending = new Map<number, Pending>();
  /** False until the warm-up echo has come back. */
  warm = false;
  closed = false;

  constructor(
    url: string,
    WebSocketClass: WebSocketConstructor,
    nonce: number,
    now: () => number,
    onClose: () => void,
  ) {
    this.socket = new WebSocketClass(url);
    this.socket.binaryType = 'arraybuffer';
    this.opened = new Promise((resolve) => {
      this.socket.addEventListener('open', () => resolve(true));
      const close = (): void => {
        resolve(false);
        if (this.closed) return;
        this.closed = true;
        onClose();
        for (const { settle } of this.pending.values())
          settle({ ok: false, reason: 'unreachable' });
        this.pending.clear();
      };
      this.socket.addEventListener('close', close);
      this.socket.addEventListener('error', close);
    });
    this.socket.addEventListener('message', ({ data, rttMs }) => {
      const receivedAt = now();
      if (!(data instanceof ArrayBuffer)) return;
      const sequence = sequenceOfReply(new Uint8Array(data), nonce, true);
      if (sequence === undefined) return;
      const pending = this.pending.get(sequence);
      if (pending === undefined) return;
      this.pending.delete(sequence);
      pending.settle({ ok: true, rttMs: rttMs ?? receivedAt - pending.sentAt });
    });
  }
}

/** See the file comment. */
export class WebSocketProbeTransport implements ProbeTransport {
  readonly name = 'websocket';
  readonly #WebSocketClass: WebSocketConstructor;
  readonly #now: () => number;
  readonly #nonce = probeNonce();
  readonly #connections = new Map<string, ProbeConnection>();
  #sequence = 0;
  #closed = false;

  /**
   * @param WebSocketClass the platform's `WebSocket` (or the `ws` package's).
   * @param now the real-time clock probes are timed with, ms (default `performance.now()`).
   */
  constructor(WebSocketClass: WebSocketConstructor, now: () => number = () => performance.now()) {
    this.#WebSocketClass = WebSocketClass;
    this.#now = now;
  }

  canReach(beacon: BeaconAddress): boolean {
    return beacon.ws !== undefined;
  }

  async probe(beacon: BeaconAddress, timeoutMs: number): Promise<ProbeOutcome> {
    const url = beacon.ws;
    if (url === undefined) return { ok: false, reason: 'no-endpoint' };
    if (this.#closed) return { ok: false, reason: 'unreachable' };
    const deadline = this.#now() + timeoutMs;
    const connection = this.#connectionTo(url);
    if (connection === undefined) return { ok: false, reason: 'unreachable' };
    const open = await withDeadline(connection.opened, deadline - this.#now(), false);
    if (!open || connection.closed) {
      // Closed before it opened: refused or failed. Still connecting at the deadline: too slow.
      if (connection.closed) return { ok: false, reason: 'unreachable' };
      this.#drop(url, connection);
      return { ok: false, reason: 'timeout' };
    }
    if (!connection.warm) {
      const warmUp = await this.#echo(connection, deadline - this.#now());
      if (!warmUp.ok) return warmUp;
      connection.warm = true;
    }
    return this.#echo(connection, deadline - this.#now());
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const [url, connection] of this.#connections) this.#drop(url, connection);
  }

  #connectionTo(url: string): ProbeConnection | undefined {
    const known = this.#connections.get(url);
    if (known !== undefined && !known.closed) return known;
    try {
      const connection = new ProbeConnection(
        url,
        this.#WebSocketClass,
        this.#nonce,
        this.#now,
        () => {
          if (this.#connections.get(url) === connection) this.#connections.delete(url);
        },
      );
      this.#connections.set(url, connection);
      return connection;
    } catch {
      // The constructor throws synchronously for a URL it refuses (a blocked port, mixed content).
      return undefined;
    }
  }

  #drop(url: string, connection: ProbeConnection): void {
    this.#connections.delete(url);
    try {
      connection.socket.close(1000);
    } catch {
      // Closing a socket that never opened may throw in some implementations; it is gone either way.
    }
  }

  #echo(connection: ProbeConnection, timeoutMs: number): Promise<ProbeOutcome> {
    if (timeoutMs <= 0 || connection.socket.readyState !== OPEN) {
      return Promise.resolve({ ok: false, reason: timeoutMs <= 0 ? 'timeout' : 'unreachable' });
    }
    const sequence = (this.#sequence = (this.#sequence + 1) >>> 0);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        connection.pending.delete(sequence);
        resolve({ ok: false, reason: 'timeout' });
      }, timeoutMs);
      const settle = (outcome: ProbeOutcome): void => {
        clearTimeout(timer);
        resolve(outcome);
      };
      connection.pending.set(sequence, { sentAt: this.#now(), settle });
      try {
        connection.socket.send(encodeProbe(sequence, this.#nonce));
      } catch {
        connection.pending.delete(sequence);
        settle({ ok: false, reason: 'unreachable' });
      }
    });
  }
}

/** `promise`'s value, or `fallback` when it has not settled within `ms`. */
function withDeadline<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  if (ms <= 0) return Promise.resolve(fallback);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    void promise.then((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}
