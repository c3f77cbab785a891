/**
 * How a backend that measures its own pings sends one probe to a beacon and times the echo: the
 * seam between the beacons backend (browser-safe) and the transports that carry probes (WebSocket
 * in browsers and Node, UDP in Node only).
 *
 * Over UDP the wire format is PlayFab's QoS beacon format, so Relaylane's beacons also answer
 * PlayFab's client SDKs and Relaylane's Node client can ping PlayFab's beacons: a request starts
 * with the two bytes `0xFF 0xFF`, and the beacon echoes it with those two bytes set to
 * `0x00 0x00`. Over WebSocket the same request is sent back as it came (a plain echo). Relaylane's
 * request is {@link PROBE_BYTES} long: `FF FF 'R' 'L'`, a sequence number and a nonce, both uint32
 * big-endian. A reply is matched to its request by all twelve bytes, so a stray or forged datagram
 * that does not echo a request still in flight is ignored.
 */

/** Where one beacon answers probes; a transport uses the endpoint it can carry. */
export interface BeaconAddress {
  /** The beacon's POP code (`'fra'`), for messages. */
  readonly code: string;
  /** `host:port` of its UDP echo (`[::1]:3075` for IPv6), when it has one. */
  readonly udp?: string | undefined;
  /** `ws://` or `wss://` URL of its WebSocket echo, when it has one. */
  readonly ws?: string | undefined;
}

/** What one probe gave: the round trip in ms (real time), or why there is none. */
export type ProbeOutcome =
  | { readonly ok: true; readonly rttMs: number }
  | { readonly ok: false; readonly reason: 'timeout' | 'unreachable' | 'no-endpoint' };

/**
 * Carries probes. `probe` never rejects and always settles: with the echo's round trip, or with
 * a failure no later than `timeoutMs` after it was called (plus the event loop's delay).
 */
export interface ProbeTransport {
  /** For messages and the status: `'websocket'`, `'udp'`, `'udp+websocket'`. */
  readonly name: string;
  /** True when this transport can carry a probe to `beacon` (it has an endpoint this carries). */
  canReach(beacon: BeaconAddress): boolean;
  /**
   * Sends one probe to `beacon` and times its echo with the transport's real-time clock. A
   * transport that has just opened a connection discards the first echo over it (it pays for the
   * handshake and warm-up) and probes again, within the same `timeoutMs`.
   */
  probe(beacon: BeaconAddress, timeoutMs: number): Promise<ProbeOutcome>;
  /** Closes every socket; later probes settle as `unreachable`. Idempotent. */
  close(): void;
}

/** The length of Relaylane's probe: `FF FF 'R' 'L'`, sequence, nonce. */
export const PROBE_BYTES = 12;

/** The first two bytes of a request, and of its echo. */
export const PROBE_REQUEST_PREFIX = 0xffff;
export const PROBE_REPLY_PREFIX = 0x0000;

const R = 0x52;
const L = 0x4c;

/** Writes the probe with `sequence` and `nonce` (uint32 each). */
export function encodeProbe(sequence: number, nonce: number): Uint8Array {
  const bytes = new Uint8Array(PROBE_BYTES);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, PROBE_REQUEST_PREFIX);
  bytes[2] = R;
  bytes[3] = L;
  view.setUint32(4, sequence >>> 0);
  view.setUint32(8, nonce >>> 0);
  return bytes;
}

/**
 * The sequence number of a reply to one of Relaylane's probes carrying `nonce`, or undefined when
 * `reply` is not such a reply (wrong length, prefix, tag or nonce). A UDP echo answers with the
 * reply prefix (PlayFab's format); a WebSocket echo sends the message back as it came, so
 * `verbatim` also accepts the request prefix.
 */
export function sequenceOfReply(
  reply: Uint8Array,
  nonce: number,
  verbatim = false,
): number | undefined {
  if (reply.byteLength !== PROBE_BYTES) return undefined;
  const view = new DataView(reply.buffer, reply.byteOffset, reply.byteLength);
  const prefix = view.getUint16(0);
  const prefixMatches =
    prefix === PROBE_REPLY_PREFIX || (verbatim && prefix === PROBE_REQUEST_PREFIX);
  if (!prefixMatches || reply[2] !== R || reply[3] !== L) return undefined;
  if (view.getUint32(8) !== nonce >>> 0) return undefined;
  return view.getUint32(4);
}

/** A nonce for one transport: random where the platform has `crypto`, else from the clock. */
export function probeNonce(): number {
  const crypto = (globalThis as { crypto?: { getRandomValues?(array: Uint32Array): Uint32Array } })
    .crypto;
  if (crypto?.getRandomValues !== undefined) return crypto.getRandomValues(new Uint32Array(1))[0]!;
  return (Date.now() * 2654435761) >>> 0;
}
