/**
 * The simulated world's FakeIP service: what answers `BeginAsyncRequestFakeIP` (the simulated
 * network emits `fake_ip_result` from an allocation) and `GetRealIdentityForFakeIP`.
 *
 * Rules, each kept by the code next to it:
 * - Every identity gets a global FakeIP of its own: two identities never share an IP, so no
 *   (IP, port) pair is ever handed to two identities in the same world (Steam: "IP addresses
 *   returned by this function are globally unique for a given appid").
 * - An identity that asks again keeps its IP and its ports: it gets the same IP and the first
 *   `portCount` ports of the same block.
 * - Deterministic: an identity's IP and ports are drawn from a stream forked from the world's
 *   seed by its SteamID, so they do not depend on the order in which identities ask (unless two
 *   draw the same IP, when the later one takes the next free address).
 */
import {
  FAKE_IP_TYPE_NOT_FAKE,
  RESULT_BUSY,
  RESULT_INVALID_PARAM,
  RESULT_LIMIT_EXCEEDED,
  RESULT_NO_MATCH,
  RESULT_OK,
} from '../../../constants/index.js';
import { isIPv4Number, isPortNumber, MAX_PORT } from '../../../net/ipv4.js';
import { type SeededRandom } from '../world/random.js';
import { FAKE_IP_MAX_GLOBAL, FAKE_IP_MIN, fakeIPTypeOf } from '../../../port/fake-ip-range.js';

/** The most ports one request may ask for (the SDK: "the maximum number of ports you may request is 4"). */
export const FAKE_IP_MAX_REQUESTED_PORTS = 4;

/** The number of port slots in a result (`SteamNetworkingFakeIPResult_t::k_nMaxReturnPorts`); unused slots are 0. */
export const FAKE_IP_MAX_RETURN_PORTS = 8;

/**
 * The first address of the default pool, 169.254.1.0. RFC 3927 reserves 169.254.0.0/24 (as it
 * does 169.254.255.0/24, the local FakeIP range), so the default pool is
 * 169.254.1.0-169.254.254.255.
 */
export const DEFAULT_FAKE_IP_POOL_FIRST = 0xa9fe0100;

/** The last address of the default pool, 169.254.254.255 (the last global FakeIP). */
export const DEFAULT_FAKE_IP_POOL_LAST = FAKE_IP_MAX_GLOBAL;

/** How many identities the default pool can hold: 65024 addresses, one per identity. */
export const DEFAULT_FAKE_IP_POOL_SIZE = DEFAULT_FAKE_IP_POOL_LAST - DEFAULT_FAKE_IP_POOL_FIRST + 1;

/** The lowest port handed out (ports below 1024 are privileged on most systems). */
export const FAKE_IP_FIRST_PORT = 1024;

/** The highest first port of a block, so that the whole block fits below 65536. */
const LAST_BLOCK_START = MAX_PORT - FAKE_IP_MAX_REQUESTED_PORTS + 1;

/** The largest SteamID (a uint64). */
const MAX_STEAM_ID = (1n << 64n) - 1n;

/** Random candidates tried before the allocator walks the pool for a free address. */
const RANDOM_PROBES = 8;

/** The failures `SteamNetworkingFakeIPResult_t::m_eResult` documents, which a fault may inject. */
const INJECTABLE_RESULTS: ReadonlySet<number> = new Set([
  RESULT_BUSY,
  RESULT_INVALID_PARAM,
  RESULT_LIMIT_EXCEEDED,
  RESULT_NO_MATCH,
]);

/** The outcome of {@link FakeIPAllocator.allocate}, shaped like `SteamNetworkingFakeIPResult_t`. */
export interface FakeIPAllocation {
  /** `RESULT_OK`, or `RESULT_BUSY` / `RESULT_INVALID_PARAM` / `RESULT_LIMIT_EXCEEDED` / `RESULT_NO_MATCH`. */
  readonly result: number;
  /** The FakeIP as a host-order uint32; 0 on failure. */
  readonly ip: number;
  /** Always {@link FAKE_IP_MAX_RETURN_PORTS} slots: the ports granted, then zeros (all zeros on failure). */
  readonly ports: number[];
}

/** The outcome of {@link FakeIPAllocator.resolve} (`GetRealIdentityForFakeIP`). */
export interface FakeIPResolution {
  /** `RESULT_OK`, `RESULT_INVALID_PARAM` (not a FakeIP) or `RESULT_NO_MATCH` (not allocated). */
  readonly result: number;
  /** The SteamID holding the FakeIP; 0n unless `result` is `RESULT_OK`. */
  readonly steamId: bigint;
}

