/**
 * Probes over UDP, in Node: PlayFab's QoS wire format to the beacon's UDP echo, so the same
 * transport also pings PlayFab's beacons. One socket per address family, opened on the first
 * probe; replies are matched by their whole twelve bytes (see `port/probe-transport.ts`), so a
 * datagram that does not echo a probe in flight is ignored.
 */
import { createSocket, type Socket } from 'node:dgram';
import { isIP } from 'node:net';

import {
  type BeaconAddress,
  encodeProbe,
  type ProbeOutcome,
  type ProbeTransport,
  probeNonce,
  sequenceOfReply,
} from '../port/probe-transport.js';

/** A `host:port` endpoint split; IPv6 hosts lose their brackets. Undefined when malformed. */
export function splitUdpEndpoint(endpoint: string): { host: string; port: number } | undefined {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^\s:[\]/]+)):(\d{1,5})$/.exec(endpoint);
  if (match === null) return undefined;
  const port = Number(match[3]);
  if (!(port >= 1 && port <= 65535)) return undefined;
  return { host: match[1] ?? match[2]!, port };
}

interface Pending {
  readonly sentAt: number;
  readonly settle: (outcome: ProbeOutcome) => void;
}

/** See the file comment. */
export class UdpProbeTransport implements ProbeTransport {
  readonly name = 'udp';
  readonly #now: () => number;
  readonly #nonce = probeNonce();
  readonly #sockets = new Map<'udp4' | 'udp6', Socket>();
  readonly #pending = new Map<number, Pending>();
  #sequence = 0;
  #closed = false;

  /** @param now the real-time clock probes are timed with, ms (default `performance.now()`). */
  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
  }

  canReach(beacon: BeaconAddress): boolean {
    return beacon.udp !== undefined && splitUdpEndpoint(beacon.udp) !== undefined;
  }

  probe(beacon: BeaconAddress, timeoutMs: number): Promise<ProbeOutcome> {
    const endpoint = beacon.udp === undefined ? undefined : splitUdpEndpoint(beacon.udp);
    if (endpoint === undefined) return Promise.resolve({ ok: false, reason: 'no-endpoint' });
    if (this.#closed) return Promise.resolve({ ok: false, reason: 'unreachable' });
    if (!(timeoutMs > 0)) return Promise.resolve({ ok: false, reason: 'timeout' });
    // A host name resolves through the socket's family: IPv4 unless it is an IPv6 literal.
    const socket = this.#socket(isIP(endpoint.host) === 6 ? 'udp6' : 'udp4');
    const sequence = (this.#sequence = (this.#sequence + 1) >>> 0);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#pending.delete(sequence);
        resolve({ ok: false, reason: 'timeout' });
      }, timeoutMs);
      const settle = (outcome: ProbeOutcome): void => {
        clearTimeout(timer);
        this.#pending.delete(sequence);
        resolve(outcome);
      };
      this.#pending.set(sequence, { sentAt: this.#now(), settle });
      socket.send(encodeProbe(sequence, this.#nonce), endpoint.port, endpoint.host, (error) => {
        if (error !== null && error !== undefined) settle({ ok: false, reason: 'unreachable' });
      });
    });
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const socket of this.#sockets.values()) socket.close();
    this.#sockets.clear();
    for (const { settle } of [...this.#pending.values()]) {
      settle({ ok: false, reason: 'unreachable' });
    }
  }

  #socket(family: 'udp4' | 'udp6'): Socket {
    const known = this.#sockets.get(family);
    if (known !== undefined) return known;
    const socket = createSocket(family);
    socket.on('message', (message) => {
      const receivedAt = this.#now();
      const sequence = sequenceOfReply(message, this.#nonce);
      if (sequence === undefined) return;
      const pending = this.#pending.get(sequence);
      if (pending !== undefined) pending.settle({ ok: true, rttMs: receivedAt - pending.sentAt });
    });
    // An ICMP "port unreachable" surfaces as an error on some platforms: the probe times out.
    socket.on('error', () => undefined);
    // The socket must not keep a process alive that has nothing else to do.
    socket.unref();
    this.#sockets.set(family, socket);
    return socket;
  }
}
