/**
 * The estimator: Steam's ping-location text, Valve's relay network and the estimates between
 * locations, with no engine, no simulation state and no native code. Shipped alone as
 * `@relaylane/steam-net-utils/estimator` (see the package README's "Estimating pings on a
 * game's backend").
 */
export { BACKBONE_ROUTE_FACTOR } from './backbone-fill.js';
export { estimate, type LocationInput } from './estimate.js';
export {
  EARTH_MEAN_RADIUS_KM,
  FIBER_KM_PER_MS,
  FIBER_RTT_MS_PER_KM,
  fiberBoundRttMs,
  greatCircleKm,
  type LatLon,
} from './geo.js';
export { LobbyLocations, MAX_RANKED_LOBBIES, RankedLobbies, rank } from './lobby-ranking.js';
export { MAX_PING_LOCATION_ENTRIES, MAX_ROUTE_MS } from './location-record.js';
export { MAX_PING_LOCATION_TEXT_LENGTH, NotAPingLocation, parse } from './ping-location-text.js';
export {
  isLocationPopCode,
  isPingLocation,
  PingLocation,
  type PingLocationEntry,
  type PingLocationEntryInput,
  PingLocationError,
  type PingRoute,
} from './ping-location.js';
export { isPopCode, PopIdError, popCodeFromId, popIdFromCode } from './pop-id.js';
export {
  type ConfiguredRelayNetwork,
  MAX_NETWORK_POPS,
  readNetworkConfig,
  readRelayNetworkConfig,
  RelayNetworkConfigError,
  type ValveNetworkConfig,
  valveNetworkConfig,
  valveRelayNetwork,
} from './relay-network-config.js';
export {
  RelayNetwork,
  type RelayNetworkData,
  type RelayPop,
  type TypicalPing,
} from './relay-network.js';
export {
  KNOWN_CORRECTIONS,
  type KnownCorrection,
  VALVE_NETWORK_REVISION,
} from './valve-relay-network.js';
