/**
 * The JSON documents the beacon serves (and reads from its peers), and the one in-memory form of a
 * measured pair. Field names are the wire's: snake_case where Valve's config or the contract with
 * the clients has them so.
 */

/** `[longitude, latitude]` in degrees, the order of Valve's config. */
export type GeoPair = readonly [lon: number, lat: number];

/** Where a client probes a beacon. */
export interface ProbeEndpoints {
  /** `host:port` of the UDP echo, an IPv6 host in brackets. */
  readonly udp: string;
  /** The WebSocket echo, a ws:// or wss:// URL. */
  readonly ws: string;
}

/** A beacon's entry in `pops` of /network-config: Valve's POP fields plus `probe`. */
export interface PopEntry {
  readonly desc: string;
  readonly geo: GeoPair;
  /** Always empty: a beacon is a place to measure, not a Steam relay. */
  readonly relays: readonly never[];
  readonly probe: ProbeEndpoints;
}

/** GET /beacon: the beacon itself, what its peers read to learn its code and endpoints. */
export interface BeaconDescription {
  readonly code: string;
  readonly desc: string;
  readonly geo: GeoPair;
  readonly probe: ProbeEndpoints;
}

/** One beacon's measurement of the round trip to another, in `backbone` of /network-config. */
export interface BackboneEntry {
  /** The pair's codes, `a` < `b`. */
  readonly a: string;
  readonly b: string;
  /** The median round trip over the sliding window, ms (0.1 ms resolution). */
  readonly median_ms: number;
  /** The 90th percentile, ms. */
  readonly p90_ms: number;
  /** Answered probes in the window. */
  readonly samples: number;
  /** Lost probes over probes that were answered or lost, 0 to 1. */
  readonly loss: number;
  /** Seconds since the newest answered probe, as of this document. */
  readonly age_s: number;
  /** The beacon that measured: `a` or `b`. */
  readonly measured_by: string;
}

/** GET /network-config: Valve's SDR config shape, for this beacon and every one it knows. */
export interface NetworkConfig {
  /** Unix seconds of the newest data in the document. */
  readonly revision: number;
  readonly pops: Readonly<Record<string, PopEntry>>;
  /** `[a, b, ms]`, each unordered pair once, whole milliseconds. */
  readonly typical_pings: readonly (readonly [string, string, number])[];
  readonly backbone: readonly BackboneEntry[];
}

/** A peer's line in /health. */
export interface PeerHealth {
  readonly url: string;
  readonly code?: string;
  readonly state: 'ok' | 'unreachable';
  /** Why it is unreachable. */
  readonly reason?: string;
  /** Seconds since the peer last answered (a probe or a fetch). */
  readonly last_seen_s?: number;
  /** This beacon's current median round trip to it, ms. */
  readonly median_ms?: number;
  /** The loss of its probes in the window, 0 to 1. */
  readonly loss?: number;
  /** The last fetch of its /beacon or /network-config, when that failed. */
  readonly http_error?: string;
}

/**
 * A measured pair in memory: `measuredAt` is the time of its newest answered probe on this
 * beacon's monotonic clock (for a peer's measurement, the time of the fetch less the age it
 * reported), so that ages keep growing however often the data is passed on.
 */
export interface Measurement {
  readonly a: string;
  readonly b: string;
  readonly measuredBy: string;
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly samples: number;
  readonly loss: number;
  readonly measuredAt: number;
}

/** The codes of a pair in the order of the documents: `[a, b]` with `a` < `b`. */
export function orderedPair(x: string, y: string): readonly [string, string] {
  return x < y ? [x, y] : [y, x];
}

/** Orders codes as `orderedPair` does (by UTF-16 code units; codes are ASCII). */
export function compareCodes(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
