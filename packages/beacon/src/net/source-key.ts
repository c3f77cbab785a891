/**
 * The key by which a source address is counted for rate limits and connection caps: an IPv4
 * address itself, and an IPv6 address's /64 prefix. One IPv6 host is usually given a whole /64
 * and can send from any address in it, so keying by the full address would let one host take as
 * many buckets (or connection slots) as it likes.
 */
import { isIP } from 'node:net';

const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * The counting key of `address` (as Node reports a peer: IPv4 dotted, IPv6 text possibly
 * compressed, IPv4-mapped IPv6, or with a `%zone`). Anything that is not an IP address is its
 * own key.
 */
export function sourceKey(address: string): string {
  // The hot path (every datagram): an IPv4 address is its own key, and costs no allocation.
  if (!address.includes(':')) return address;
  const withoutZone = address.split('%', 1)[0]!;
  const mapped = IPV4_MAPPED.exec(withoutZone);
  if (mapped !== null) return mapped[1]!;
  if (isIP(withoutZone) !== 6) return address;
  return `${expandedGroups(withoutZone).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (valid per `isIP`), lowercase, without zeros. */
function expandedGroups(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('::') as [string, string | undefined];
  const groupsOf = (part: string): string[] =>
    part === '' ? [] : part.split(':').flatMap(groupsOfPiece);
  const front = groupsOf(head);
  const back = tail === undefined ? [] : groupsOf(tail);
  const zeros = Array.from({ length: 8 - front.length - back.length }, () => '0');
  return [...front, ...zeros, ...back].map((group) => group.replace(/^0+(?=.)/, ''));
}

/** A piece between colons: a hex group, or a trailing dotted IPv4 address (two groups). */
function groupsOfPiece(piece: string): string[] {
  if (!piece.includes('.')) return [piece];
  const [a, b, c, d] = piece.split('.').map(Number) as [number, number, number, number];
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}
