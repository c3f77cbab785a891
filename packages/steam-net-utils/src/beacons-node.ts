// @relaylane/steam-net-utils/beacons, as Node resolves it: the names of beacons.ts, with Node's
// transport (UDP to every beacon with a UDP echo, WebSocket to the others), plus Node's transports
// on their own (the UDP one also pings PlayFab's QoS beacons). Its types are beacons-node.d.ts.
import { nodeBeaconsBackend } from './node-transports/node-beacons-backend.js';

/**
 * The beacons backend, for the `backend` option (see beacons.ts); in Node its probes go over UDP
 * where a beacon has a UDP echo.
 */
export const beaconsBackend = nodeBeaconsBackend;

export * from './backends/beacons/public-api.js';
export { NodeProbeTransport } from './node-transports/node-probe-transport.js';
export { splitUdpEndpoint, UdpProbeTransport } from './node-transports/udp-probe-transport.js';
