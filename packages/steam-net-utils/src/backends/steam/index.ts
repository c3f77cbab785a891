// @relaylane/steam-net-utils/steam — the Node-only entry point: the Steam backend over the real
// Steam client library through koffi. Importing it loads nothing; the library is found and loaded
// by the backend's init() (or by loadSteamApi(), for diagnostics). The main entry never imports
// this one, so a browser bundle of the main entry contains no koffi.

// The backend and how the service picks it.
export {
  createSteamBackend,
  type SteamBackendOptions,
  steamBackendProvider,
} from './create-steam-backend.js';
export {
  MAX_DISPATCHED_CALLBACKS_PER_FRAME,
  MAX_POP_LIST_LENGTH,
  type SteamBackendDiagnostics,
  SteamworksBackend,
} from './steamworks-backend.js';
export { liveNativeCallbackCount } from './native-callback-owner.js';
export { MAX_QUEUED_DEBUG_MESSAGES } from './steam-event-queue.js';
export { STEAM_APP_ID_FILE, type SteamEnvironment } from './steam-app-id.js';

// The errors.
export {
  SteamBackendStateError,
  type SteamBackendStateErrorCode,
  SteamInitError,
  type SteamInitErrorCode,
  steamInitResultName,
} from './steam-errors.js';
export {
  loadSteamApi,
  type LoadSteamApiOptions,
  STEAM_API_PATH_ENV,
  type SteamLibraryAttempt,
  SteamLibraryLoadError,
  type SteamLibraryLoadErrorCode,
  type SteamLibraryLocation,
} from './native/load-steam-api.js';

// The binding's shape, for a binding passed as the `api` option.
export type { NativePointer, SteamApi } from './native/steam-api.js';
export type { SteamPlatform } from './native/steam-platform.js';
