/**
 * Reads the textual form of an IPv6 address (RFC 4291 §2.2), as far as Relaylane needs it: to
 * recognise IPv4-mapped addresses (`::ffff:1.2.3.4`), which is how Steam's `SteamNetworkingIPAddr`
 * stores every IPv4 address.
 */
import { parseDottedQuad } from './dotted-quad.js';
import { hexDigitValue } from './text-scan.js';

/** The longest IPv6 text there is: eight groups with an embedded IPv4 tail, `ffff:...:255.255.255.255`. */
export const MAX_IPV6_TEXT_LENGTH = 45;

/** The number of 16-bit groups in an IPv6 address. */
const GROUP_COUNT = 8;

/** One to four hex digits as a 16-bit group, or -1. */
function parseHexGroup(text: string): number {
  if (text.length === 0 || text.length > 4) return -1;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = hexDigitValue(text.charCodeAt(i));
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

/**
 * Appends the groups of one side of a `::` (or of the whole address when there is none) to `out`.
 * `allowIPv4Tail` says whether the last group may be a dotted quad (worth two groups): only the
 * last written group of the address may be. Returns false on any malformed group.
 */
function appendGroups(side: string, allowIPv4Tail: boolean, out: number[]): boolean {
  if (side.length === 0) return true;
  const groups = side.split(':');
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i] ?? '';
    if (allowIPv4Tail && i === groups.length - 1 && group.includes('.')) {
      const ipv4 = parseDottedQuad(group);
      if (ipv4 < 0) return false;
      out.push(Math.floor(ipv4 / 0x10000), ipv4 % 0x10000);
      continue;
    }
    // An empty group here comes from a lone ':' at either end or from ':::'.
    const value = parseHexGroup(group);
    if (value < 0) return false;
    out.push(value);
  }
  return true;
}

/**
 * Parses IPv6 text (no brackets, no port, no `%zone`) into its eight 16-bit groups.
 *
 * Accepts hex groups of one to four digits in either case, at most one `::` standing for one or
 * more zero groups, and a dotted-quad IPv4 tail in place of the last two groups. Returns
 * undefined for anything else, including text longer than {@link MAX_IPV6_TEXT_LENGTH}. Never
 * throws.
 */
export function parseIPv6Groups(text: string): number[] | undefined {
  if (text.length === 0 || text.length > MAX_IPV6_TEXT_LENGTH) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head: number[] = [];
  const tail: number[] = [];
  if (halves.length === 1) {
    if (!appendGroups(text, true, head) || head.length !== GROUP_COUNT) return undefined;
    return head;
  }
  const [left = '', right = ''] = halves;
  // With "::" the IPv4 tail can only be on the right ("1.2.3.4::" is not an address).
  if (!appendGroups(left, false, head) || !appendGroups(right, true, tail)) return undefined;
  // "::" stands for at least one zero group.
  const zeros = GROUP_COUNT - head.length - tail.length;
  if (zeros < 1) return undefined;
  return [...head, ...new Array<number>(zeros).fill(0), ...tail];
}

/**
 * The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`, i.e. 80 zero bits,
 * 16 one bits, then the IPv4 address), as a host-order uint32; -1 when `groups` is any other
 * address (IPv4-compatible `::a.b.c.d` included, as Steam's `IsIPv4` does not count it).
 */
export function ipv4FromMappedGroups(groups: readonly number[]): number {
  if (groups.length !== GROUP_COUNT) return -1;
  for (let i = 0; i < 5; i++) {
    if (groups[i] !== 0) return -1;
  }
  if (groups[5] !== 0xffff) return -1;
  return (groups[6] ?? 0) * 0x10000 + (groups[7] ?? 0);
}
