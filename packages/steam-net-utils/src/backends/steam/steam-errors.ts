import { RelaylaneError } from '@relaylane/core';

/** `ESteamAPIInitResult`: what `SteamAPI_InitFlat` returns. */
export const STEAM_API_INIT_RESULT_NAMES: Readonly<Record<number, string>> = Object.freeze({
  0: 'OK',
  1: 'FailedGeneric',
  2: 'NoSteamClient',
  3: 'VersionMismatch',
});

/** The name of an `ESteamAPIInitResult` value (`'NoSteamClient'`), or `'Unknown(<n>)'`. */
export function steamInitResultName(result: number): string {
  return STEAM_API_INIT_RESULT_NAMES[result] ?? `Unknown(${result})`;
}

/**
 * The stable codes of {@link SteamInitError}:
 * - `STEAM_INIT_FAILED`: `SteamAPI_InitFlat` refused (no Steam client running, not logged in, no
 *   app id, a client older than the library...); the message carries Steam's own reason;
 * - `STEAM_INTERFACE_UNAVAILABLE`: Steam initialised but gave no `ISteamNetworkingUtils` interface
 *   or no callback pipe (Steam was shut down again before this error was thrown).
 */
export type SteamInitErrorCode = 'STEAM_INIT_FAILED' | 'STEAM_INTERFACE_UNAVAILABLE';

/**
 * Thrown by the Steam backend's `init()` when Steam cannot be started. Nothing is left initialised
 * behind it: `init()` may be called again (once the Steam client runs, for instance).
 */
export class SteamInitError extends RelaylaneError {
  declare readonly code: SteamInitErrorCode;
  /** `ESteamAPIInitResult` as a number (0 for `STEAM_INTERFACE_UNAVAILABLE`). */
  readonly initResult: number;
  /** Its name: `'FailedGeneric'`, `'NoSteamClient'`, `'VersionMismatch'` (or `'OK'`). */
  readonly initResultName: string;
  /** Steam's own message, as `SteamAPI_InitFlat` wrote it ('' when it wrote none). */
  readonly steamMessage: string;

  constructor(
    code: SteamInitErrorCode,
    message: string,
    details: { initResult: number; steamMessage: string },
  ) {
    super(code, message);
    this.initResult = details.initResult;
    this.initResultName = steamInitResultName(details.initResult);
    this.steamMessage = details.steamMessage;
  }
}

/**
 * The stable codes of {@link SteamBackendStateError}:
 * - `STEAM_BACKEND_NOT_INITIALIZED`: a call before `init()` succeeded;
 * - `STEAM_BACKEND_ALREADY_INITIALIZED`: `init()` on a backend that is already running;
 * - `STEAM_ALREADY_RUNNING`: `init()` while another backend runs Steam through the same library
 *   (Steam is one per process: a second owner would shut it down under the first).
 *
 * A call after `shutdown()` and a re-entrant `runCallbacks()` throw the port's `BackendStateError`
 * (`BACKEND_SHUT_DOWN`, `BACKEND_RUN_CALLBACKS_REENTRANT`), as every backend does.
 */
export type SteamBackendStateErrorCode =
  'STEAM_BACKEND_NOT_INITIALIZED' | 'STEAM_BACKEND_ALREADY_INITIALIZED' | 'STEAM_ALREADY_RUNNING';

/** Thrown when the Steam backend is used out of its lifecycle; no native call is made. */
export class SteamBackendStateError extends RelaylaneError {
  declare readonly code: SteamBackendStateErrorCode;

  constructor(code: SteamBackendStateErrorCode, message: string) {
    super(code, message);
  }
}

/**
 * Thrown by `setDebugOutputLevel` when the thread that receives Steam's debug output cannot start
 * (code `STEAM_DEBUG_OUTPUT_UNAVAILABLE`): the message says why. The level is left unchanged.
 */
export class SteamDebugOutputError extends RelaylaneError {
  declare readonly code: 'STEAM_DEBUG_OUTPUT_UNAVAILABLE';

  constructor(message: string, options?: { cause?: unknown }) {
    super('STEAM_DEBUG_OUTPUT_UNAVAILABLE', message, options);
  }
}
