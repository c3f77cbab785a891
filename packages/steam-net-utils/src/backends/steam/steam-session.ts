/**
 * Starting Steam for a backend: load the library, set the app id, `SteamAPI_InitFlat`, manual
 * dispatch, the callback pipe and the `ISteamNetworkingUtils` interface, in the SDK's order.
 *
 * What a failure leaves behind:
 * - the library cannot be loaded: nothing was started;
 * - `SteamAPI_InitFlat` fails: it has released what it acquired (the SDK's own samples return
 *   without `SteamAPI_Shutdown` then), so nothing is shut down; the app id variables are put back;
 * - Steam started but gives no pipe or interface: `SteamAPI_Shutdown` undoes the start and the app
 *   id variables are put back.
 * So a failed start can be retried (once the Steam client runs, for instance).
 */
import { loadSteamApi } from './native/load-steam-api.js';
import { type NativePointer, type SteamApi } from './native/steam-api.js';
import { readCString } from './native/structs.js';
import { STEAM_ERR_MSG_BYTES } from './native/struct-layouts.js';
import { applySteamAppId, resolveSteamAppId, type SteamEnvironment } from './steam-app-id.js';
import { SteamBackendStateError, SteamInitError, steamInitResultName } from './steam-errors.js';

/** What a running backend holds from Steam. */
export interface SteamSession {
  readonly api: SteamApi;
  /** The `ISteamNetworkingUtils *`. */
  readonly self: NativePointer;
  /** The `HSteamPipe` manual dispatch reads. */
  readonly pipe: number;
}

/** Starts Steam: returns the session, or throws leaving nothing initialised. */
export type SteamSessionStarter = () => SteamSession;

/** How to start Steam (the checked options of `createSteamBackend`). */
export interface SteamSessionOptions {
  /** A loaded binding to use instead of loading one. */
  readonly api?: SteamApi | undefined;
  readonly libraryPath?: string | undefined;
  readonly executableDir?: string | undefined;
  readonly appId?: number | undefined;
  readonly writeAppIdFile: boolean;
  /** Where `steam_appid.txt` is written. */
  readonly appIdFileDirectory: string;
  /** Where the loader and the app id read (and the app id is written). */
  readonly env: SteamEnvironment;
}

// One running backend per loaded library: Steam is one per process, and a second owner's
// shutdown() would pull the interface out from under the first (a use after free).
const owners = new Map<string, object>();

/** Records `owner` as the one running Steam through the library at `path`. */
export function claimSteam(path: string, owner: object): void {
  owners.set(path, owner);
}

/** Forgets `owner` as the one running Steam through `path` (nothing if another owns it). */
export function releaseSteam(path: string, owner: object): void {
  if (owners.get(path) === owner) {
    owners.delete(path);
  }
}

const WITHOUT_STEAM =
  'To run without Steam, use backend: simulatedBackend(), or [steamBackend(), simulatedBackend()] ' +
  'to fall back to it.';

const INIT_FIXES: Readonly<Record<number, string>> = {
  1:
    'Make sure the Steam client is installed, running and logged in (a missing steamclient ' +
    'library means it is not), that the app id is set (the appId option, the SteamAppId ' +
    'environment variable or steam_appid.txt next to the game) and that the account owns the ' +
    `app. ${WITHOUT_STEAM}`,
  2: `Start the Steam client and log in, then call init() again. ${WITHOUT_STEAM}`,
  3:
    'The Steam client is older than this libsteam_api: update the Steam client, or ship the ' +
    'libsteam_api of an older Steamworks SDK.',
};

/**
 * Starts Steam as the module comment describes.
 *
 * @throws SteamLibraryLoadError from the loader; SteamBackendStateError `STEAM_ALREADY_RUNNING`
 *   when another backend runs Steam through the same library (checked before `InitFlat`);
 *   SteamInitError `STEAM_INIT_FAILED` with Steam's message and result name, or
 *   `STEAM_INTERFACE_UNAVAILABLE`; the file system's error when `steam_appid.txt` cannot be
 *   written.
 */
export function startSteamSession(options: SteamSessionOptions): SteamSession {
  const api =
    options.api ??
    loadSteamApi({
      env: options.env,
      libraryPath: options.libraryPath,
      executableDir: options.executableDir,
    });
  if (owners.has(api.path)) {
    throw new SteamBackendStateError(
      'STEAM_ALREADY_RUNNING',
      `SteamBackend.init: another Steam backend is already running Steam through ` +
        `${api.path}. Steam is one per process: shut that backend down (or dispose its ` +
        'NetworkingUtils) first, or keep using it.',
    );
  }
  const appId = resolveSteamAppId(options.appId, options.env);
  const restoreAppId =
    appId === undefined
      ? () => undefined
      : applySteamAppId(appId, options.env, {
          writeFile: options.writeAppIdFile,
          cwd: options.appIdFileDirectory,
        });

  const message = new Uint8Array(STEAM_ERR_MSG_BYTES);
  let result: number;
  try {
    result = api.InitFlat(message);
  } catch (error) {
    restoreAppId();
    throw error;
  }
  if (result !== 0) {
    restoreAppId();
    // Read up to the NUL, never past the buffer's last byte.
    const steamMessage = readCString(message, 0, STEAM_ERR_MSG_BYTES - 1).trim();
    const appIdNote =
      appId === undefined ? 'no app id was given (appId option or SteamAppId)' : `app id ${appId}`;
    throw new SteamInitError(
      'STEAM_INIT_FAILED',
      `SteamAPI_InitFlat failed with ${steamInitResultName(result)} (${result}): ` +
        `${steamMessage === '' ? '(Steam gave no message)' : steamMessage} [library ${api.path}, ` +
        `${appIdNote}]. ${INIT_FIXES[result] ?? INIT_FIXES[1]!}`,
      { initResult: result, steamMessage },
    );
  }

  try {
    api.ManualDispatch_Init();
    const pipe = api.GetHSteamPipe();
    const self = api.SteamNetworkingUtils();
    if (self === null || pipe === 0) {
      throw new SteamInitError(
        'STEAM_INTERFACE_UNAVAILABLE',
        `Steam started but gave ${self === null ? 'no ISteamNetworkingUtils interface (SteamNetworkingUtils004)' : 'no callback pipe'} ` +
          `[library ${api.path}]. The library and the Steam client do not match: ship the ` +
          'libsteam_api of Steamworks SDK 1.59 or later and update the Steam client.',
        { initResult: 0, steamMessage: '' },
      );
    }
    return { api, self, pipe };
  } catch (error) {
    // Undo the start: nothing stays initialised behind the error.
    api.Shutdown();
    restoreAppId();
    throw error;
  }
}
