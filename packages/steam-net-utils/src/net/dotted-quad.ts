/**
 * The dotted-quad text of an IPv4 address (`a.b.c.d`), read by the same rule wherever it appears:
 * on its own, before a `:port`, or as the tail of an IPv6 address.
 */
import { parseCanonicalDecimal } from './text-scan.js';

/**
 * Parses `a.b.c.d` into a host-order uint32 (`0xaabbccdd`). Each part must be a canonical decimal
 * 0-255: ASCII digits only, no sign, no spaces, no leading zero (`01.2.3.4` is refused, as
 * `inet_pton` refuses it, because other readers take a leading zero for octal). Returns -1 for
 * anything else; never throws.
 */
export function parseDottedQuad(text: string): number {
  const parts = text.split('.');
  if (parts.length !== 4) return -1;
  let ip = 0;
  for (const part of parts) {
    const octet = parseCanonicalDecimal(part, 3, 255);
    if (octet < 0) return -1;
    // Multiplication instead of `<<` keeps the value an unsigned 32-bit integer.
    ip = ip * 256 + octet;
  }
  return ip;
}

/** Writes a host-order uint32 as `a.b.c.d`. The caller guarantees `ip` is a uint32. */
export function formatDottedQuad(ip: number): string {
  return `${ip >>> 24}.${(ip >>> 16) & 0xff}.${(ip >>> 8) & 0xff}.${ip & 0xff}`;
}