/** What an identity currently holds. */
export interface FakeIPHolding {
  /** The identity's FakeIP, host-order. */
  readonly ip: number;
  /** The ports granted so far (1 to {@link FAKE_IP_MAX_REQUESTED_PORTS}). */
  readonly ports: readonly number[];
}

/** Options of {@link FakeIPAllocator}. */
export interface FakeIPAllocatorOptions {
  /**
   * The addresses to allocate from, inclusive host-order bounds inside the global FakeIP range
   * (169.254.0.0-169.254.254.255). Default: {@link DEFAULT_FAKE_IP_POOL_FIRST} to
   * {@link DEFAULT_FAKE_IP_POOL_LAST}.
   */
  readonly pool?: { readonly first: number; readonly last: number };
  /**
   * How many identities may hold a FakeIP at once; the next new identity gets
   * `RESULT_LIMIT_EXCEEDED`. An integer from 1 to the pool's size (the default).
   */
  readonly maxIdentities?: number;
}

/** One identity's allocation. */
interface Holder {
  readonly steamId: bigint;
  readonly ip: number;
  /** The identity's whole block of {@link FAKE_IP_MAX_REQUESTED_PORTS} consecutive ports. */
  readonly block: readonly number[];
  /** How many ports of `block` have been granted; only these resolve. */
  granted: number;
}

/** A failed allocation: IP 0 and every port slot 0. */
function failure(result: number): FakeIPAllocation {
  return { result, ip: 0, ports: new Array<number>(FAKE_IP_MAX_RETURN_PORTS).fill(0) };
}

/**
 * Allocates global FakeIPs to SteamIDs and resolves them back, for one simulated world (shared by
 * every host in it). See the file comment for the rules it keeps.
 *
 * ```ts
 * const fakeIPs = new FakeIPAllocator(new SeededRandom('world').fork('fake-ip'));
 * const { result, ip, ports } = fakeIPs.allocate(76561197960287930n, 2); // RESULT_OK, 169.254.x.y, [p, p + 1, 0, 0, 0, 0, 0, 0]
 * fakeIPs.resolve(ip, ports[0]!); // { result: RESULT_OK, steamId: 76561197960287930n }
 * ```
 */
export class FakeIPAllocator {
  readonly #random: SeededRandom;
  readonly #poolFirst: number;
  readonly #poolSize: number;
  readonly #maxIdentities: number;
  readonly #byIp = new Map<number, Holder>();
  readonly #bySteamId = new Map<bigint, Holder>();
  /** Injected failures, consumed first in, first out by the next requests. */
  readonly #pendingFailures: number[] = [];

  /**
   * @param random the world's seeded stream; each identity's draws come from a fork of it, so
   *   nothing is drawn from `random` itself.
   * @throws RangeError when `options.pool` is not an ordered pair of integers inside the global
   *   FakeIP range, or `options.maxIdentities` is not an integer from 1 to the pool's size.
   */
  constructor(random: SeededRandom, options: FakeIPAllocatorOptions = {}) {
    const { first, last } = options.pool ?? {
      first: DEFAULT_FAKE_IP_POOL_FIRST,
      last: DEFAULT_FAKE_IP_POOL_LAST,
    };
    if (
      !Number.isInteger(first) ||
      !Number.isInteger(last) ||
      first < FAKE_IP_MIN ||
      last > FAKE_IP_MAX_GLOBAL ||
      first > last
    ) {
      throw new RangeError(
        `new FakeIPAllocator(random, options): options.pool must be { first, last } with first <= last, both global FakeIPs (host-order integers from ${FAKE_IP_MIN} to ${FAKE_IP_MAX_GLOBAL}, 169.254.0.0 to 169.254.254.255), got { first: ${String(first)}, last: ${String(last)} }.`,
      );
    }
    const poolSize = last - first + 1;
    const maxIdentities = options.maxIdentities ?? poolSize;
    if (!Number.isInteger(maxIdentities) || maxIdentities < 1 || maxIdentities > poolSize) {
      throw new RangeError(
        `new FakeIPAllocator(random, options): options.maxIdentities must be an integer from 1 to ${poolSize} (the pool's size: one FakeIP per identity), got ${String(maxIdentities)}.`,
      );
    }
    this.#random = random;
    this.#poolFirst = first;
    this.#poolSize = poolSize;
    this.#maxIdentities = maxIdentities;
  }

