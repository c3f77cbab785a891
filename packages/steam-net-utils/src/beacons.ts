// @relaylane/steam-net-utils/beacons — the beacons backend: real pings to beacons the game deploys
// (`@relaylane/beacon`), behind GodotSteam's API. This is the browser build, whose probes go over
// WebSocket; Node resolves the same entry to beacons-node.ts (UDP, and WebSocket where a beacon has
// no UDP echo), which exports these names and Node's transports.
import { beaconsBackendWith, webSocketTransport } from './backends/beacons/index.js';

/**
 * The beacons backend, for the `backend` option:
 *
 * ```ts
 * createNetworkingUtils({ backend: beaconsBackend({ networkConfigUrl: 'https://fra.example/network-config' }) });
 * ```
 *
 * Its `create` throws `BeaconsOptionsError` for options without a config URL or beacons, and when
 * the platform has no WebSocket and no transport is given.
 */
export const beaconsBackend = beaconsBackendWith(webSocketTransport);

export * from './backends/beacons/public-api.js';
