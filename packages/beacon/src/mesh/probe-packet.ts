/**
 * Relaylane's own UDP probe, a request in PlayFab's QoS format (echo/echo-datagram.ts): 12 bytes,
 * 0xFF 0xFF, 'R' 'L', a uint32 sequence number and a uint32 nonce, both big-endian. The echo
 * answers with the same bytes, the first two set to 0x00 0x00. The nonce is chosen at random per
 * peer, so an answer is matched to its peer and cannot be forged by someone who never saw a probe.
 */
import { ANSWER_PREFIX, REQUEST_PREFIX } from '../echo/echo-datagram.js';

/** The size of a probe and of its answer. */
export const PROBE_BYTES = 12;

const MARK_R = 0x52;
const MARK_L = 0x4c;

/** The probe with `sequence` and `nonce` (each a uint32). */
export function probeRequest(sequence: number, nonce: number): Buffer {
  const packet = Buffer.alloc(PROBE_BYTES);
  packet[0] = REQUEST_PREFIX;
  packet[1] = REQUEST_PREFIX;
  packet[2] = MARK_R;
  packet[3] = MARK_L;
  packet.writeUInt32BE(sequence >>> 0, 4);
  packet.writeUInt32BE(nonce >>> 0, 8);
  return packet;
}

/** The sequence and nonce of an answer to a probe, or undefined for any other datagram. */
export function readProbeAnswer(
  datagram: Buffer,
): { readonly sequence: number; readonly nonce: number } | undefined {
  if (
    datagram.length !== PROBE_BYTES ||
    datagram[0] !== ANSWER_PREFIX ||
    datagram[1] !== ANSWER_PREFIX ||
    datagram[2] !== MARK_R ||
    datagram[3] !== MARK_L
  ) {
    return undefined;
  }
  return { sequence: datagram.readUInt32BE(4), nonce: datagram.readUInt32BE(8) };
}
