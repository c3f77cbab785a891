/**
 * The sockets that probe peers: one per address family, opened on first use, bound to the
 * beacon's own address when it listens on one address of that family (so probes leave from the
 * address peers know), or to every address otherwise. Answers are read here and passed on with the
 * time they arrived; everything else that reaches these sockets is ignored.
 */
import { createSocket, type Socket } from 'node:dgram';
import { isIP } from 'node:net';

import { isWildcardHost, udpSocketType } from '../net/address.js';
import { readProbeAnswer } from './probe-packet.js';

/** A peer's UDP echo, its host resolved to an IP address. */
export interface ProbeTarget {
  readonly address: string;
  readonly port: number;
}

/** Receives each probe answer: its nonce and sequence, and when it arrived. */
export type ProbeAnswerHandler = (nonce: number, sequence: number, receivedAt: number) => void;

export class UdpProber {
  readonly #listenHost: string;
  readonly #onAnswer: ProbeAnswerHandler;
  readonly #now: () => number;
  readonly #onSocketError: (error: Error) => void;
  readonly #sockets = new Map<'udp4' | 'udp6', Socket>();
  #closed = false;

  /**
   * @param listenHost the beacon's listening address.
   * @param onAnswer called for each answer.
   * @param now the clock that times the answers (the one that timed the probes).
   * @param onSocketError told of a socket's failure (the probes of that family are lost).
   */
  constructor(
    listenHost: string,
    onAnswer: ProbeAnswerHandler,
    now: () => number,
    onSocketError: (error: Error) => void,
  ) {
    this.#listenHost = listenHost;
    this.#onAnswer = onAnswer;
    this.#now = now;
    this.#onSocketError = onSocketError;
  }

  /** Sends `packet` to `target`. A failed send is a lost probe, as on the network. */
  send(target: ProbeTarget, packet: Buffer): void {
    if (this.#closed) return;
    this.#socketFor(udpSocketType(target.address)).send(
      packet,
      target.port,
      target.address,
      () => undefined,
    );
  }

  /** Closes the sockets; later sends do nothing. Idempotent. */
  async close(): Promise<void> {
    this.#closed = true;
    const sockets = [...this.#sockets.values()];
    this.#sockets.clear();
    await Promise.all(
      sockets.map(
        (socket) =>
          new Promise<void>((resolve) => {
            try {
              socket.close(() => resolve());
            } catch {
              // Closed already (a failed bind): nothing to wait for.
              resolve();
            }
          }),
      ),
    );
  }

  #socketFor(type: 'udp4' | 'udp6'): Socket {
    const known = this.#sockets.get(type);
    if (known !== undefined) return known;
    const socket = createSocket({ type });
    const ownFamily = isIP(this.#listenHost) === (type === 'udp6' ? 6 : 4);
    const bindHost =
      ownFamily && !isWildcardHost(this.#listenHost)
        ? this.#listenHost
        : type === 'udp6'
          ? '::'
          : '0.0.0.0';
    socket.on('message', (datagram) => {
      const answer = readProbeAnswer(datagram);
      if (answer !== undefined) this.#onAnswer(answer.nonce, answer.sequence, this.#now());
    });
    socket.on('error', (error) => this.#onSocketError(error));
    // Sends made before the bind completes wait for it (Node queues them).
    socket.bind(0, bindHost);
    this.#sockets.set(type, socket);
    return socket;
  }
}
