/**
 * The `NetworkingUtils` service: GodotSteam's Networking Utils surface (32 methods, GodotSteam's
 * dictionaries and signals) over any `NetworkingUtilsBackend`.
 */
export type {
  ConfigValueInfo,
  ConfigValueResult,
  LocalPingLocation,
  NetworkConnectionInfo,
  ParsedPingLocation,
  PingToDataCenter,
  RealIdentityForFakeIP,
  RelayNetworkStatusDetails,
  TypedConfigValueResult,
} from './dictionaries.js';
export { PreparedPingLocation } from '../port/prepared-ping-location.js';
export { NetworkingUtilsError, type NetworkingUtilsErrorCode } from './errors.js';
export {
  NETWORKING_UTILS_ADDED_METHODS,
  NETWORKING_UTILS_METHODS,
  type NetworkingUtilsMethodName,
} from './method-names.js';
export {
  type BackendSelectionInfo,
  MAX_PING_LOCATION_TEXT_LENGTH,
  NetworkingUtils,
  type NetworkingUtilsOptions,
} from './networking-utils.js';
export {
  FAKE_IP_MAX_RETURN_PORTS,
  NETWORKING_UTILS_SIGNAL_DECLARATIONS,
  type NetworkingUtilsSignals,
} from './networking-utils-signals.js';
