/**
 * Ping locations of the simulated relay network: a host's location written as real Steam clients
 * write theirs, and the two estimates over the world's relay network, on the estimator's kernels.
 * The text and 512-byte forms are the estimator's (`estimator/`). See docs/ping-location-text.md.
 */
export {
  buildPingLocation,
  directExtraMs,
  VIA_TOLERANCE_MS,
} from '../../../estimator/location-builder.js';
export { LocationEstimator, type PopDownTest } from '../../../estimator/location-estimator.js';
export { type LocalHostSide, LocalHostEstimator } from '../../../estimator/local-host-estimator.js';
