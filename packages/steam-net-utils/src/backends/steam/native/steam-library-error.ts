import { RelaylaneError } from '@relaylane/core';

import { type SteamLibraryLocation } from './steam-library-location.js';

/**
 * The stable codes of {@link SteamLibraryLoadError}:
 * - `STEAM_PLATFORM_UNSUPPORTED`: Valve ships no 64-bit `libsteam_api` for this OS and CPU;
 * - `STEAM_LIBRARY_NOT_FOUND`: no candidate file exists;
 * - `STEAM_LIBRARY_LOAD_FAILED`: a file exists but the OS refused to load it (wrong CPU, not a
 *   library, a missing dependency...);
 * - `STEAM_LIBRARY_SYMBOL_MISSING`: the library loaded but lacks a function of the flat API (a
 *   Steamworks SDK older than 1.59, or not Valve's library);
 * - `STEAM_LIBRARY_UNLOADED`: a function of a library that `unload()` already released was called.
 */
export type SteamLibraryLoadErrorCode =
  | 'STEAM_PLATFORM_UNSUPPORTED'
  | 'STEAM_LIBRARY_NOT_FOUND'
  | 'STEAM_LIBRARY_LOAD_FAILED'
  | 'STEAM_LIBRARY_SYMBOL_MISSING'
  | 'STEAM_LIBRARY_UNLOADED';

/** One place the loader looked, and what happened there. */
export interface SteamLibraryAttempt extends SteamLibraryLocation {
  /** `'not found'`, or the OS's (or koffi's) error for a file that would not load. */
  readonly outcome: string;
}

/**
 * Thrown when Steam's library cannot be used. The message lists the platform, every path tried
 * with what happened there, the first meaningful OS error and how to fix it (sharp's style); the
 * same facts are properties for programs.
 */
export class SteamLibraryLoadError extends RelaylaneError {
  declare readonly code: SteamLibraryLoadErrorCode;
  /** `process.platform`-`process.arch` as detected (or as given in the options). */
  readonly runtime: string;
  /** Every place looked at, in order. */
  readonly attempts: readonly SteamLibraryAttempt[];
  /** The first error the OS gave for a file that exists, when there was one. */
  readonly osError: string | undefined;

  constructor(
    code: SteamLibraryLoadErrorCode,
    message: string,
    details: {
      runtime: string;
      attempts?: readonly SteamLibraryAttempt[];
      osError?: string | undefined;
      cause?: unknown;
    },
  ) {
    super(code, message, details.cause === undefined ? undefined : { cause: details.cause });
    this.runtime = details.runtime;
    this.attempts = Object.freeze([...(details.attempts ?? [])]);
    this.osError = details.osError;
  }
}
