/**
 * The beacons a backend pings, and the relay network they make: a beacon per region is a POP, and
 * the round trips the beacons measured between each other are the backbone. It comes from a
 * network config in the shape of Valve's SDR config (what `GET /network-config` on a Relaylane
 * beacon serves), from a list in the options, or both: a listed beacon's endpoints replace the
 * config's for the same code (a LAN address, a proxy), and a listed beacon the config lacks is
 * added. Each POP of the config carries its probe endpoints:
 *
 *   "pops": { "fra": { "desc": "Frankfurt", "geo": [8.68, 50.12],
 *                      "probe": { "udp": "203.0.113.7:3075", "ws": "wss://fra.example/ping" } } }
 *
 * A beacon without a usable endpoint stays a POP of the network (estimates may route through it)
 * but is never probed.
 */
import {
  readNetworkConfig,
  RelayNetworkConfigError,
} from '../../estimator/relay-network-config.js';
import { type RelayNetwork } from '../../estimator/relay-network.js';
import { type BeaconAddress } from '../../port/probe-transport.js';

/** A beacon as the options list it. */
export interface BeaconListing {
  /** Its POP code: 1 to 4 characters of `a-z0-9` (`'fra'`). */
  readonly code: string;
  /** Where it is, for people (default: the code). */
  readonly desc?: string | undefined;
  /** Longitude and latitude in degrees, as Valve's config writes them (`[8.68, 50.12]`). */
  readonly geo?: readonly [lon: number, lat: number] | undefined;
  /** `host:port` of its UDP echo. */
  readonly udp?: string | undefined;
  /** `ws://` or `wss://` URL of its WebSocket echo. */
  readonly ws?: string | undefined;
}

/** A beacon of the network: its address and its POP's index in the network. */
export interface Beacon extends BeaconAddress {
  readonly popId: number;
  /** Its index in `network.pops`. */
  readonly index: number;
  readonly desc: string;
}

/** The network and its beacons, with what was left out of the config and why. */
export interface BeaconNetwork {
  readonly network: RelayNetwork;
  /** One per POP of the network, in the network's order (index i is `network.pops[i]`). */
  readonly beacons: readonly Beacon[];
  readonly skipped: readonly string[];
}

type ConfigPop = Record<string, unknown>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A `host:port` endpoint with a port of 1–65535 (IPv6 hosts in brackets), else undefined. */
export function udpEndpointOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 300) return undefined;
  const match = /^(\[[0-9a-fA-F:.]+\]|[^\s:[\]/]+):(\d{1,5})$/.exec(value);
  if (match === null) return undefined;
  const port = Number(match[2]);
  return port >= 1 && port <= 65535 ? value : undefined;
}

/** A `ws://` or `wss://` URL, else undefined. */
export function webSocketEndpointOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'ws:' || url.protocol === 'wss:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the network from a config (an object or JSON text, or undefined for none) and a list.
 * Throws `RelayNetworkConfigError` when the config is not Valve's shape at all or gives no POP;
 * skips, and lists, what is malformed.
 */
export function readBeaconNetwork(
  config: unknown,
  listings: readonly BeaconListing[] = [],
): BeaconNetwork {
  const parsed: unknown = typeof config === 'string' ? parseJson(config) : config;
  // No prototype: a POP code of '__proto__' from the network is a key like any other.
  const pops = Object.create(null) as Record<string, ConfigPop>;
  let typicalPings: unknown = [];
  let revision: unknown = undefined;
  if (parsed !== undefined) {
    if (!isObject(parsed) || !isObject(parsed['pops'])) {
      throw new RelayNetworkConfigError(
        "The beacons' network config must be an object with a 'pops' object, in the shape of Valve's SDR config.",
      );
    } else {
      for (const [code, pop] of Object.entries(parsed['pops'])) {
        if (isObject(pop)) pops[code] = { ...pop };
      }
      typicalPings = parsed['typical_pings'] ?? [];
      revision = parsed['revision'];
    }
  }
  for (const listing of listings) {
    const known = pops[listing.code] ?? {};
    const probe = isObject(known['probe']) ? known['probe'] : {};
    pops[listing.code] = {
      ...known,
      desc: listing.desc ?? known['desc'] ?? listing.code,
      geo: listing.geo ?? known['geo'],
      probe: { ...probe, udp: listing.udp ?? probe['udp'], ws: listing.ws ?? probe['ws'] },
    };
  }
  // The beacons name their own places: Valve's corrections of its own POPs do not apply.
  const { network, skipped } = readNetworkConfig(
    { revision, pops, typical_pings: typicalPings },
    [],
  );
  for (const [k, listing] of listings.entries()) {
    if (network.pop(listing.code) === undefined) {
      const why = skipped.find((line) => line.startsWith(`POP '${listing.code}'`));
      throw new RelayNetworkConfigError(
        `beacons[${k}] (${JSON.stringify(listing.code)}) cannot be a POP: ${why ?? 'not a POP code'}.`,
      );
    }
  }
  if (network.size === 0) {
    throw new RelayNetworkConfigError(
      `The beacons' network config gives no usable POP${skipped.length > 0 ? `: ${skipped.join('; ')}` : ''}.`,
    );
  }
  const notes = [...skipped];
  const beacons = network.pops.map((pop, index): Beacon => {
    const entry = pops[pop.code] ?? {};
    const probe = isObject(entry['probe']) ? entry['probe'] : {};
    const udp = udpEndpointOf(probe['udp']);
    const ws = webSocketEndpointOf(probe['ws']);
    if (probe['udp'] !== undefined && udp === undefined) {
      notes.push(`${pop.code}: probe.udp is not host:port`);
    }
    if (probe['ws'] !== undefined && ws === undefined) {
      notes.push(`${pop.code}: probe.ws is not a ws:// or wss:// URL`);
    }
    return { code: pop.code, popId: pop.id, index, desc: pop.description, udp, ws };
  });
  return { network, beacons, skipped: notes };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new RelayNetworkConfigError(
      `The beacons' network config is not JSON: ${(error as Error).message}`,
    );
  }
}
