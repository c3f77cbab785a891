/**
 * The WebSocket echo at /ping, for browsers (which cannot send UDP): every message of at most
 * MAX_ECHO_BYTES is sent back as it came, same type (text or binary), within its source's rate
 * limit and through the emulated link when there is one.
 *
 * Bounds, each a promise to the operator:
 * - a frame larger than MAX_ECHO_BYTES closes its connection (1009, by `ws`'s `maxPayload`);
 * - at most `maxConnections` connections, and `maxConnectionsPerSource` per source (an IPv4
 *   address or an IPv6 /64); an upgrade over either is answered 503;
 * - a connection that sends nothing for `idleTimeoutMs` is closed (1000, "idle");
 * - an answer to a connection that does not read (more than `maxBufferedBytes` waiting in its send
 *   buffer) is dropped, so a slow reader cannot make the beacon buffer without end.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { clearTimeout, setTimeout } from 'node:timers';

import { WebSocket, WebSocketServer, type RawData } from 'ws';

import { refuseUpgrade } from '../http/upgrade-refusal.js';
import { sourceKey } from '../net/source-key.js';
import type { BeaconClock } from '../time/clock.js';
import { MAX_ECHO_BYTES } from './echo-datagram.js';
import type { EmulatedLink } from './link-emulation.js';
import type { SourceRateLimiter } from './source-rate-limiter.js';

/** The close code and reason of a connection closed for silence. */
export const IDLE_CLOSE = { code: 1000, reason: 'idle' } as const;

/** The close code and reason of the connections open when the beacon shuts down. */
export const SHUTDOWN_CLOSE = { code: 1001, reason: 'shutting down' } as const;

/** The counts in /health (`ws`). */
export interface WsEchoCounts {
  /** Connections open now. */
  readonly connections: number;
  /** Messages received. */
  readonly received: number;
  /** Answers sent. */
  readonly answered: number;
  /** Messages over their source's rate limit. */
  readonly rate_limited: number;
  /** Answers not sent: the connection was not reading, or the link emulation lost them. */
  readonly dropped: number;
  /** Upgrades refused because a connection cap was reached. */
  readonly refused: number;
}

export interface WsEchoServerOptions {
  readonly maxConnections: number;
  readonly maxConnectionsPerSource: number;
  readonly idleTimeoutMs: number;
  readonly maxBufferedBytes: number;
  readonly limiter: SourceRateLimiter;
  readonly link: EmulatedLink;
  readonly clock: BeaconClock;
}

export class WsEchoServer {
  readonly #options: WsEchoServerOptions;
  readonly #server = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_ECHO_BYTES,
    perMessageDeflate: false,
    clientTracking: false,
  });
  readonly #open = new Set<WebSocket>();
  /** Open connections per source key; a key is deleted when its count drops to 0. */
  readonly #perSource = new Map<string, number>();
  readonly #counts = { received: 0, answered: 0, rate_limited: 0, dropped: 0, refused: 0 };
  #closed: Promise<void> | undefined;

  constructor(options: WsEchoServerOptions) {
    this.#options = options;
  }

  get counts(): WsEchoCounts {
    return { connections: this.#open.size, ...this.#counts };
  }

  /**
   * Takes an upgrade request for /ping: completes the handshake, or answers 503 when a connection
   * cap is reached or the beacon is shutting down. `ws` completes a handshake synchronously (no
   * `verifyClient`), so the counts checked here are the counts the new connection joins.
   */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const source = sourceKey(request.socket.remoteAddress ?? '');
    const refusal = this.#refusalOf(source);
    if (refusal !== undefined) {
      this.#counts.refused += 1;
      refuseUpgrade(socket, 503, refusal);
      return;
    }
    this.#server.handleUpgrade(request, socket, head, (ws) => this.#accept(ws, source));
  }

  /**
   * Refuses new connections, closes the open ones (1001) and resolves when all are closed; a
   * connection that has not finished its closing handshake after `graceMs` is cut. Idempotent.
   */
  close(graceMs: number): Promise<void> {
    this.#closed ??= this.#closeAll(graceMs);
    return this.#closed;
  }

  #refusalOf(source: string): string | undefined {
    if (this.#closed !== undefined) return 'The beacon is shutting down.';
    if (this.#open.size >= this.#options.maxConnections) {
      return `The beacon has its maximum of ${this.#options.maxConnections} WebSocket connections; try again later.`;
    }
    if ((this.#perSource.get(source) ?? 0) >= this.#options.maxConnectionsPerSource) {
      return `Your address has its maximum of ${this.#options.maxConnectionsPerSource} WebSocket connections to this beacon.`;
    }
    return undefined;
  }

  #accept(ws: WebSocket, source: string): void {
    this.#open.add(ws);
    this.#perSource.set(source, (this.#perSource.get(source) ?? 0) + 1);
    const idle = this.#options.clock.setTimer(this.#options.idleTimeoutMs, () =>
      ws.close(IDLE_CLOSE.code, IDLE_CLOSE.reason),
    );
    ws.on('message', (data, isBinary) => {
      idle.refresh();
      this.#onMessage(ws, source, data, isBinary);
    });
    // `ws` reports a protocol error (an oversized frame, bad UTF-8 in a text frame) as 'error' and
    // then closes the connection with the matching code; 'close' does the bookkeeping.
    ws.on('error', () => undefined);
    ws.once('close', () => {
      idle.cancel();
      this.#open.delete(ws);
      const remaining = (this.#perSource.get(source) ?? 1) - 1;
      if (remaining === 0) this.#perSource.delete(source);
      else this.#perSource.set(source, remaining);
    });
  }

  #onMessage(ws: WebSocket, source: string, data: RawData, isBinary: boolean): void {
    this.#counts.received += 1;
    if (!this.#options.limiter.allow(source)) {
      this.#counts.rate_limited += 1;
      return;
    }
    if (ws.bufferedAmount > this.#options.maxBufferedBytes) {
      this.#counts.dropped += 1;
      return;
    }
    // The socket's binaryType is the default 'nodebuffer': every message arrives as one Buffer.
    const payload = data as Buffer;
    const delivery = this.#options.link.deliver(() => {
      if (ws.readyState !== WebSocket.OPEN) return;
      this.#counts.answered += 1;
      ws.send(payload, { binary: isBinary });
    }, source);
    if (delivery === 'lost' || delivery === 'refused') this.#counts.dropped += 1;
  }

  async #closeAll(graceMs: number): Promise<void> {
    const closing = [...this.#open].map(
      (ws) => new Promise<void>((resolve) => ws.once('close', () => resolve())),
    );
    for (const ws of this.#open) ws.close(SHUTDOWN_CLOSE.code, SHUTDOWN_CLOSE.reason);
    // A real-time bound on the peers' closing handshakes, not the beacon's clock: it bounds I/O.
    const cutOff = setTimeout(() => {
      for (const ws of this.#open) ws.terminate();
    }, graceMs);
    await Promise.all(closing);
    clearTimeout(cutOff);
    this.#server.close();
  }
}