  /** How many identities hold a FakeIP now. */
  get size(): number {
    return this.#bySteamId.size;
  }

  /** How many injected failures are still waiting for a request. */
  get pendingFailures(): number {
    return this.#pendingFailures.length;
  }

  /**
   * `BeginAsyncRequestFakeIP(portCount)` for `steamId`, answered at once (the simulated network
   * decides when to deliver it as `fake_ip_result`).
   *
   * @returns `RESULT_OK` with the IP and `portCount` ports (then zeros up to
   *   {@link FAKE_IP_MAX_RETURN_PORTS} slots). On failure IP 0 and all-zero ports, with:
   *   an injected failure, if one is pending (it is consumed whatever the request);
   *   `RESULT_INVALID_PARAM` when `portCount` is not 1 to {@link FAKE_IP_MAX_REQUESTED_PORTS} or
   *   `steamId` is 0n (no identity); `RESULT_LIMIT_EXCEEDED` when a new identity would exceed
   *   `maxIdentities`. An identity that already holds a FakeIP gets the same IP and the first
   *   `portCount` ports of the same block.
   * @throws TypeError / RangeError when `steamId` is not a uint64 bigint or `portCount` not an
   *   integer (programming errors).
   */
  allocate(steamId: bigint, portCount: number): FakeIPAllocation {
    assertSteamId('allocate', steamId);
    if (!Number.isInteger(portCount)) {
      throw new RangeError(
        `FakeIPAllocator.allocate(steamId, portCount): portCount must be an integer (1 to ${FAKE_IP_MAX_REQUESTED_PORTS}), got ${String(portCount)}.`,
      );
    }
    const injected = this.#pendingFailures.shift();
    if (injected !== undefined) return failure(injected);
    if (portCount < 1 || portCount > FAKE_IP_MAX_REQUESTED_PORTS || steamId === 0n) {
      return failure(RESULT_INVALID_PARAM);
    }
    let holder = this.#bySteamId.get(steamId);
    if (holder === undefined) {
      if (this.#bySteamId.size >= this.#maxIdentities) return failure(RESULT_LIMIT_EXCEEDED);
      holder = this.#place(steamId);
      if (holder === undefined) return failure(RESULT_LIMIT_EXCEEDED);
    }
    // Granting only grows, so a port once resolvable stays resolvable while the identity holds it.
    holder.granted = Math.max(holder.granted, portCount);
    const ports = new Array<number>(FAKE_IP_MAX_RETURN_PORTS).fill(0);
    for (let i = 0; i < portCount; i++) ports[i] = holder.block[i] ?? 0;
    return { result: RESULT_OK, ip: holder.ip, ports };
  }

  /**
   * `GetRealIdentityForFakeIP` for a FakeIP this world allocated.
   *
   * The IP alone names an identity (one IP per identity), so port 0 matches any of its ports; a
   * nonzero port must be one already granted to it.
   *
   * @returns `RESULT_OK` with the SteamID; `RESULT_INVALID_PARAM` (steamId 0n) when `ip` is not in
   *   a FakeIP range; `RESULT_NO_MATCH` (0n) when no identity holds `ip` (local FakeIPs, which the
   *   simulation never allocates, included; released ones are forgotten at once) or the port was
   *   not granted.
   * @throws RangeError when `ip` is not a uint32 or `port` not an integer 0-65535.
   */
  resolve(ip: number, port: number): FakeIPResolution {
    if (!isIPv4Number(ip)) {
      throw new RangeError(
        `FakeIPAllocator.resolve(ip, port): ip must be a host-order IPv4 address, an integer from 0 to 4294967295, got ${String(ip)}.`,
      );
    }
    if (!isPortNumber(port)) {
      throw new RangeError(
        `FakeIPAllocator.resolve(ip, port): port must be an integer from 0 to ${MAX_PORT}, got ${String(port)}.`,
      );
    }
    if (fakeIPTypeOf(ip) === FAKE_IP_TYPE_NOT_FAKE) {
      return { result: RESULT_INVALID_PARAM, steamId: 0n };
    }
    const holder = this.#byIp.get(ip);
    if (holder === undefined) return { result: RESULT_NO_MATCH, steamId: 0n };
    if (port !== 0 && !holder.block.slice(0, holder.granted).includes(port)) {
      return { result: RESULT_NO_MATCH, steamId: 0n };
    }
    return { result: RESULT_OK, steamId: holder.steamId };
  }

  /** The FakeIP and ports `steamId` holds, or undefined when it holds none. */
  allocationOf(steamId: bigint): FakeIPHolding | undefined {
    assertSteamId('allocationOf', steamId);
    const holder = this.#bySteamId.get(steamId);
    if (holder === undefined) return undefined;
    return { ip: holder.ip, ports: holder.block.slice(0, holder.granted) };
  }

  /**
   * Gives `steamId`'s FakeIP back (the host left the world): it no longer resolves and may be
   * allocated again. Returns true when the identity held one, false otherwise. If the identity
   * asks again later it draws the same IP, unless someone else has taken it meanwhile.
   */
  release(steamId: bigint): boolean {
    assertSteamId('release', steamId);
    const holder = this.#bySteamId.get(steamId);
    if (holder === undefined) return false;
    this.#bySteamId.delete(steamId);
    this.#byIp.delete(holder.ip);
    return true;
  }

  /**
   * Makes the next `count` calls to {@link allocate} fail with `result` (default `RESULT_BUSY`,
   * what Steam answers while another request is in progress), for fault injection. Failures queue
   * up in the order they were injected.
   *
   * @throws RangeError when `result` is not one of the failures Steam documents for a FakeIP
   *   request (`RESULT_BUSY`, `RESULT_INVALID_PARAM`, `RESULT_LIMIT_EXCEEDED`, `RESULT_NO_MATCH`)
   *   or `count` is not a positive integer.
   */
  injectFailure(result: number = RESULT_BUSY, count = 1): void {
    if (!INJECTABLE_RESULTS.has(result)) {
      throw new RangeError(
        `FakeIPAllocator.injectFailure(result, count): result must be RESULT_BUSY (${RESULT_BUSY}), RESULT_INVALID_PARAM (${RESULT_INVALID_PARAM}), RESULT_LIMIT_EXCEEDED (${RESULT_LIMIT_EXCEEDED}) or RESULT_NO_MATCH (${RESULT_NO_MATCH}), got ${String(result)}.`,
      );
    }
    if (!Number.isInteger(count) || count < 1) {
      throw new RangeError(
        `FakeIPAllocator.injectFailure(result, count): count must be a positive integer, got ${String(count)}.`,
      );
    }
    for (let i = 0; i < count; i++) this.#pendingFailures.push(result);
  }

  /** Drops every injected failure that has not been consumed yet. */
  clearInjectedFailures(): void {
    this.#pendingFailures.length = 0;
  }

  /** Picks a free IP and a port block for a new identity and records it; undefined if the pool is full. */
  #place(steamId: bigint): Holder | undefined {
    const size = this.#poolSize;
    const first = this.#poolFirst;
    if (this.#byIp.size >= size) return undefined;
    // A stream of its own per identity keeps its draws independent of every other identity's.
    const stream = this.#random.fork(`fake-ip:${steamId.toString()}`);
    const firstPort =
      FAKE_IP_FIRST_PORT + stream.nextInt(LAST_BLOCK_START - FAKE_IP_FIRST_PORT + 1);
    let offset = stream.nextInt(size);
    for (let probe = 1; probe < RANDOM_PROBES && this.#byIp.has(first + offset); probe++) {
      offset = stream.nextInt(size);
    }
    // Walking on from the last draw always ends on a free address: the pool is not full.
    while (this.#byIp.has(first + offset)) {
      offset = (offset + 1) % size;
    }
    const block = Array.from({ length: FAKE_IP_MAX_REQUESTED_PORTS }, (_, i) => firstPort + i);
    const holder: Holder = { steamId, ip: first + offset, block, granted: 0 };
    // Invariant: #byIp and #bySteamId always hold the same holders.
    this.#byIp.set(holder.ip, holder);
    this.#bySteamId.set(steamId, holder);
    return holder;
  }
}

/** Checks that a SteamID argument is a uint64 bigint. */
function assertSteamId(method: string, steamId: bigint): void {
  if (typeof steamId !== 'bigint') {
    throw new TypeError(
      `FakeIPAllocator.${method}(steamId): steamId must be a bigint SteamID64 (e.g. 76561197960287930n), got ${typeof steamId}.`,
    );
  }
  if (steamId < 0n || steamId > MAX_STEAM_ID) {
    throw new RangeError(
      `FakeIPAllocator.${method}(steamId): steamId must be a uint64 (0 to 18446744073709551615), got ${steamId.toString()}.`,
    );
  }
}
