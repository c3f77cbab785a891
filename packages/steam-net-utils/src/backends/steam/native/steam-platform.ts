/**
 * Which build of Steam's library a platform needs, what the file is called, where the
 * `steamworks.js` npm package keeps its copy, and how the SDK packs its callback structs there.
 */

/** The three 64-bit builds of `libsteam_api` (the folder names `steamworks.js` uses). */
export type SteamPlatform = 'linux64' | 'osx' | 'win64';

/**
 * The SDK's packing of callback structs: `VALVE_CALLBACK_PACK_SMALL` (4) on Linux, macOS and
 * FreeBSD, `VALVE_CALLBACK_PACK_LARGE` (8) everywhere else (Windows).
 */
export type StructPack = 4 | 8;

/** What one platform needs. */
export interface SteamPlatformInfo {
  readonly platform: SteamPlatform;
  /** The library's file name: `libsteam_api.so`, `libsteam_api.dylib`, `steam_api64.dll`. */
  readonly fileName: string;
  readonly pack: StructPack;
}

const PLATFORMS: Readonly<Record<SteamPlatform, SteamPlatformInfo>> = Object.freeze({
  linux64: Object.freeze({ platform: 'linux64', fileName: 'libsteam_api.so', pack: 4 }),
  osx: Object.freeze({ platform: 'osx', fileName: 'libsteam_api.dylib', pack: 4 }),
  win64: Object.freeze({ platform: 'win64', fileName: 'steam_api64.dll', pack: 8 }),
});

/**
 * The Steam build for a Node platform and architecture: Linux x64, macOS (x64 and arm64: Valve
 * ships one universal `libsteam_api.dylib`) and Windows x64.
 *
 * @returns the platform's info, or undefined when Valve ships no 64-bit library for it (32-bit
 *   Windows, Linux on ARM, FreeBSD...).
 */
export function steamPlatformFor(platform: string, arch: string): SteamPlatformInfo | undefined {
  if (platform === 'linux' && arch === 'x64') return PLATFORMS.linux64;
  if (platform === 'darwin' && (arch === 'x64' || arch === 'arm64')) return PLATFORMS.osx;
  if (platform === 'win32' && arch === 'x64') return PLATFORMS.win64;
  return undefined;
}

/** The info of a Steam build by name. */
export function steamPlatformInfo(platform: SteamPlatform): SteamPlatformInfo {
  return PLATFORMS[platform];
}
