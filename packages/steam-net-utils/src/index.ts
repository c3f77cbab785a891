// @relaylane/steam-net-utils — the browser-safe main entry point: GodotSteam's Networking Utils
// service, its plugin for @relaylane/core, every constant and enum, and the simulated relay
// network. The Steam backend (koffi, Node only) is not part of this entry.

// Every constant and enum of the reference, Steam's EResult, the config value table.
export * from './constants/index.js';

// The backend seam.
export {
  type BackendConnectionInfo,
  type BackendEventSink,
  type GlobalCallbackKind,
  type NetworkingUtilsBackend,
  PING_LOCATION_BYTES,
  type RelayNetworkStatus,
} from './port/networking-utils-backend.js';
export { decodeConfigValueBytes, encodeConfigValueBytes } from './port/config-value-bytes.js';

// The service.
export * from './service/index.js';

// Building it: without a container, or as a plugin.
export * from './compose/select-backend.js';
export * from './compose/create-networking-utils.js';
export * from './plugin/networking-utils-plugin.js';
export * from './service/tokens.js';
export {
  registerNetConsoleCommands,
  DEBUG_MESSAGE_BUFFER_SIZE,
} from './console/net-console-commands.js';

// Region picking, lobby ranking by ping, ping quality bands.
export * from './matchmaking/index.js';

// The simulated relay network and its world.
export * from './backends/simulated/index.js';
export {
  type ConnectionType,
  type LatLon,
  getPopInfo,
  getPopInfoByCode,
  type PopInfo,
  POP_CATALOGUE,
  popCodeFromId,
  popIdFromCode,
  CITY_CATALOGUE,
  findCity,
  suggestCities,
} from './backends/simulated/world/index.js';

// Time, re-exported so a script needs one import.
export { type Clock, ManualClock, SystemClock } from '@relaylane/core';
