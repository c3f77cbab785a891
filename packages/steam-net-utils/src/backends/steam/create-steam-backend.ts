import { describeValue } from '@relaylane/core';

import { type BackendProvider } from '../../port/backend-provider.js';
import { type SteamApi } from './native/steam-api.js';
import { isSteamAppId, resolveSteamAppId, type SteamEnvironment } from './steam-app-id.js';
import { startSteamSession } from './steam-session.js';
import { SteamBackend } from './steam-backend.js';

/** Options of {@link createSteamBackend}; all optional. */
export interface SteamBackendOptions {
  /** The library file to load, tried first (else `RELAYLANE_STEAM_API_PATH`, next to the executable, steamworks.js's copy). */
  readonly libraryPath?: string;
  /** The folder a shipped game keeps `libsteam_api` in, when it is not `process.execPath`'s (Electron: the app's folder). */
  readonly executableDir?: string;
  /**
   * The Steam app id (1 to 4294967295). Set as `SteamAppId`/`SteamGameId` for Steam to read; when
   * absent, the environment's `SteamAppId` (or `steam_appid.txt`) is Steam's.
   */
  readonly appId?: number;
  /** Also write `steam_appid.txt` (development only; Steam reads it from the working directory). Default false. */
  readonly writeAppIdFile?: boolean;
  /** Where `steam_appid.txt` is written (default `process.cwd()`, where Steam reads it). */
  readonly appIdFileDirectory?: string;
  /** The environment read for the library path and app id and written for the app id (default `process.env`). */
  readonly env?: SteamEnvironment;
  /**
   * A loaded binding (`loadSteamApi(...)`) to use instead of loading one, as better-sqlite3's
   * `nativeBinding` option: a test double or a library loaded elsewhere.
   */
  readonly api?: SteamApi;
}

const OPTION_NAMES: readonly string[] = [
  'libraryPath',
  'executableDir',
  'appId',
  'writeAppIdFile',
  'appIdFileDirectory',
  'env',
  'api',
];

/**
 * Makes the Steam backend. Nothing is loaded and Steam is not started until its `init()`.
 *
 * ```ts
 * import { createNetworkingUtils } from '@relaylane/steam-net-utils';
 * import { createSteamBackend } from '@relaylane/steam-net-utils/steam';
 * const backend = createSteamBackend({ appId: 480 });
 * backend.init(); // throws SteamInitError with Steam's reason when Steam is not running
 * const networkingUtils = createNetworkingUtils({ backend });
 * ```
 *
 * @throws TypeError when `options` is not an object, has a key that is not an option, or an
 *   option of the wrong type; RangeError when `appId` is not an integer from 1 to 4294967295, or
 *   `writeAppIdFile` is true with no app id (option or `SteamAppId`) to write.
 */
export function createSteamBackend(options: SteamBackendOptions = {}): SteamBackend {
  const where = 'createSteamBackend';
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${where}: options must be an object, got ${describeValue(options)}`);
  }
  const unknown = Object.keys(options).filter((key) => !OPTION_NAMES.includes(key));
  if (unknown.length > 0) {
    throw new TypeError(
      `${where}: unknown option${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')}; the ` +
        `options are ${OPTION_NAMES.join(', ')}`,
    );
  }
  const text = (
    name: 'libraryPath' | 'executableDir' | 'appIdFileDirectory',
  ): string | undefined => {
    const value = options[name];
    if (value !== undefined && (typeof value !== 'string' || value === '')) {
      throw new TypeError(
        `${where}: ${name} must be a non-empty path string, got ${describeValue(value)}`,
      );
    }
    return value;
  };
  const libraryPath = text('libraryPath');
  const executableDir = text('executableDir');
  const appIdFileDirectory = text('appIdFileDirectory') ?? process.cwd();
  const { appId, writeAppIdFile = false, api } = options;
  if (appId !== undefined && !isSteamAppId(appId)) {
    const error = typeof appId === 'number' ? RangeError : TypeError;
    throw new error(
      `${where}: appId must be an integer from 1 to 4294967295 (your Steam app id), got ` +
        describeValue(appId),
    );
  }
  if (typeof writeAppIdFile !== 'boolean') {
    throw new TypeError(
      `${where}: writeAppIdFile must be true or false, got ${describeValue(writeAppIdFile)}`,
    );
  }
  const env = options.env ?? process.env;
  if (typeof env !== 'object' || env === null) {
    throw new TypeError(
      `${where}: env must be an object of environment variables, got ${describeValue(env)}`,
    );
  }
  if (writeAppIdFile && resolveSteamAppId(appId, env) === undefined) {
    throw new RangeError(
      `${where}: writeAppIdFile is true but there is no app id to write (no appId option, no numeric SteamAppId); pass appId as well`,
    );
  }
  if (
    api !== undefined &&
    (typeof api !== 'object' || api === null || typeof api.InitFlat !== 'function')
  ) {
    throw new TypeError(
      `${where}: api must be a binding from loadSteamApi(), got ${describeValue(api)}`,
    );
  }
  return new SteamBackend(() =>
    startSteamSession({
      env,
      writeAppIdFile,
      appIdFileDirectory,
      api,
      libraryPath,
      executableDir,
      appId,
    }),
  );
}

/**
 * The Steam backend, for the `backend` option: created and started (`init()`) when the service is
 * built. Alone it is "Steam or an error"; first in a list it is "Steam when it runs":
 *
 * ```ts
 * import { createNetworkingUtils, simulatedBackend } from '@relaylane/steam-net-utils';
 * import { steamBackend } from '@relaylane/steam-net-utils/steam';
 * const networkingUtils = createNetworkingUtils({
 *   backend: [steamBackend({ appId: 480 }), simulatedBackend()],
 * });
 * ```
 *
 * The options are checked at once (as {@link createSteamBackend} checks them); loading the library
 * and starting Steam happen in `create`, which throws Steam's reason when it cannot.
 */
export function steamBackend(options: SteamBackendOptions = {}): BackendProvider {
  // Checked now, so a typo in the options fails where it is written, not at the first fallback.
  createSteamBackend(options);
  return {
    kind: 'steam',
    create: () => {
      const backend = createSteamBackend(options);
      // init() leaves nothing half-initialised when it throws (the Steam backend's contract).
      backend.init();
      return backend;
    },
  };
}
