/**
 * The UDP echo port (echo-datagram.ts has the format): every well-formed request within its
 * source's rate limit is answered to its source, through the emulated link when there is one;
 * everything else is dropped without a word and counted.
 */
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';

import { listenError } from '../errors.js';
import { formatHostPort, udpSocketType } from '../net/address.js';
import { sourceKey } from '../net/source-key.js';
import { answerInPlace, isEchoRequest } from './echo-datagram.js';
import type { EmulatedLink } from './link-emulation.js';
import type { SourceRateLimiter } from './source-rate-limiter.js';

/** The counts in /health (`udp`). Every datagram received is counted once in one of the others. */
export interface UdpEchoCounts {
  /** Datagrams received. */
  readonly received: number;
  /** Answers sent. */
  readonly answered: number;
  /** Datagrams that are not requests (wrong length or prefix). */
  readonly dropped: number;
  /** Requests over their source's rate limit. */
  readonly rate_limited: number;
  /** Answers the link emulation lost or could not hold (always 0 without emulation). */
  readonly emulated_loss: number;
}

export interface UdpEchoServerOptions {
  /** The address to bind: its family decides the socket's. */
  readonly host: string;
  readonly limiter: SourceRateLimiter;
  readonly link: EmulatedLink;
}

export class UdpEchoServer {
  readonly #socket: Socket;
  readonly #limiter: SourceRateLimiter;
  readonly #link: EmulatedLink;
  readonly #counts = { received: 0, answered: 0, dropped: 0, rate_limited: 0, emulated_loss: 0 };
  #closed: Promise<void> | undefined;

  /** Sets the socket up; it answers once {@link listen} resolves. */
  constructor(options: UdpEchoServerOptions) {
    this.#socket = createSocket({ type: udpSocketType(options.host) });
    this.#limiter = options.limiter;
    this.#link = options.link;
    this.#socket.on('message', (datagram, source) => this.#onDatagram(datagram, source));
  }

  /**
   * Binds `host` and `port` (0: one of the system's choice). Rejects with a `BeaconStartError`
   * when the port is taken or the host is not local.
   */
  async listen(host: string, port: number): Promise<void> {
    const socket = this.#socket;
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(port, host, () => {
        socket.off('error', reject);
        resolve();
      });
    }).catch((error: unknown) => {
      throw listenError(error, `UDP port ${port} on ${host}`, '--udp-port');
    });
    // After the bind, an error on an unconnected UDP socket is a failed send to one source, which
    // the send callback already ignores; it must not crash the beacon.
    socket.on('error', () => undefined);
  }

  /** The port bound. */
  get port(): number {
    return this.#socket.address().port;
  }

  /** `host:port` as bound. */
  get address(): string {
    const { address, port } = this.#socket.address();
    return formatHostPort(address, port);
  }

  get counts(): UdpEchoCounts {
    return { ...this.#counts };
  }

  /**
   * Stops answering (answers waiting in the link emulation are dropped) and closes the socket,
   * bound or not. Idempotent.
   */
  close(): Promise<void> {
    this.#closed ??= new Promise<void>((resolve) => {
      this.#socket.removeAllListeners('message');
      this.#socket.close(() => resolve());
    });
    return this.#closed;
  }

  #onDatagram(datagram: Buffer, source: RemoteInfo): void {
    this.#counts.received += 1;
    if (!isEchoRequest(datagram)) {
      this.#counts.dropped += 1;
      return;
    }
    const key = sourceKey(source.address);
    if (!this.#limiter.allow(key)) {
      this.#counts.rate_limited += 1;
      return;
    }
    const answer = answerInPlace(datagram);
    // Without an emulation the answer goes at once, with no closure: the path a flood takes
    // allocates as little as it can.
    if (!this.#link.emulated) {
      this.#send(answer, source);
      return;
    }
    const delivery = this.#link.deliver(() => this.#send(answer, source), key);
    if (delivery === 'lost' || delivery === 'refused') this.#counts.emulated_loss += 1;
  }

  #send(answer: Buffer, to: RemoteInfo): void {
    if (this.#closed !== undefined) return;
    this.#counts.answered += 1;
    // A failed send (no route, buffer full) loses one answer, as the network may; the client
    // retries with its next probe.
    this.#socket.send(answer, to.port, to.address, ignoreSendError);
  }
}

/** A send's callback: a failed send loses one answer (see `#send`). One function for every send. */
function ignoreSendError(): void {}
