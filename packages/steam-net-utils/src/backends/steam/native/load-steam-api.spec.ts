/**
 * Finding and loading Steam's library: the search order, per-platform file names, the typed errors
 * and their messages, and the real copy inside steamworks.js.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type * as KoffiModule from 'koffi';

import { loadSteamApiTestDouble } from '../test-double/test-double-control.js';
import {
  findSteamLibraryCandidates,
  loadSteamApi,
  resolveSteamworksJsDir,
  STEAM_API_PATH_ENV,
  SteamLibraryLoadError,
} from './load-steam-api.js';
import { thrownBy } from '../../../../../core/src/test-support/errors.js';

const caught = (fn: () => unknown): SteamLibraryLoadError => thrownBy(fn, SteamLibraryLoadError);

const PACKAGE_DIR = path.resolve(__dirname, '../../../..');
// pnpm links packages: the loader reports the real folder.
const STEAMWORKS_DIR = realpathSync(path.join(PACKAGE_DIR, 'node_modules', 'steamworks.js'));
const REAL_LIBRARY = path.join(STEAMWORKS_DIR, 'dist', 'linux64', 'libsteam_api.so');

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'relaylane-load-steam-api-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('nothing happens at import time', () => {
  it('neither loads a library nor declares a type when the modules are imported', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const koffi = require('koffi') as typeof KoffiModule;
      const load = jest.spyOn(koffi, 'load');
      const struct = jest.spyOn(koffi, 'struct');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('./load-steam-api.js');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('./structs.js');
      expect(load).not.toHaveBeenCalled();
      expect(struct).not.toHaveBeenCalled();
    });
  });
});

describe('where it looks', () => {
  const noEnv = { env: {} };

  it('tries only the libraryPath option when it is given, even with the environment variable set', () => {
    const { candidates } = findSteamLibraryCandidates({
      libraryPath: '/opt/game/libsteam_api.so',
      env: { [STEAM_API_PATH_ENV]: '/elsewhere/libsteam_api.so' },
    });
    expect(candidates).toEqual([{ path: '/opt/game/libsteam_api.so', source: 'option' }]);
  });

  it('tries only RELAYLANE_STEAM_API_PATH when there is no option', () => {
    const { candidates } = findSteamLibraryCandidates({
      env: { [STEAM_API_PATH_ENV]: ' /elsewhere/libsteam_api.so ' },
    });
    expect(candidates).toEqual([{ path: '/elsewhere/libsteam_api.so', source: 'environment' }]);
  });

  it('ignores an empty RELAYLANE_STEAM_API_PATH and searches', () => {
    const { candidates } = findSteamLibraryCandidates({ env: { [STEAM_API_PATH_ENV]: '  ' } });
    expect(candidates.map((c) => c.source)).toEqual(['executable', 'steamworks.js']);
  });

  it('searches the executableDir option, then the executable folder, then steamworks.js', () => {
    const { candidates } = findSteamLibraryCandidates({ ...noEnv, executableDir: '/opt/game' });
    expect(candidates).toEqual([
      { path: '/opt/game/libsteam_api.so', source: 'executable' },
      { path: path.join(path.dirname(process.execPath), 'libsteam_api.so'), source: 'executable' },
      { path: REAL_LIBRARY, source: 'steamworks.js' },
    ]);
  });

  it('lists the executable folder once when executableDir is that folder', () => {
    const dir = path.dirname(process.execPath);
    const { candidates } = findSteamLibraryCandidates({ ...noEnv, executableDir: dir });
    expect(candidates.filter((c) => c.source === 'executable')).toHaveLength(1);
  });

  it('takes a folder given as the library path to mean the platform file inside it', () => {
    const { candidates } = findSteamLibraryCandidates({ libraryPath: scratch });
    expect(candidates).toEqual([{ path: path.join(scratch, 'libsteam_api.so'), source: 'option' }]);
  });

  it.each([
    ['linux', 'x64', 'linux64', 'libsteam_api.so', 4],
    ['darwin', 'x64', 'osx', 'libsteam_api.dylib', 4],
    ['darwin', 'arm64', 'osx', 'libsteam_api.dylib', 4],
    ['win32', 'x64', 'win64', 'steam_api64.dll', 8],
  ])('uses %s-%s: dist/%s/%s, structs packed to %d', (platform, arch, dir, file, pack) => {
    const found = findSteamLibraryCandidates({ ...noEnv, platform, arch });
    expect(found.platform).toEqual({ platform: dir, fileName: file, pack });
    expect(found.candidates.at(-1)).toEqual({
      path: path.join(STEAMWORKS_DIR, 'dist', dir, file),
      source: 'steamworks.js',
    });
  });

  it.each([
    ['win32', 'ia32'],
    ['linux', 'arm64'],
    ['freebsd', 'x64'],
  ])('refuses %s-%s with STEAM_PLATFORM_UNSUPPORTED', (platform, arch) => {
    const error = caught(() => findSteamLibraryCandidates({ platform, arch }));
    expect(error.code).toBe('STEAM_PLATFORM_UNSUPPORTED');
    expect(error.runtime).toBe(`${platform}-${arch}`);
    expect(error.message).toContain(`not available for ${platform}-${arch}`);
    expect(error.message).toContain('backend: simulatedBackend()');
  });
});

describe('resolving steamworks.js', () => {
  it('finds it from this package (CommonJS __filename)', () => {
    expect(resolveSteamworksJsDir([__filename])).toBe(STEAMWORKS_DIR);
  });

  it('tries each base in turn and skips those that cannot see it', () => {
    expect(resolveSteamworksJsDir(['/no-such-dir/main.js', __filename])).toBe(STEAMWORKS_DIR);
  });

  it('answers undefined when no base sees it', () => {
    expect(resolveSteamworksJsDir([path.join(scratch, 'main.js')])).toBeUndefined();
  });

  it('leaves steamworks.js out of the search when it cannot be resolved', () => {
    const { candidates } = findSteamLibraryCandidates({
      env: {},
      resolveFrom: [path.join(scratch, 'main.js')],
    });
    expect(candidates.map((c) => c.source)).toEqual(['executable']);
  });
});

describe('loading', () => {
  it('loads the real libsteam_api.so from steamworks.js when nothing else is configured', () => {
    const api = loadSteamApi({ env: {}, executableDir: scratch });
    expect(api.path).toBe(REAL_LIBRARY);
    expect(api.platform).toBe('linux64');
    api.unload();
  });

  it('gives the environment variable precedence over the search', () => {
    const double = loadSteamApiTestDouble();
    const api = loadSteamApi({ env: { [STEAM_API_PATH_ENV]: double.path } });
    expect(api.path).toBe(double.path);
    api.unload();
  });

  it('gives the option precedence over the environment variable', () => {
    const double = loadSteamApiTestDouble();
    const api = loadSteamApi({
      libraryPath: REAL_LIBRARY,
      env: { [STEAM_API_PATH_ENV]: double.path },
    });
    expect(api.path).toBe(REAL_LIBRARY);
    api.unload();
  });

  it('reports a missing file as STEAM_LIBRARY_NOT_FOUND with every path, the platform and the fixes', () => {
    const missing = path.join(scratch, 'nope', 'libsteam_api.so');
    const error = caught(() => loadSteamApi({ libraryPath: missing }));
    expect(error.code).toBe('STEAM_LIBRARY_NOT_FOUND');
    expect(error.attempts).toEqual([{ path: missing, source: 'option', outcome: 'not found' }]);
    expect(error.osError).toBeUndefined();
    expect(error.message).toContain('was not found for linux-x64');
    expect(error.message).toContain(`  - ${missing} (option): not found`);
    expect(error.message).toContain(STEAM_API_PATH_ENV);
    expect(error.message).toContain('npm install --save-dev steamworks.js');
    expect(error.message).toContain(`Verify with: ls -l "${missing}"`);
  });

  it('lists every place searched when none has the library', () => {
    const error = caught(() =>
      loadSteamApi({ env: {}, executableDir: scratch, resolveFrom: [path.join(scratch, 'x.js')] }),
    );
    expect(error.code).toBe('STEAM_LIBRARY_NOT_FOUND');
    expect(error.attempts.map((a) => a.path)).toEqual([
      path.join(scratch, 'libsteam_api.so'),
      path.join(path.dirname(process.execPath), 'libsteam_api.so'),
    ]);
  });

  it('reports a file that is not a library as STEAM_LIBRARY_LOAD_FAILED with the OS error', () => {
    const fake = path.join(scratch, 'libsteam_api.so');
    writeFileSync(fake, 'this is not an ELF file\n');
    try {
      const error = caught(() => loadSteamApi({ libraryPath: fake }));
      expect(error.code).toBe('STEAM_LIBRARY_LOAD_FAILED');
      expect(error.osError).toMatch(/file too short|invalid ELF header/);
      expect(error.message).toContain(`First OS error: ${error.osError}`);
      expect(error.message).toContain("Valve's 64-bit libsteam_api.so for linux-x64");
      expect(error.message).toContain(`Verify with: file "${fake}"`);
      expect(error.attempts).toEqual([{ path: fake, source: 'option', outcome: error.osError }]);
    } finally {
      rmSync(fake);
    }
  });

  it('does not fall back to steamworks.js when the copy next to the executable is broken', () => {
    const dir = path.join(scratch, 'broken');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'libsteam_api.so'), 'broken');
    const error = caught(() => loadSteamApi({ env: {}, executableDir: dir }));
    expect(error.code).toBe('STEAM_LIBRARY_LOAD_FAILED');
    expect(error.attempts).toHaveLength(1);
  });

  it('reports a library without the flat API as STEAM_LIBRARY_SYMBOL_MISSING naming the function', () => {
    const source = path.join(scratch, 'other.c');
    const library = path.join(scratch, 'libother.so');
    writeFileSync(source, 'int relaylane_unrelated(void) { return 1; }\n');
    execFileSync(process.env['CC'] ?? 'cc', ['-shared', '-fPIC', '-o', library, source]);
    const error = caught(() => loadSteamApi({ libraryPath: library }));
    expect(error.code).toBe('STEAM_LIBRARY_SYMBOL_MISSING');
    expect(error.message).toContain("has no function 'SteamAPI_InitFlat'");
    expect(error.message).toContain('Steamworks SDK 1.59 or newer');
  });
});
