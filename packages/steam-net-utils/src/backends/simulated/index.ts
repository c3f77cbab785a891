/**
 * The simulated relay network: a world many hosts share, each host's `NetworkingUtilsBackend`,
 * the faults that can be injected and the dev console commands that inject them.
 */
export {
  createSimulatedBackend,
  type CreateSimulatedBackendOptions,
  DEFAULT_SIMULATED_HOST_LOCATION,
} from './create-simulated-backend.js';
export { availabilityName, type DebugSubsystem } from './debug-messages.js';
export { type HostLocation, resolveHostLocation, type ResolvedLocation } from './host-location.js';
export { PING_SMOOTHING_BEST, PING_SMOOTHING_WINDOW, smoothPing } from './ping-measurement.js';
export {
  CONFIG_FETCH_MS,
  CONFIG_TIMEOUT_MS,
  KEEPALIVE_INTERVAL_MS,
  KEEPALIVE_POPS,
  MAX_MEASUREMENT_MS,
  MIN_FRESH_ANSWERS,
  PING_DATA_REFRESH_AGE_MS,
  PROBE_ROUND_INTERVAL_MS,
  PROBE_TIMEOUT_MS,
  RETRY_BACKOFF_MS,
} from './relay-lifecycle.js';
export {
  FAKE_IP_REQUEST_MS,
  SimulatedNetworkError,
  SimulatedRelayNetwork,
  type SimulatedRelayNetworkOptions,
} from './simulated-relay-network.js';
export {
  DEFAULT_HOST_CONNECTION,
  SimulatedWorld,
  SimulatedWorldError,
  type SimulatedWorldOptions,
  type WorldFaultChange,
  WorldHost,
  type WorldHostOptions,
} from './simulated-world.js';
export {
  createSimulationCommands,
  parseLocationWords,
  registerSimulationCommands,
} from './simulation-commands.js';
export {
  DEFAULT_MIN_PINGS,
  parseFakeClusterPing,
  parseRelayClusterList,
} from './simulation-settings.js';
