// @relaylane/steam-net-utils/beacons, as Node resolves it: the same names as beacons.ts, with
// Node's transport (UDP to every beacon with a UDP echo, WebSocket to the others), and the UDP
// transport on its own (it also pings PlayFab's QoS beacons).
import { beaconsBackendWith } from './backends/beacons/index.js';
import { NodeProbeTransport } from './node-transports/node-probe-transport.js';

/**
 * The beacons backend, for the `backend` option (see beacons.ts); in Node its probes go over UDP
 * where a beacon has a UDP echo.
 */
export const beaconsBackend = beaconsBackendWith((now) => new NodeProbeTransport(now));

export {
  type Beacon,
  type BeaconListing,
  type BeaconNetwork,
  type BeaconsBackendOptions,
  BeaconsOptionsError,
  readBeaconNetwork,
  STATISTICS_WINDOW,
  type WebSocketConstructor,
  type WebSocketLike,
  WebSocketProbeTransport,
} from './backends/beacons/index.js';
export {
  type BeaconAddress,
  encodeProbe,
  PROBE_BYTES,
  type ProbeOutcome,
  type ProbeTransport,
  sequenceOfReply,
} from './port/probe-transport.js';
export {
  type PopMeasurements,
  PopMeasurementsCapability,
  type PopStatistics,
} from './port/pop-measurements.js';
export { NodeProbeTransport } from './node-transports/node-probe-transport.js';
export { splitUdpEndpoint, UdpProbeTransport } from './node-transports/udp-probe-transport.js';
