// @relaylane/steam-net-utils — the browser-safe main entry: GodotSteam's Networking Utils service,
// its plugin for @relaylane/core, every constant and enum, the seam a backend implements, and the
// simulated backend's provider. Everything is tree-shakable (the package has no side effects): a
// build carries only the backends it names. Other entries:
//   @relaylane/steam-net-utils/simulated  the simulated world: controls, shared world, catalogues
//   @relaylane/steam-net-utils/steam      the Steam backend through koffi (Node and Electron)

// Every constant and enum of the reference, Steam's EResult, the config value table.
export * from './constants/index.js';

// The service, its signals and dictionaries, and its container tokens.
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
} from './service/dictionaries.js';
export { NetworkingUtilsError, type NetworkingUtilsErrorCode } from './service/errors.js';
export {
  NETWORKING_UTILS_ADDED_METHODS,
  NETWORKING_UTILS_METHODS,
  type NetworkingUtilsMethodName,
} from './service/method-names.js';
export { NetworkingUtils } from './service/networking-utils.js';
export {
  FAKE_IP_MAX_RETURN_PORTS,
  NETWORKING_UTILS_SIGNAL_DECLARATIONS,
  type NetworkingUtilsSignals,
} from './service/networking-utils-signals.js';
export {
  type BackendFallback,
  type BackendSelectionInfo,
  type NetworkingUtilsOptions,
} from './service/service-options.js';
export { NetworkingUtilsInjection } from './service/injection-tokens.js';
export { NetworkingUtilsTokens } from './service/tokens.js';

// Choosing the backend, and building the service without an engine or as a plugin.
export {
  type BackendChoice,
  type BackendSelection,
  BackendSelectionError,
  type BackendSelectionErrorCode,
  selectBackend,
} from './compose/select-backend.js';
export {
  createNetworkingUtils,
  type CreateNetworkingUtilsOptions,
} from './compose/create-networking-utils.js';
export {
  NETWORKING_UTILS_SINGLETON,
  NetworkingUtilsPlugin,
  type NetworkingUtilsPluginOptions,
} from './plugin/networking-utils-plugin.js';
export { NetConsolePlugin } from './plugin/net-console-plugin.js';
export {
  DEBUG_MESSAGE_BUFFER_SIZE,
  registerNetConsoleCommands,
} from './console/net-console-commands.js';

// The simulated relay network as a backend choice (its world: the `/simulated` entry).
export {
  DEFAULT_SIMULATED_HOST_LOCATION,
  DEFAULT_SIMULATION_SEED,
  simulatedBackend,
  type SimulatedBackendOptions,
} from './backends/simulated/simulated-backend-provider.js';

// The seam a backend implements, and what every backend shares.
export {
  type BackendConnectionInfo,
  type BackendEventSink,
  type GlobalCallbackKind,
  MAX_PING_LOCATION_TEXT_LENGTH,
  type NetworkingUtilsBackend,
  PING_LOCATION_BYTES,
  type RelayNetworkStatus,
} from './port/networking-utils-backend.js';
export { type BackendEnvironment, type BackendProvider } from './port/backend-provider.js';
export {
  type BackendCapability,
  backendCapability,
  ConsoleCommandsCapability,
  type PopDescription,
  type PopDirectory,
  PopDirectoryCapability,
} from './port/backend-capability.js';
export {
  type PopMeasurements,
  PopMeasurementsCapability,
  type PopStatistics,
} from './port/pop-measurements.js';
export { type BackendEvent, deliverBackendEvent } from './port/backend-events.js';
export { BackendEventQueue, MAX_QUEUED_DEBUG_MESSAGES } from './port/backend-event-queue.js';
export { BackendStateError, type BackendStateErrorCode } from './port/backend-errors.js';
export { passesDebugOutputLevel } from './port/debug-output-level.js';
export { decodeConfigValueBytes, encodeConfigValueBytes } from './port/config-value-bytes.js';
export { PreparedPingLocation } from './port/prepared-ping-location.js';
export { isPopCode, PopIdError, popCodeFromId, popIdFromCode } from './estimator/pop-id.js';
export { comparePings } from './port/ping-order.js';

// Region picking, lobby ranking by ping, ping quality bands.
export * from './matchmaking/index.js';
