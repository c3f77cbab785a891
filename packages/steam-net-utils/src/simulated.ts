// @relaylane/steam-net-utils/simulated — the simulated relay network's world: its controls (move
// the player, inject faults), the shared world many simulated hosts live in, and its catalogues of
// POPs and cities. The backend choice itself, `simulatedBackend()`, is on the main entry.

// The controls, reached through the service: networkingUtils.capability(SimulationControlsCapability).
export {
  type SimulationControls,
  SimulationControlsCapability,
} from './backends/simulated/simulation-controls.js';
export { FAKE_IP_REQUEST_MS } from './backends/simulated/simulated-relay-network.js';

// The world that simulated hosts share (a player and the lobby hosts of a test or a demo).
export {
  DEFAULT_HOST_CONNECTION,
  SimulatedWorld,
  SimulatedWorldError,
  type SimulatedWorldOptions,
  type WorldFaultChange,
  WorldHost,
  type WorldHostOptions,
} from './backends/simulated/simulated-world.js';
export { type HostLocation } from './backends/simulated/host-location.js';

// Its places.
export {
  CITY_CATALOGUE,
  type City,
  type ConnectionType,
  CONNECTION_TYPES,
  findCity,
  formatLatLon,
  getPopInfo,
  getPopInfoByCode,
  type LatLon,
  POP_CATALOGUE,
  type PopInfo,
  type Seed,
  suggestCities,
  WorldRangeError,
} from './backends/simulated/world/index.js';
