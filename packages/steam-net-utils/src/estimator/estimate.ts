/**
 * `estimate(a, b, network?)`: the round trip between two hosts from their ping locations alone,
 * as Valve's partner library `SteamDatagram_EstimatePingBetweenTwoLocations` gives it to a game's
 * backend: relay-based and conservative (see estimate-kernels.ts and docs/ping-location-text.md).
 */
import { NETWORKING_PING_FAILED, NETWORKING_PING_UNKNOWN } from '../constants/index.js';
import { bothNameUnknownPops, relayedRouteMs, sharedUnknownRouteMs } from './estimate-kernels.js';
import { HOT_HEADER, hotCount } from './location-record.js';
import { NotAPingLocation, parse } from './ping-location-text.js';
import { indexedCopyOf, isPingLocation, type PingLocation, recordOf } from './ping-location.js';
import { valveRelayNetwork } from './relay-network-config.js';
import { RelayNetwork } from './relay-network.js';

/** What `estimate` and `rank` accept as a location. */
export type LocationInput = PingLocation | NotAPingLocation | string;

/**
 * @internal The indexed copy of `location` for `network` (kept on the location for the network
 * it was last estimated over).
 */
export function indexedHot(location: PingLocation, network: RelayNetwork): Int32Array {
  const copy = indexedCopyOf(location);
  if (copy.indexedFor !== network) {
    network.indexRecord(recordOf(location), 0, copy.hot, 0);
    copy.indexedFor = network;
  }
  return copy.hot;
}

/**
 * @internal The estimate between two locations from their indexed copies for `network` and
 * their records (for POPs the network lacks): ms, or `NETWORKING_PING_FAILED` when either has no
 * entry or they share no route.
 */
export function estimateIndexed(
  network: RelayNetwork,
  hotA: Int32Array,
  recordA: Int32Array,
  hotB: Int32Array,
  recordB: Int32Array,
): number {
  if (hotCount(hotA[HOT_HEADER]!) === 0 || hotCount(hotB[HOT_HEADER]!) === 0) {
    return NETWORKING_PING_FAILED;
  }
  let best = relayedRouteMs(network.backbone, network.size, hotA, 0, hotB, 0);
  if (bothNameUnknownPops(hotA, 0, hotB, 0)) {
    best = Math.min(best, sharedUnknownRouteMs(hotA, 0, recordA, 0, hotB, 0, recordB, 0));
  }
  return best === Infinity ? NETWORKING_PING_FAILED : best;
}

/**
 * @internal `input` as a location, `undefined` for text that is not one (or a
 * `NotAPingLocation`); throws a TypeError naming `method` for anything else.
 */
export function locationOf(input: unknown, method: string, name: string): PingLocation | undefined {
  if (isPingLocation(input)) return input;
  if (typeof input === 'string') {
    const parsed = parse(input);
    return parsed.ok ? parsed : undefined;
  }
  if (NotAPingLocation.is(input)) return undefined;
  throw new TypeError(
    `${method}: '${name}' must be a PingLocation (from parse()) or location text, got ${input === null ? 'null' : typeof input}.`,
  );
}

/** @internal `network`, or Valve's when undefined; throws a TypeError naming `method` otherwise. */
export function networkOf(network: unknown, method: string): RelayNetwork {
  if (network === undefined) return valveRelayNetwork();
  if (network instanceof RelayNetwork) return network;
  throw new TypeError(
    `${method}: 'network' must be a RelayNetwork (readRelayNetworkConfig(config).network), got ${network === null ? 'null' : typeof network}.`,
  );
}

/**
 * The estimated round trip between the hosts at `a` and `b`, whole ms, over `network` (default:
 * Valve's published network). Returns `NETWORKING_PING_UNKNOWN` (-2) when either is not a
 * location (text that does not parse, a `NotAPingLocation`), and `NETWORKING_PING_FAILED` (-1)
 * when both are but share no route: one of them reached no POP, or none of their POPs meet in
 * the network. Throws a TypeError only for arguments of the wrong type (a number, an object that
 * is not a location, a `network` that is not a `RelayNetwork`).
 */
export function estimate(a: LocationInput, b: LocationInput, network?: RelayNetwork): number {
  const locationA = locationOf(a, 'estimate', 'a');
  const locationB = locationOf(b, 'estimate', 'b');
  const net = networkOf(network, 'estimate');
  if (locationA === undefined || locationB === undefined) return NETWORKING_PING_UNKNOWN;
  return estimateIndexed(
    net,
    indexedHot(locationA, net),
    recordOf(locationA),
    indexedHot(locationB, net),
    recordOf(locationB),
  );
}
