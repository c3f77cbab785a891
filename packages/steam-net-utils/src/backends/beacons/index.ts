/**
 * The beacons backend: real pings, measured by the player to beacons the game deploys, behind
 * GodotSteam's API. See beacons-relay-network.ts for the lifecycle and docs/beacons.md.
 */
export {
  type Beacon,
  type BeaconListing,
  type BeaconNetwork,
  readBeaconNetwork,
} from './beacon-network.js';
export {
  type BeaconsBackendOptions,
  beaconsBackendWith,
  BeaconsOptionsError,
  createBeaconsNetwork,
  type DefaultTransportFactory,
} from './beacons-backend-provider.js';
export { BeaconsRelayNetwork, type BeaconsRelayNetworkOptions } from './beacons-relay-network.js';
export { fetchNetworkConfig } from './fetch-network-config.js';
export { STATISTICS_WINDOW } from './probe-statistics.js';
export {
  type WebSocketConstructor,
  type WebSocketLike,
  WebSocketProbeTransport,
} from './websocket-probe-transport.js';
export { webSocketTransport } from './browser-probe-transport.js';
export { timingWorkerWebSocketClass } from './timing-worker.js';
