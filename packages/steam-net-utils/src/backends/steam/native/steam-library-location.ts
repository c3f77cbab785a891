/**
 * Where a copy of Steam's library may be, and why the loader looked there.
 * - `option`: the `libraryPath` option;
 * - `environment`: the `RELAYLANE_STEAM_API_PATH` environment variable;
 * - `executable`: next to the executable (`process.execPath`, or the `executableDir` option, e.g.
 *   an Electron app's folder), where a shipped game keeps it;
 * - `steamworks.js`: the copy inside the `steamworks.js` npm package (a development dependency).
 */
export interface SteamLibraryLocation {
  readonly path: string;
  readonly source: 'option' | 'environment' | 'executable' | 'steamworks.js';
}

/** The environment variable naming the library file to load. */
export const STEAM_API_PATH_ENV = 'RELAYLANE_STEAM_API_PATH';
