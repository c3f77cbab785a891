/// <reference types="node" />
/**
 * Finds and loads Steam's `libsteam_api` on first use (nothing happens at import time), as sharp
 * and better-sqlite3 find their binaries:
 * 1. the `libraryPath` option (a file, or a folder holding the platform's file);
 * 2. else the `RELAYLANE_STEAM_API_PATH` environment variable (same forms);
 * 3. else next to the executable: the `executableDir` option (an Electron app's folder, say), then
 *    the folder of `process.execPath` (where a shipped game keeps the library);
 * 4. else the copy inside the `steamworks.js` npm package (`dist/<platform>/<file>`).
 *
 * A path given explicitly (1 or 2) is the only one tried: falling back to another copy would hide
 * the mistake. In the search (3, 4) missing files are skipped; the first file that exists is the
 * one loaded, and if the OS refuses it, that is the error (a broken copy is not silently replaced
 * by another one). Loaded libraries are cached per resolved path.
 */
import { defaultModuleResolveBases } from '../module-resolve-bases.js';
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

import koffi, { type LibraryHandle } from 'koffi';

import { type SteamApi } from './steam-api.js';
import { bindSteamApi } from './steam-api-binding.js';
import {
  type SteamLibraryAttempt,
  SteamLibraryLoadError,
  type SteamLibraryLoadErrorCode,
} from './steam-library-error.js';
import { STEAM_API_PATH_ENV, type SteamLibraryLocation } from './steam-library-location.js';
import { type SteamPlatformInfo, steamPlatformFor } from './steam-platform.js';

export { SteamLibraryLoadError } from './steam-library-error.js';
export type { SteamLibraryAttempt, SteamLibraryLoadErrorCode } from './steam-library-error.js';
export { STEAM_API_PATH_ENV } from './steam-library-location.js';
export type { SteamLibraryLocation } from './steam-library-location.js';

/** Where to look for Steam's library, and on which platform (the running one by default). */
export interface LoadSteamApiOptions {
  /** The library file, or a folder holding it; when given, the only place tried. */
  readonly libraryPath?: string | undefined;
  /** The environment `RELAYLANE_STEAM_API_PATH` is read from (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** A folder to try before `process.execPath`'s, e.g. an Electron app's `app.getAppPath()`. */
  readonly executableDir?: string | undefined;
  /** Default `process.platform`. */
  readonly platform?: string;
  /** Default `process.arch`. */
  readonly arch?: string;
  /**
   * Files (absolute paths) from which the `steamworks.js` package is looked up, first match wins.
   * Default: this module's file when it runs as CommonJS, the main script, and the working
   * directory (ES modules cannot know their own file without `import.meta`).
   */
  readonly resolveFrom?: readonly string[];
}

const loaded = new Map<string, SteamApi>();

function runtimeOf(options: LoadSteamApiOptions): string {
  return `${options.platform ?? process.platform}-${options.arch ?? process.arch}`;
}

function unsupported(runtime: string): SteamLibraryLoadError {
  return new SteamLibraryLoadError(
    'STEAM_PLATFORM_UNSUPPORTED',
    `Steam's library is not available for ${runtime}: Valve ships libsteam_api for Linux x64 ` +
      '(libsteam_api.so), macOS x64 and arm64 (libsteam_api.dylib) and Windows x64 ' +
      '(steam_api64.dll) only. Use the simulated relay network here (backend: simulatedBackend(), ' +
      'or [steamBackend(), simulatedBackend()] to fall back to it).',
    { runtime },
  );
}

/**
 * The folder of the `steamworks.js` npm package as Node's module lookup finds it from each of
 * `bases` in turn: `<dir>/node_modules/steamworks.js` for the base's folder and each ancestor
 * (the package has no `exports` map, so this is Node's whole algorithm for it), symlinks resolved
 * (pnpm links packages). Written out rather than through `createRequire`, whose behaviour test
 * runners replace.
 *
 * @returns the folder, or undefined when no base can see the package.
 */
export function resolveSteamworksJsDir(bases: readonly string[]): string | undefined {
  for (const base of bases) {
    for (let dir = path.dirname(path.resolve(base)); ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'node_modules', 'steamworks.js');
      if (existsSync(path.join(candidate, 'package.json'))) return realpathSync(candidate);
      if (path.dirname(dir) === dir) break;
    }
  }
  return undefined;
}

function platformFile(candidate: string, info: SteamPlatformInfo): string {
  const resolved = path.resolve(candidate);
  // A folder stands for the platform's file inside it.
  try {
    if (statSync(resolved).isDirectory()) return path.join(resolved, info.fileName);
  } catch {
    // Missing: reported as not found when it is tried.
  }
  return resolved;
}

/**
 * Every place {@link loadSteamApi} would look, in order, for the options' platform.
 *
 * @throws SteamLibraryLoadError `STEAM_PLATFORM_UNSUPPORTED` when Valve ships no library for it.
 */
