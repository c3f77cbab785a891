/**
 * What both builds of the `@relaylane/steam-net-utils/beacons` entry export besides their own
 * `beaconsBackend` (the browser's and Node's differ only in their default transport).
 */
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
} from './index.js';
export {
  type BeaconAddress,
  encodeProbe,
  PROBE_BYTES,
  type ProbeOutcome,
  type ProbeTransport,
  sequenceOfReply,
} from '../../port/probe-transport.js';
export {
  type PopMeasurements,
  PopMeasurementsCapability,
  type PopStatistics,
} from '../../port/pop-measurements.js';
