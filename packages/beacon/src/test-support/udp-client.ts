/** A UDP socket for tests: send datagrams, and wait for the replies with a bound. */
import { createSocket, type Socket } from 'node:dgram';

import { udpSocketType } from '../net/address.js';

export class UdpTestClient {
  readonly #socket: Socket;
  readonly #replies: Buffer[] = [];
  #onReply: (() => void) | undefined;

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.on('message', (datagram) => {
      this.#replies.push(datagram);
      this.#onReply?.();
    });
  }

  /** A socket bound to an ephemeral port of `host` (127.0.0.1 or ::1). */
  static async open(host = '127.0.0.1'): Promise<UdpTestClient> {
    const socket = createSocket(udpSocketType(host));
    await new Promise<void>((resolve) => socket.bind(0, host, resolve));
    return new UdpTestClient(socket);
  }

  get port(): number {
    return this.#socket.address().port;
  }

  /** Sends `datagram` and resolves once it has left. */
  send(datagram: Uint8Array, port: number, host = '127.0.0.1'): Promise<void> {
    return new Promise<void>((resolve, reject) =>
      this.#socket.send(datagram, port, host, (error) => (error ? reject(error) : resolve())),
    );
  }

  /** Every reply received so far, in order of arrival. */
  get replies(): readonly Buffer[] {
    return this.#replies;
  }

  /** Resolves when `done(replies)` holds; rejects after `timeoutMs` of real time. */
  waitUntil(
    done: (replies: readonly Buffer[]) => boolean,
    timeoutMs = 5000,
  ): Promise<readonly Buffer[]> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        if (!done(this.#replies)) return false;
        clearTimeout(timeout);
        this.#onReply = undefined;
        resolve(this.#replies);
        return true;
      };
      const timeout = setTimeout(() => {
        this.#onReply = undefined;
        reject(new Error(`Still waiting after ${this.#replies.length} replies.`));
      }, timeoutMs);
      if (!check()) this.#onReply = check;
    });
  }

  /** Resolves when `count` replies in all have arrived. */
  waitForReplies(count: number, timeoutMs = 5000): Promise<readonly Buffer[]> {
    return this.waitUntil((replies) => replies.length >= count, timeoutMs);
  }

  /**
   * Sends `request` (one the echo answers, with content no other request of the test has) and
   * waits for its answer. The beacon handles datagrams in order and loopback keeps their order, so
   * once this answer is in, every datagram sent before it has been handled: what was not answered
   * by then never will be.
   */
  async roundTrip(request: Uint8Array, port: number, host = '127.0.0.1'): Promise<Buffer> {
    const expected = Buffer.from(request);
    expected[0] = 0;
    expected[1] = 0;
    await this.send(request, port, host);
    const replies = await this.waitUntil((all) => all.some((reply) => reply.equals(expected)));
    return replies.find((reply) => reply.equals(expected))!;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#socket.close(resolve));
  }
}
