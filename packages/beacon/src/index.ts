/**
 * @relaylane/beacon: a ping beacon to run in each region. `startBeacon` runs one in this process;
 * `parseBeaconArguments` reads a command line as the `relaylane-beacon` bin does.
 */
export { startBeacon, type HealthDocument, type RunningBeacon } from './beacon.js';
export type { UdpEchoCounts } from './echo/udp-echo-server.js';
export type { WsEchoCounts } from './echo/ws-echo-server.js';
export { MAX_ECHO_BYTES } from './echo/echo-datagram.js';
export type { LinkEmulation } from './echo/link-emulation.js';
export {
  BeaconOptionError,
  type BeaconOptionErrorCode,
  BeaconStartError,
  type BeaconStartErrorCode,
} from './errors.js';
export { LOG_LEVELS, type LogLevel, type LogRecord, type LogSink } from './log/logger.js';
export type {
  BackboneEntry,
  BeaconDescription,
  GeoPair,
  NetworkConfig,
  PeerHealth,
  PopEntry,
  ProbeEndpoints,
} from './mesh/documents.js';
export { BEACON_DEFAULTS, type BeaconOptions } from './options/beacon-options.js';
export { type BeaconCommand, parseBeaconArguments } from './options/parse-arguments.js';
export { type Geo, POP_CODE } from './options/validate.js';
export { type CliIo, runBeaconCli, type StopSignal } from './run-cli.js';
export type { BeaconClock, BeaconTimer } from './time/clock.js';
export { BEACON_VERSION } from './version.js';
