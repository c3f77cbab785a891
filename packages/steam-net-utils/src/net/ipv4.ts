/**
 * IPv4 addresses as Steam's networking API passes them: a host-order uint32 (`0xaabbccdd` is
 * `aa.bb.cc.dd`) plus a uint16 port, read from and written to the text a user types or a peer
 * sends.
 */
import { formatDottedQuad, parseDottedQuad } from './dotted-quad.js';
import { ipv4FromMappedGroups, MAX_IPV6_TEXT_LENGTH, parseIPv6Groups } from './ipv6-text.js';
import { parseCanonicalDecimal } from './text-scan.js';

/** The largest port number (`SteamNetworkingIPAddr::m_port` is a uint16). */
export const MAX_PORT = 0xffff;

/** The largest host-order IPv4 address, 255.255.255.255. */
export const MAX_IPV4 = 0xffffffff;

/**
 * The longest text {@link parseIPv4Address} can accept: a bracketed IPv6 form of the longest
 * IPv4-mapped address with a five-digit port (`[0000:0000:0000:0000:0000:ffff:255.255.255.255]:65535`).
 * Longer input is refused before it is looked at, so the parser's cost is bounded whatever it is fed.
 */
export const MAX_IP_ADDRESS_TEXT_LENGTH = 1 + MAX_IPV6_TEXT_LENGTH + 2 + 5;

/** An IPv4 address and port read from text. */
export interface ParsedIPv4Address {
  /** The address as a host-order uint32. */
  readonly ip: number;
  /** The port, 0 when the text had none. */
  readonly port: number;
}

/** Reads a canonical decimal port 0-65535, or -1. */
function parsePort(text: string): number {
  return parseCanonicalDecimal(text, 5, MAX_PORT);
}

/** The IPv4 address of an IPv4-mapped IPv6 text (no brackets, no port), or -1. */
function parseMappedIPv6(text: string): number {
  const groups = parseIPv6Groups(text);
  return groups === undefined ? -1 : ipv4FromMappedGroups(groups);
}

/** `[v6]` or `[v6]:port` where v6 is IPv4-mapped. */
function parseBracketed(text: string): ParsedIPv4Address | undefined {
  const close = text.indexOf(']');
  if (close < 0) return undefined;
  const ip = parseMappedIPv6(text.slice(1, close));
  if (ip < 0) return undefined;
  const rest = text.slice(close + 1);
  if (rest.length === 0) return { ip, port: 0 };
  if (rest.charCodeAt(0) !== 0x3a /* ':' */) return undefined;
  const port = parsePort(rest.slice(1));
  return port < 0 ? undefined : { ip, port };
}

/**
 * Reads an IPv4 address, with an optional port, from text that may come from a user or the wire:
 * the IPv4 subset of what Steam's `SteamNetworkingIPAddr::ParseString` accepts.
 *
 * Accepted forms (ASCII only, nothing before or after):
 * - `a.b.c.d` and `a.b.c.d:port`;
 * - the IPv4-mapped IPv6 forms `::ffff:a.b.c.d` (any valid IPv6 spelling of the same address,
 *   e.g. `0:0:0:0:0:FFFF:102:304`), `[::ffff:a.b.c.d]` and `[::ffff:a.b.c.d]:port`.
 *
 * Each octet is a canonical decimal 0-255 and the port a canonical decimal 0-65535: no sign, no
 * spaces, no leading zero (this is stricter than Steam's `sscanf`-based reader, and matches
 * `inet_pton`). IPv6 addresses that are not IPv4-mapped have no IPv4 form and are refused, as are
 * zone ids (`%eth0`).
 *
 * @returns the host-order address and the port (0 when none was written), or undefined for
 *   anything else: a non-string, an empty string, text longer than
 *   {@link MAX_IP_ADDRESS_TEXT_LENGTH}, an octet above 255, too few or too many octets, a port
 *   above 65535, a stray character. Never throws.
 */
export function parseIPv4Address(text: string): ParsedIPv4Address | undefined {
  // Bound the length first: the checks below then cost O(MAX_IP_ADDRESS_TEXT_LENGTH) at most.
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_IP_ADDRESS_TEXT_LENGTH) {
    return undefined;
  }
  if (text.charCodeAt(0) === 0x5b /* '[' */) return parseBracketed(text);
  const colon = text.indexOf(':');
  if (colon < 0) {
    const ip = parseDottedQuad(text);
    return ip < 0 ? undefined : { ip, port: 0 };
  }
  if (text.indexOf(':', colon + 1) < 0) {
    // Exactly one colon: no IPv6 text has only one, so this is `a.b.c.d:port`.
    const ip = parseDottedQuad(text.slice(0, colon));
    const port = parsePort(text.slice(colon + 1));
    return ip < 0 || port < 0 ? undefined : { ip, port };
  }
  // Unbracketed IPv6 text carries no port (`::ffff:1.2.3.4:80` is refused by the group rules).
  const ip = parseMappedIPv6(text);
  return ip < 0 ? undefined : { ip, port: 0 };
}

/** True when `value` is an integer in [0, max]. */
function isIntegerInRange(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}

/**
 * Writes an IPv4 address as `a.b.c.d`, or `a.b.c.d:port` when `port` is given (0 included, as
 * Steam's `SteamNetworkingIPAddr::ToString` does with `bWithPort`). The inverse of
 * {@link parseIPv4Address}: `parseIPv4Address(formatIPv4(ip, port))` gives back `ip` and `port`.
 *
 * @throws RangeError when `ip` is not an integer in [0, 4294967295] or `port` (when given) is not
 *   an integer in [0, 65535]; these are programming errors, not data.
 */
export function formatIPv4(ip: number, port?: number): string {
  if (!isIntegerInRange(ip, MAX_IPV4)) {
    throw new RangeError(
      `formatIPv4(ip, port): ip must be a host-order IPv4 address, an integer from 0 to 4294967295, got ${String(ip)}. Convert signed values with \`ip >>> 0\`.`,
    );
  }
  if (port === undefined) return formatDottedQuad(ip);
  if (!isIntegerInRange(port, MAX_PORT)) {
    throw new RangeError(
      `formatIPv4(ip, port): port must be an integer from 0 to 65535, or omitted, got ${String(port)}.`,
    );
  }
  return `${formatDottedQuad(ip)}:${port}`;
}

/** True when `value` is a host-order IPv4 address: an integer in [0, 4294967295]. */
export function isIPv4Number(value: unknown): value is number {
  return isIntegerInRange(value, MAX_IPV4);
}

/** True when `value` is a port number: an integer in [0, 65535]. */
export function isPortNumber(value: unknown): value is number {
  return isIntegerInRange(value, MAX_PORT);
}
