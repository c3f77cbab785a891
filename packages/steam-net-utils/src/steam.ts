// @relaylane/steam-net-utils/steam — the Node-only entry: the Steam backend over the real Steam
// client library through koffi. Importing it loads nothing: the library is found and loaded when
// the backend starts (or by loadSteamApi(), for diagnostics). The main entry never imports this
// one, so a browser bundle of the main entry contains no koffi.

// The backend choice, and the backend itself for a game that builds it by hand.
export {
  createSteamBackend,
  type SteamBackendOptions,
  steamBackend,
} from './backends/steam/create-steam-backend.js';
export {
  MAX_DISPATCHED_CALLBACKS_PER_FRAME,
  MAX_POP_LIST_LENGTH,
  type SteamBackendDiagnostics,
  SteamBackend,
} from './backends/steam/steam-backend.js';
export { liveNativeCallbackCount } from './backends/steam/native-callback-owner.js';
export { STEAM_APP_ID_FILE, type SteamEnvironment } from './backends/steam/steam-app-id.js';

// The errors.
export {
  SteamBackendStateError,
  type SteamBackendStateErrorCode,
  SteamDebugOutputError,
  SteamInitError,
  type SteamInitErrorCode,
  steamInitResultName,
} from './backends/steam/steam-errors.js';
export {
  loadSteamApi,
  type LoadSteamApiOptions,
  STEAM_API_PATH_ENV,
  type SteamLibraryAttempt,
  SteamLibraryLoadError,
  type SteamLibraryLoadErrorCode,
  type SteamLibraryLocation,
} from './backends/steam/native/load-steam-api.js';

// The binding's shape, for a binding passed as the `api` option.
export type { NativePointer, SteamApi } from './backends/steam/native/steam-api.js';
export type { SteamPlatform } from './backends/steam/native/steam-platform.js';
