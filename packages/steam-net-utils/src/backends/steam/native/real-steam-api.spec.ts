/**
 * Integration test against the REAL Steam API library: the `libsteam_api.so` (Linux x64) shipped
 * in the steamworks.js npm package, on a machine without a Steam client. Every bound symbol must
 * resolve, and `SteamAPI_InitFlat` must fail cleanly with Steam's own reason (it cannot load
 * `steamclient.so`), leaving a process that keeps running and a library that can be shut down and
 * unloaded. Steam writes its own diagnostics ("[S_API] ...") to stderr during these tests.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';

import { loadSteamApi } from './load-steam-api.js';
import { type SteamApi } from './steam-api.js';
import { steamApiSymbols } from './steam-api-binding.js';

const REAL_LIBRARY = realpathSync(
  path.resolve(__dirname, '../../../../node_modules/steamworks.js/dist/linux64/libsteam_api.so'),
);

function readMessage(buffer: Uint8Array): string {
  const end = buffer.indexOf(0);
  return Buffer.from(buffer.subarray(0, end === -1 ? buffer.length : end)).toString('utf8');
}

const onLinux64 = process.platform === 'linux' && process.arch === 'x64';

(onLinux64 ? describe : describe.skip)('the real libsteam_api.so from steamworks.js', () => {
  let api: SteamApi;

  beforeAll(() => {
    api = loadSteamApi({ libraryPath: REAL_LIBRARY });
  });

  afterAll(() => {
    api.unload();
  });

  it('resolves every bound symbol (binding is eager: the load would have thrown)', () => {
    expect(api.loaded).toBe(true);
    expect(api.path).toBe(REAL_LIBRARY);
    expect(steamApiSymbols()).toHaveLength(50);
  });

  it('has no interface and no pipe before Steam is initialised', () => {
    expect(api.SteamNetworkingUtils()).toBeNull();
    expect(api.GetHSteamPipe()).toBe(0);
  });

  it("fails SteamAPI_InitFlat without a Steam client, with Steam's reason naming steamclient", () => {
    const message = new Uint8Array(1024);
    const result = api.InitFlat(message);
    expect(result).not.toBe(0);
    // ESteamAPIInitResult: 1 FailedGeneric, 2 NoSteamClient, 3 VersionMismatch.
    expect([1, 2, 3]).toContain(result);
    expect(readMessage(message)).toMatch(/steamclient/i);
  });

  it('leaves nothing half-initialised: still no interface, no pipe, and a second init fails alike', () => {
    expect(api.SteamNetworkingUtils()).toBeNull();
    expect(api.GetHSteamPipe()).toBe(0);
    const message = new Uint8Array(1024);
    expect(api.InitFlat(message)).not.toBe(0);
    expect(readMessage(message)).toMatch(/steamclient/i);
  });

  it('accepts a NULL message buffer, as the SDK allows', () => {
    expect(api.InitFlat(null)).not.toBe(0);
  });

  it('survives SteamAPI_Shutdown after the failed init, twice', () => {
    api.Shutdown();
    api.Shutdown();
    // Still alive and answering.
    expect(api.SteamNetworkingUtils()).toBeNull();
  });
});
