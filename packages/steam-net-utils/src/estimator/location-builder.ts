/**
 * A host's ping location from the pings it measured, written the way real Steam clients write theirs (the rules
 * observed in real strings; docs/ping-location-text.md):
 *
 * - the direct route to a POP is the host's measured ping, rounded to whole ms, with the extra
 *   `floor(ms / 10)`;
 * - the via route to a POP is the best, by ms + extra, over every other POP e the host pinged of
 *   front (the ping to e) + back (the backbone from e), with e's extra;
 * - an entry shows its via route when there is no direct route or when the via route is at most
 *   1 ms worse by ms + extra, and its route is then the via route's ms;
 * - the entries with the best routes are kept, at most 12, in route order.
 *
 * Which POPs a location may name is the caller's: in the simulation those of the host's partner
 * network that are up, for the beacons every beacon.
 */
import { MAX_PING_LOCATION_ENTRIES, MAX_ROUTE_MS } from './location-record.js';
import { PingLocation, type PingLocationEntryInput } from './ping-location.js';
import { type RelayNetwork } from './relay-network.js';

/**
 * The POPs a location is written over, by index, and the backbone between them: the simulation's
 * latency model, or a relay network (see {@link relayNetworkRoutes}).
 */
export interface PopRoutes {
  /** The POPs; a POP's index is its position here. */
  readonly pops: readonly { readonly id: number }[];
  /** The backbone round trip between the POPs at two indices, ms. */
  readonly backbone: { rttMs(from: number, to: number): number };
}

/** The {@link PopRoutes} of a relay network: its POPs and its (filled) backbone. */
export function relayNetworkRoutes(network: RelayNetwork): PopRoutes {
  const size = network.size;
  const table = network.backbone;
  return { pops: network.pops, backbone: { rttMs: (from, to) => table[from * size + to]! } };
}

/** Steam's extra for a direct route of `ms`, as the real strings show it (146 of their 147 direct routes). */
export function directExtraMs(ms: number): number {
  return Math.floor(ms / 10);
}

/** How much worse (ms + extra) a via route may be and still be shown, as real strings show. */
export const VIA_TOLERANCE_MS = 1;

/**
 * The location of a host that measured `pings` (POP index → round trip, ms, unrounded):
 * every POP for which `isTarget` is true gets its best route, and the 12 best are kept. Pings
 * that are not finite numbers ≥ 0, or that round above 65534 ms, are left out.
 */
export function buildPingLocation(
  model: PopRoutes,
  pings: ReadonlyMap<number, number>,
  isTarget: (popIndex: number) => boolean,
): PingLocation {
  const fronts: { readonly index: number; readonly ms: number; readonly extra: number }[] = [];
  for (const [index, pingMs] of pings) {
    if (!(Number.isFinite(pingMs) && pingMs >= 0)) continue;
    const ms = Math.round(pingMs);
    if (ms <= MAX_ROUTE_MS) fronts.push({ index, ms, extra: directExtraMs(ms) });
  }
  // Model order, so that of two equally good entry POPs the first in the model is taken.
  fronts.sort((x, y) => x.index - y.index);
  const routes: {
    readonly entry: PingLocationEntryInput;
    readonly routeMs: number;
    readonly index: number;
  }[] = [];
  for (let target = 0; target < model.pops.length; target++) {
    if (!isTarget(target)) continue;
    const direct = fronts.find((front) => front.index === target);
    let via: { ms: number; extra: number; popId: number } | undefined;
    for (const front of fronts) {
      if (front.index === target) continue;
      const ms = front.ms + model.backbone.rttMs(front.index, target);
      if (ms > MAX_ROUTE_MS) continue;
      const better =
        via === undefined ||
        ms + front.extra < via.ms + via.extra ||
        (ms + front.extra === via.ms + via.extra && ms < via.ms);
      if (better) via = { ms, extra: front.extra, popId: model.pops[front.index]!.id };
    }
    const shown =
      via !== undefined &&
      (direct === undefined || via.ms + via.extra <= direct.ms + direct.extra + VIA_TOLERANCE_MS);
    if (direct === undefined && !shown) continue;
    const popId = model.pops[target]!.id;
    const entry: PingLocationEntryInput = {
      popId,
      direct: direct === undefined ? undefined : { ms: direct.ms, extra: direct.extra },
      via: shown ? { ms: via!.ms, extra: via!.extra } : undefined,
      relayPopId: shown ? via!.popId : undefined,
    };
    routes.push({ entry, routeMs: shown ? via!.ms : direct!.ms, index: target });
  }
  routes.sort((x, y) => x.routeMs - y.routeMs || x.index - y.index);
  return PingLocation.fromEntries(
    routes.slice(0, MAX_PING_LOCATION_ENTRIES).map((route) => route.entry),
  );
}