export function findSteamLibraryCandidates(options: LoadSteamApiOptions = {}): {
  readonly platform: SteamPlatformInfo;
  readonly candidates: readonly SteamLibraryLocation[];
} {
  const info = steamPlatformFor(options.platform ?? process.platform, options.arch ?? process.arch);
  if (info === undefined) throw unsupported(runtimeOf(options));

  if (options.libraryPath !== undefined && options.libraryPath !== '') {
    return {
      platform: info,
      candidates: [{ path: platformFile(options.libraryPath, info), source: 'option' }],
    };
  }
  const fromEnv = (options.env ?? process.env)[STEAM_API_PATH_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    return {
      platform: info,
      candidates: [{ path: platformFile(fromEnv.trim(), info), source: 'environment' }],
    };
  }

  const candidates: SteamLibraryLocation[] = [];
  const dirs = [options.executableDir, path.dirname(process.execPath)];
  for (const dir of dirs) {
    if (dir === undefined || dir === '') continue;
    const file = path.join(path.resolve(dir), info.fileName);
    if (!candidates.some((candidate) => candidate.path === file)) {
      candidates.push({ path: file, source: 'executable' });
    }
  }
  const steamworks = resolveSteamworksJsDir(options.resolveFrom ?? defaultModuleResolveBases());
  if (steamworks !== undefined) {
    candidates.push({
      path: path.join(steamworks, 'dist', info.platform, info.fileName),
      source: 'steamworks.js',
    });
  }
  return { platform: info, candidates };
}

/** A shell command that shows what is at `file`: whether it exists, or what kind of file it is. */
function verifyCommand(runtime: string, file: string, exists: boolean): string {
  if (runtime.startsWith('win32')) return `dir "${file}"`;
  return exists ? `file "${file}"` : `ls -l "${file}"`;
}

function failure(
  code: SteamLibraryLoadErrorCode,
  runtime: string,
  info: SteamPlatformInfo,
  attempts: readonly SteamLibraryAttempt[],
  osError: string | undefined,
  cause?: unknown,
): SteamLibraryLoadError {
  const tried =
    attempts.length === 0
      ? '  (nowhere: no option, no RELAYLANE_STEAM_API_PATH, and steamworks.js is not installed)'
      : attempts.map((a) => `  - ${a.path} (${a.source}): ${a.outcome}`).join('\n');
  const firstFile = attempts[0]?.path ?? info.fileName;
  let head: string;
  let fix: string;
  if (code === 'STEAM_LIBRARY_NOT_FOUND') {
    head = `Steam's library (${info.fileName}) was not found for ${runtime}.`;
    fix =
      `Possible fixes:\n  - ship ${info.fileName} next to the executable, as a released game does;\n` +
      `  - set the libraryPath option or ${STEAM_API_PATH_ENV} to the file's full path;\n` +
      '  - for development, install the steamworks.js package: npm install --save-dev steamworks.js\n' +
      `Verify with: ${verifyCommand(runtime, firstFile, false)}`;
  } else if (code === 'STEAM_LIBRARY_SYMBOL_MISSING') {
    head = `Steam's library was loaded for ${runtime} but lacks part of the flat API.`;
    fix =
      'Possible fixes:\n  - ship the libsteam_api of Steamworks SDK 1.59 or newer (the copy in ' +
      'steamworks.js qualifies)';
  } else {
    head = `Steam's library (${info.fileName}) exists but could not be loaded for ${runtime}.`;
    fix =
      `Possible fixes:\n  - check that the file is Valve's 64-bit ${info.fileName} for ${runtime} ` +
      '(not a 32-bit or other-OS build, not truncated);\n' +
      `  - copy it again from the Steamworks SDK (redistributable_bin/${info.platform}) or the ` +
      'steamworks.js package\n' +
      `Verify with: ${verifyCommand(runtime, attempts[attempts.length - 1]?.path ?? firstFile, true)}`;
  }
  const message =
    `${head}\nTried, in order:\n${tried}\n` +
    `First OS error: ${osError ?? 'none (no candidate file exists)'}\n${fix}`;
  return new SteamLibraryLoadError(code, message, {
    runtime,
    attempts,
    osError,
    cause,
  });
}

/**
 * Loads Steam's library from the first place that has it (see the module comment) and binds every
 * flat function. The same resolved file is loaded once: later calls return the same object until
 * its `unload()`.
 *
 * @throws SteamLibraryLoadError `STEAM_PLATFORM_UNSUPPORTED`, `STEAM_LIBRARY_NOT_FOUND` (no
 *   candidate exists), `STEAM_LIBRARY_LOAD_FAILED` (the OS refused the first existing file) or
 *   `STEAM_LIBRARY_SYMBOL_MISSING` (it lacks a flat function); the message lists the platform,
 *   every path tried, the first OS error and the fixes.
 */
export function loadSteamApi(options: LoadSteamApiOptions = {}): SteamApi {
  const runtime = runtimeOf(options);
  const { platform: info, candidates } = findSteamLibraryCandidates(options);
  const attempts: SteamLibraryAttempt[] = [];
  for (const candidate of candidates) {
    const cached = loaded.get(candidate.path);
    if (cached !== undefined && cached.loaded) return cached;
    if (!existsSync(candidate.path)) {
      attempts.push({ ...candidate, outcome: 'not found' });
      continue;
    }
    let lib: LibraryHandle;
    try {
      lib = koffi.load(candidate.path);
    } catch (error) {
      const osError = (error as Error).message;
      attempts.push({ ...candidate, outcome: osError });
      throw failure('STEAM_LIBRARY_LOAD_FAILED', runtime, info, attempts, osError, error);
    }
    attempts.push({ ...candidate, outcome: 'loaded' });
    try {
      const api = bindSteamApi(lib, candidate.path, info.platform, () => {
        loaded.delete(candidate.path);
      });
      loaded.set(candidate.path, api);
      return api;
    } catch (error) {
      lib.unload();
      if (!(error instanceof SteamLibraryLoadError)) throw error;
      // The first line of the binding's message names the missing function.
      const detail = error.message;
      throw failure('STEAM_LIBRARY_SYMBOL_MISSING', runtime, info, attempts, detail, error);
    }
  }
  throw failure('STEAM_LIBRARY_NOT_FOUND', runtime, info, attempts, undefined);
}
