/**
 * Ping locations of the simulated relay network: the 512-byte binary form, the text form, the
 * estimate between two locations and the builder of a host's location. See docs/simulated-ping-location.md.
 */
export { decodePingLocation, encodePingLocation } from './binary-codec.js';
export { DecodedPingLocation } from './decoded-ping-location.js';
export { MAX_PING_LOCATION_ENTRIES, MAX_PING_MS, PING_LOCATION_SIZE } from './layout.js';
export {
  type PingLocationAnchor,
  type PingLocationData,
  type PingLocationEntry,
} from './ping-location-data.js';
export { type LocalHostSide, LocalHostEstimator } from './local-host-estimator.js';
export { pingLocationDataFor } from './ping-location-builder.js';
export { PingLocationEstimator } from './ping-location-estimator.js';
export { formatPingLocation, parsePingLocation, PING_LOCATION_TEXT_PREFIX } from './text-form.js';
