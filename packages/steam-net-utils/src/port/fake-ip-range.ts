/**
 * Where FakeIPs live in the IPv4 address space, and how an address is classified.
 *
 * Steam's own constants (`k_nSteamNetworkingSockets_FakeIP_MinIP`, `..._MaxGlobalIP`,
 * `..._MinLocalIP`, `..._MaxIP`) are in a closed header, so the split below is **this library's
 * choice**, made to agree with everything public:
 * - The rule is Steam's: an address outside [MinIP, MaxIP] is not fake; below MinLocalIP it is a
 *   global FakeIP; otherwise it is a local FakeIP. The global range lies immediately below the
 *   local range and the two are contiguous (`MaxGlobalIP + 1 == MinLocalIP`).
 * - Steam hands out FakeIPs in the IPv4 link-local block 169.254.0.0/16; a dedicated server's log
 *   shows a global allocation of 169.254.224.83. So the whole /16 is the FakeIP range, and the
 *   global range reaches at least to 169.254.224.83 (a split at 169.254.128.0 would make that
 *   address local, which contradicts the log).
 * - Local FakeIPs are per-process and few, so they get the top /24, 169.254.255.0-169.254.255.255,
 *   which RFC 3927 reserves (no real link-local host uses it). Global FakeIPs are
 *   169.254.0.0-169.254.254.255.
 *
 * Addresses are host-order uint32 values: `0xa9fe0000` is 169.254.0.0.
 */
import {
  FAKE_IP_TYPE_GLOBAL_IPV4,
  FAKE_IP_TYPE_LOCAL_IPV4,
  FAKE_IP_TYPE_NOT_FAKE,
} from '../constants/index.js';
import { isIPv4Number } from '../net/ipv4.js';

/** The first FakeIP, 169.254.0.0 (Steam's `FakeIP_MinIP`; the value is this library's choice). */
export const FAKE_IP_MIN = 0xa9fe0000;

/** The last global FakeIP, 169.254.254.255 (Steam's `FakeIP_MaxGlobalIP`; this library's choice). */
export const FAKE_IP_MAX_GLOBAL = 0xa9fefeff;

/**
 * The first local FakeIP, 169.254.255.0 (Steam's `FakeIP_MinLocalIP`; this library's choice).
 * Invariant, as Steam asserts at compile time: `FAKE_IP_MAX_GLOBAL + 1 === FAKE_IP_MIN_LOCAL`.
 */
export const FAKE_IP_MIN_LOCAL = 0xa9feff00;

/** The last FakeIP, 169.254.255.255 (Steam's `FakeIP_MaxIP`; this library's choice). */
export const FAKE_IP_MAX = 0xa9feffff;

/**
 * `GetIPv4FakeIPType`: the `NetworkingFakeIPType` of a host-order IPv4 address, from its range
 * alone (no lookup): `FAKE_IP_TYPE_NOT_FAKE` outside 169.254.0.0/16, `FAKE_IP_TYPE_GLOBAL_IPV4` in
 * 169.254.0.0-169.254.254.255, `FAKE_IP_TYPE_LOCAL_IPV4` in 169.254.255.0/24. Like Steam's, it
 * never returns `FAKE_IP_TYPE_INVALID`: every uint32 is an IPv4 address.
 *
 * @throws RangeError when `ip` is not an integer in [0, 4294967295] (a programming error; parse
 *   text with `parseIPv4Address` first).
 */
export function fakeIPTypeOf(ip: number): number {
  if (!isIPv4Number(ip)) {
    throw new RangeError(
      `fakeIPTypeOf(ip): ip must be a host-order IPv4 address, an integer from 0 to 4294967295, got ${String(ip)}. Parse text with parseIPv4Address() first.`,
    );
  }
  if (ip < FAKE_IP_MIN || ip > FAKE_IP_MAX) return FAKE_IP_TYPE_NOT_FAKE;
  return ip < FAKE_IP_MIN_LOCAL ? FAKE_IP_TYPE_GLOBAL_IPV4 : FAKE_IP_TYPE_LOCAL_IPV4;
}

/**
 * `IsFakeIPv4`: true when `ip` is in either FakeIP range (`fakeIPTypeOf(ip)` is above
 * `FAKE_IP_TYPE_NOT_FAKE`), false otherwise.
 *
 * @throws RangeError when `ip` is not an integer in [0, 4294967295].
 */
export function isFakeIPv4(ip: number): boolean {
  return fakeIPTypeOf(ip) > FAKE_IP_TYPE_NOT_FAKE;
}
