/**
 * A ping location as data: the host's measured pings to its nearest POPs and, optionally, where
 * the host attaches to the public internet. The binary and text forms encode exactly this.
 */
import { MAX_HUB_INDEX, MAX_PING_LOCATION_ENTRIES, MAX_PING_MS } from './layout.js';
import { type PopTable } from './pop-table.js';

/** One POP of a ping location. */
export interface PingLocationEntry {
  /** The POP's `SteamNetworkingPOPID`; a POP of the catalogue. */
  readonly popId: number;
  /** The round trip of the host's best route to the POP, whole ms, 0..65534. */
  readonly pingMs: number;
  /**
   * The POP whose relay that best route goes through, when it is faster than pinging the POP
   * directly (what `GetPingToDataCenter` reports as `pop_relay`). Absent: the POP is pinged
   * directly. Never the entry's own POP.
   */
  readonly relayPopId?: number | undefined;
}

/** Where a host enters the public internet graph, for direct (peer-to-peer) route estimates. */
export interface PingLocationAnchor {
  /** The index of the host's entry hub in the latency model's internet topology, 0..65534. */
  readonly hubIndex: number;
  /** The host's round trip to that hub, last mile included, whole ms, 0..65534. */
  readonly accessMs: number;
}

/**
 * The content of a ping location. Canonical form: entries sorted by ping, then by POP id, each
 * POP at most once, at most {@link MAX_PING_LOCATION_ENTRIES}. No entries means the host
 * measured and no POP answered.
 */
export interface PingLocationData {
  readonly entries: readonly PingLocationEntry[];
  readonly anchor?: PingLocationAnchor | undefined;
}

function isWholeInRange(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}

/**
 * What is wrong with `data` as a ping location over the catalogue `table`, or `undefined` when
 * it is valid and canonical. Never throws, whatever `data` is.
 */
export function pingLocationDataProblem(data: unknown, table: PopTable): string | undefined {
  if (typeof data !== 'object' || data === null) return 'it is not an object';
  const { entries, anchor } = data as { entries?: unknown; anchor?: unknown };
  if (!Array.isArray(entries)) return "'entries' is not an array";
  if (entries.length > MAX_PING_LOCATION_ENTRIES) {
    return `it has ${entries.length} entries; at most ${MAX_PING_LOCATION_ENTRIES} fit`;
  }
  const seen = new Set<number>();
  let previousPing = -1;
  let previousId = -1;
  for (let k = 0; k < entries.length; k++) {
    const entry: unknown = entries[k];
    if (typeof entry !== 'object' || entry === null) return `entry ${k} is not an object`;
    const { popId, pingMs, relayPopId } = entry as Record<string, unknown>;
    if (typeof popId !== 'number' || !table.indexById.has(popId)) {
      return `entry ${k}: popId ${String(popId)} is not a POP of the catalogue`;
    }
    if (!isWholeInRange(pingMs, MAX_PING_MS)) {
      return `entry ${k}: pingMs ${String(pingMs)} is not a whole number from 0 to ${MAX_PING_MS}`;
    }
    if (relayPopId !== undefined) {
      if (typeof relayPopId !== 'number' || !table.indexById.has(relayPopId)) {
        return `entry ${k}: relayPopId ${String(relayPopId)} is not a POP of the catalogue`;
      }
      if (relayPopId === popId) return `entry ${k}: relayPopId is the entry's own POP`;
    }
    if (seen.has(popId)) return `entry ${k}: POP ${popId} appears twice`;
    seen.add(popId);
    if (pingMs < previousPing || (pingMs === previousPing && popId < previousId)) {
      return `entry ${k} is out of order; entries are sorted by pingMs, then by popId`;
    }
    previousPing = pingMs;
    previousId = popId;
  }
  if (anchor !== undefined) {
    if (typeof anchor !== 'object' || anchor === null) return "'anchor' is not an object";
    const { hubIndex, accessMs } = anchor as Record<string, unknown>;
    if (!isWholeInRange(hubIndex, MAX_HUB_INDEX)) {
      return `anchor.hubIndex ${String(hubIndex)} is not a whole number from 0 to ${MAX_HUB_INDEX}`;
    }
    if (!isWholeInRange(accessMs, MAX_PING_MS)) {
      return `anchor.accessMs ${String(accessMs)} is not a whole number from 0 to ${MAX_PING_MS}`;
    }
  }
  return undefined;
}
