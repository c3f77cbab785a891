/**
 * `estimatePingTimeFromLocalHost` computed from scratch, without the cached local side and
 * without counting as a use of the relay network: the reference the cache is checked against.
 * It reads the remote location with the estimator's public API and sums the terms itself: the
 * local host's ping, up to two backbone hops, the remote route.
 */
import {
  NETWORKING_AVAILABILITY_CURRENT,
  NETWORKING_PING_FAILED,
  NETWORKING_PING_UNKNOWN,
} from '../../../constants/index.js';
import { pingLocationFromBytes } from '../../../estimator/ping-location-bytes.js';
import { type SimulatedRelayNetwork } from '../simulated-relay-network.js';

/** The estimate from `network`'s host to `location`, derived again from its raw inputs. */
export function referenceLocalEstimate(
  network: SimulatedRelayNetwork,
  location: Uint8Array,
): number {
  const status = network.peekRelayNetworkStatus();
  const local = network.localSide;
  if (local.current() === undefined) {
    const failed = status.availableAnyRelay < 0 || status.availableNetworkConfig < 0;
    return failed ? NETWORKING_PING_FAILED : NETWORKING_PING_UNKNOWN;
  }
  if (status.availableAnyRelay !== NETWORKING_AVAILABILITY_CURRENT) return NETWORKING_PING_FAILED;
  const remote = pingLocationFromBytes(location);
  if (remote === undefined) return NETWORKING_PING_UNKNOWN;
  const world = network.world;
  const model = world.model;
  const isDown = (popId: number | undefined): boolean =>
    popId !== undefined && world.isPopDown(popId);
  // Up to two backbone hops from a POP the local host pinged, through any POP that is up (the
  // hop may be to itself: backbone 0), to the remote entry's POP.
  const upPops = model.pops.flatMap((pop, index) => (world.isPopDown(pop.id) ? [] : [index]));
  let best = Infinity;
  for (const [localIndex, localMs] of local.effectivePings()) {
    for (const entry of remote.entries()) {
      if (isDown(entry.popId) || isDown(entry.relayPopId)) continue;
      const remotePop = model.pops.findIndex(
        (pop) => pop.id === entry.popId || pop.aliases.includes(entry.code),
      );
      if (remotePop < 0) continue;
      for (const through of upPops) {
        const total =
          localMs +
          model.backbone.rttMs(localIndex, through) +
          model.backbone.rttMs(through, remotePop) +
          entry.routeMs;
        if (total < best) best = total;
      }
    }
  }
  return best === Infinity ? NETWORKING_PING_FAILED : Math.round(best);
}
