/**
 * Builds a host's ping location from what it measured: the best route to every POP (direct, or
 * through another POP's relay), the nearest ones kept, and the host's anchor on the internet
 * graph.
 */
import { type LatencyModel, type SimulatedHost } from '../world/index.js';
import { MAX_HUB_INDEX, MAX_PING_LOCATION_ENTRIES, MAX_PING_MS } from './layout.js';
import {
  type PingLocationAnchor,
  type PingLocationData,
  type PingLocationEntry,
} from './ping-location-data.js';
import { popTable } from './pop-table.js';

/**
 * The ping location of `host` in `model`, from its measured round trips `measuredPings`
 * (POP id → ms, e.g. the smoothed probe results).
 *
 * - A measured ping is usable when it is a finite number ≥ 0 to a POP that both the model and
 *   the POP catalogue know; anything else (a failed probe written as a negative sentinel,
 *   `NaN`, an unknown POP id) is skipped.
 * - The route to each POP is the best of the direct ping and, for every usable POP r, the ping
 *   to r plus the backbone from r: `GetPingToDataCenter`'s "best available relayed route". A
 *   relay is recorded only when it is strictly faster than the direct ping.
 * - Routes are rounded to whole ms; those above 65534 ms are dropped. The
 *   {@link MAX_PING_LOCATION_ENTRIES} fastest are kept, sorted by ping then POP id.
 * - The anchor is the host's entry hub with the cheapest access (metro, backhaul, the host's own
 *   last mile), rounded to whole ms; it is left out if it does not fit the format.
 *
 * With no usable ping the location has no entries (estimates from it are
 * `NETWORKING_PING_FAILED`). Throws a `TypeError` when `measuredPings` is not a `Map`.
 */
export function pingLocationDataFor(
  model: LatencyModel,
  host: SimulatedHost,
  measuredPings: ReadonlyMap<number, number>,
): PingLocationData {
  if (!(measuredPings instanceof Map)) {
    throw new TypeError(
      `pingLocationDataFor's parameter 'measuredPings' must be a Map from POP id to ping in ms; got ${typeof measuredPings}.`,
    );
  }
  const table = popTable();
  // The POPs a location can name: in the catalogue and simulated by the model.
  const candidates: { readonly popId: number; readonly modelIndex: number }[] = [];
  for (const popId of table.ids) {
    const modelIndex = model.popIndex(popId);
    if (modelIndex >= 0) candidates.push({ popId, modelIndex });
  }
  // The usable measured pings; each is a relay every other POP may be reached through.
  const usable: { readonly popId: number; readonly modelIndex: number; readonly pingMs: number }[] =
    [];
  for (const candidate of candidates) {
    const pingMs = measuredPings.get(candidate.popId);
    if (typeof pingMs === 'number' && Number.isFinite(pingMs) && pingMs >= 0) {
      usable.push({ ...candidate, pingMs });
    }
  }

  const routes: PingLocationEntry[] = [];
  for (const { popId, modelIndex } of candidates) {
    let best = usable.find((relay) => relay.popId === popId)?.pingMs ?? Infinity;
    let relayPopId: number | undefined;
    for (const relay of usable) {
      if (relay.popId === popId) continue;
      const total = relay.pingMs + model.backbone.rttMs(relay.modelIndex, modelIndex);
      // Strictly faster only: a tie keeps the direct route.
      if (total < best) {
        best = total;
        relayPopId = relay.popId;
      }
    }
    const pingMs = Math.round(best);
    if (!(pingMs <= MAX_PING_MS)) continue; // Infinity (unreachable) or too slow to store
    routes.push(relayPopId === undefined ? { popId, pingMs } : { popId, pingMs, relayPopId });
  }
  routes.sort((x, y) => x.pingMs - y.pingMs || x.popId - y.popId);
  const entries = routes.slice(0, MAX_PING_LOCATION_ENTRIES);

  const anchor = anchorOf(model, host);
  return anchor === undefined ? { entries } : { entries, anchor };
}

/** The host's cheapest entry hub and its access round trip, or undefined if it cannot be stored. */
function anchorOf(model: LatencyModel, host: SimulatedHost): PingLocationAnchor | undefined {
  const internet = model.internet;
  const point = internet.locate(host.place, host.place.countryCode);
  let best: PingLocationAnchor | undefined;
  let bestMs = Infinity;
  for (const attachment of point.attachments) {
    const accessMs = internet.accessRttMs(attachment) + host.accessRttMs;
    if (accessMs < bestMs) {
      bestMs = accessMs;
      best = { hubIndex: attachment.hub, accessMs: Math.round(accessMs) };
    }
  }
  if (best === undefined || best.hubIndex > MAX_HUB_INDEX || best.accessMs > MAX_PING_MS) {
    return undefined;
  }
  return best;
}
