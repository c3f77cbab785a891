/**
 * The simulated relay network's world: places (POPs, cities, countries), the internet between
 * them and the latency model built on it. See docs/simulation-model.md for the model and its constants.
 */
export {
  CITY_CATALOGUE,
  type City,
  describeUnknownCity,
  findCity,
  foldPlaceName,
  suggestCities,
} from './cities.js';
export {
  CONNECTION_PROFILES,
  CONNECTION_TYPES,
  type ConnectionProfile,
  type ConnectionType,
  isConnectionType,
} from './connection-types.js';
export { type Continent, type Country, getCountry, listCountries } from './countries.js';
export {
  assertLatLon,
  EARTH_MEAN_RADIUS_KM,
  FIBER_KM_PER_MS,
  FIBER_RTT_MS_PER_KM,
  fiberBoundRttMs,
  formatLatLon,
  greatCircleKm,
  isValidLatLon,
  type LatLon,
  pathKm,
} from './geo.js';
export {
  defaultInternetTopology,
  type HubAttachment,
  type InternetHub,
  type InternetLink,
  InternetTopology,
  LAND_ROUTE_FACTOR,
  SEA_ROUTE_FACTOR,
  type ShortestPaths,
} from './internet-topology.js';
export {
  HUB_ROWS,
  type HubRow,
  LINK_ROWS,
  type LinkKind,
  type LinkOptions,
  type LinkRow,
  TRANSIT_ZONES,
  type TransitZone,
  WELL_PEERED_HUBS,
} from './internet-hubs.js';
export {
  DEFAULT_LATENCY_PARAMETERS,
  type HostOptions,
  LatencyModel,
  type LatencyModelOptions,
  type LatencyModelParameters,
  type Place,
  type ProbeOutcome,
  type RelayedEstimate,
  type SimulatedHost,
} from './latency-model.js';

export {
  type ChinaCarrier,
  getPopInfo,
  getPopInfoByCode,
  POP_CATALOGUE,
  type PopInfo,
} from './pops.js';
export {
  type AttachedPoint,
  PublicInternet,
  type PublicInternetParameters,
} from './public-internet.js';
export { hashLabel, mix32, type Seed, SeededRandom } from './random.js';
export { RelayBackbone } from './relay-backbone.js';
export { WorldRangeError } from './world-errors.js';
