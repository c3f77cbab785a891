/**
 * `estimatePingTimeFromLocalHost` computed from scratch, without the cached local side and
 * without counting as a use of the relay network: the reference the cache is checked against.
 */
import {
  NETWORKING_AVAILABILITY_CURRENT,
  NETWORKING_PING_FAILED,
  NETWORKING_PING_UNKNOWN,
} from '../../../constants/index.js';
import { decodePingLocation } from '../ping-location/index.js';
import { type SimulatedRelayNetwork } from '../simulated-relay-network.js';
import { withoutPops } from '../simulated-world.js';

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
  const decoded = decodePingLocation(location, 'ignored');
  if (decoded === undefined) return NETWORKING_PING_UNKNOWN;
  const world = network.world;
  const remote = withoutPops(decoded, (popId) => world.isPopDown(popId));
  const model = world.model;
  let best = Infinity;
  for (const [localIndex, localMs] of local.effectivePings()) {
    for (const entry of remote.entries) {
      const remoteIndex = model.popIndex(entry.popId);
      if (remoteIndex < 0) continue;
      const total = localMs + model.backbone.rttMs(localIndex, remoteIndex) + entry.pingMs;
      if (total < best) best = total;
    }
  }
  if (best === Infinity) return NETWORKING_PING_FAILED;
  // As the estimator does: a direct route between the anchors only lowers a relayed estimate.
  const anchor = local.localAnchor();
  const remoteAnchor = remote.anchor;
  const hubCount = model.internet.topology.hubs.length;
  if (anchor !== undefined && remoteAnchor !== undefined && remoteAnchor.hubIndex < hubCount) {
    const direct =
      anchor.accessMs +
      model.internet.hubRttMs(anchor.hubIndex, remoteAnchor.hubIndex) +
      remoteAnchor.accessMs;
    if (direct < best) best = direct;
  }
  return Math.round(best);
}
