/**
 * Host and port text as the beacon writes and reads it: `host:port`, with an IPv6 host in
 * brackets (`[::1]:3075`), the form of `probe.udp` in /network-config and of URLs.
 */
import { isIP } from 'node:net';

/** The largest port number. */
export const MAX_PORT = 65_535;

/** True for the addresses that mean "every local address": `0.0.0.0` and `::`. */
export function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || host === '::';
}

/** True for a loopback address: 127.0.0.0/8, ::1, or 127.x mapped into IPv6. */
export function isLoopbackAddress(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || /^::ffff:127\./i.test(address);
}

/** `host` as it appears before `:port` or in a URL: an IPv6 address in brackets. */
export function bracketed(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}

/** `host:port`, the IPv6 host in brackets. */
export function formatHostPort(host: string, port: number): string {
  return `${bracketed(host)}:${port}`;
}

/**
 * Reads `host:port` or `[ipv6]:port`. The host is an IP address or a DNS name; the port 1 to
 * 65535. Returns undefined for anything else (an unbracketed IPv6 address is ambiguous, so it is
 * refused).
 */
export function parseHostPort(text: string): { host: string; port: number } | undefined {
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/.exec(text);
  if (match === null) return undefined;
  const host = match[1] ?? match[2]!;
  const port = Number(match[3]);
  if (match[1] !== undefined && isIP(host) !== 6) return undefined;
  if (port < 1 || port > MAX_PORT) return undefined;
  return { host, port };
}

/** The UDP socket type that can bind or reach `address` (an IP address). */
export function udpSocketType(address: string): 'udp4' | 'udp6' {
  return isIP(address) === 6 ? 'udp6' : 'udp4';
}
