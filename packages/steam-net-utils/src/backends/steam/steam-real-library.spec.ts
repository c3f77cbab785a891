/**
 * Integration test against the REAL `libsteam_api.so` of the steamworks.js package, on a machine
 * with no Steam client: `init()` fails with Steam's own reason in a typed error, leaves nothing
 * initialised, and `backend: [steamBackend(), simulatedBackend()]` falls back to the simulation,
 * saying why.
 */
import { ManualClock } from '@relaylane/core';

import { NETWORKING_AVAILABILITY_CURRENT } from '../../constants/index.js';
import { createNetworkingUtils } from '../../compose/create-networking-utils.js';
import { simulatedBackend } from '../simulated/simulated-backend-provider.js';
import { createSteamBackend, steamBackend } from './create-steam-backend.js';
import { type BackendStateError } from '../../port/backend-errors.js';
import { liveNativeCallbackCount } from './native-callback-owner.js';
import { type SteamBackendStateError, SteamInitError } from './steam-errors.js';
import { thrownBy } from '../../../../core/src/test-support/errors.js';

const onLinux64 = process.platform === 'linux' && process.arch === 'x64';
const describeOnLinux64 = onLinux64 ? describe : describe.skip;

describeOnLinux64('the Steam backend over the real libsteam_api.so (no Steam client)', () => {
  it('createSteamBackend({}) then init() throws SteamInitError with Steam’s reason', () => {
    const backend = createSteamBackend({});
    const error = thrownBy(() => backend.init());
    expect(error).toBeInstanceOf(SteamInitError);
    const init = error as SteamInitError;
    expect(init.code).toBe('STEAM_INIT_FAILED');
    expect(init.initResult).not.toBe(0);
    expect(['FailedGeneric', 'NoSteamClient', 'VersionMismatch']).toContain(init.initResultName);
    expect(init.steamMessage).toMatch(/steamclient/i);
    expect(init.message).toContain(init.steamMessage);
    expect(init.message).toContain(init.initResultName);
    expect(init.message).toMatch(/steamworks\.js.+libsteam_api\.so/);
  });

  it('leaves nothing initialised: no callbacks, calls still refused, init() may be retried', () => {
    const backend = createSteamBackend({ appId: 480, env: {} });
    const callbacks = liveNativeCallbackCount();
    expect(() => backend.init()).toThrow(SteamInitError);
    expect(backend.running).toBe(false);
    expect(liveNativeCallbackCount()).toBe(callbacks);
    const error = thrownBy(() => backend.getPOPCount());
    expect((error as SteamBackendStateError).code).toBe('STEAM_BACKEND_NOT_INITIALIZED');
    // A retry fails the same way (nothing half-done blocks it), and shutdown is then harmless.
    expect(() => backend.init()).toThrow(SteamInitError);
    backend.shutdown();
    expect((thrownBy(() => backend.init()) as BackendStateError).code).toBe('BACKEND_SHUT_DOWN');
  });

  it('puts the app id variables back after the failed start', () => {
    const env: Record<string, string | undefined> = {};
    expect(() => createSteamBackend({ appId: 480, env }).init()).toThrow(SteamInitError);
    expect(env).toEqual({});
  });

  it('Steam first, then the simulation: a working simulated service that says why', () => {
    const lines: string[] = [];
    const clock = new ManualClock();
    const service = createNetworkingUtils({
      backend: [steamBackend(), simulatedBackend()],
      gameClock: clock,
      log: (line) => lines.push(line),
    });
    try {
      const { kind, requested, fallbacks } = service.backendSelection;
      expect(kind).toBe('simulated');
      expect(requested).toEqual(['steam', 'simulated']);
      expect(fallbacks).toEqual([
        { kind: 'steam', reason: expect.stringMatching(/SteamAPI_InitFlat failed.*steamclient/is) },
      ]);
      expect(lines).toEqual([expect.stringContaining(fallbacks[0]!.reason)]);
      service.initRelayNetworkAccess();
      for (
        let i = 0;
        i < 120 && service.getRelayNetworkStatus() !== NETWORKING_AVAILABILITY_CURRENT;
        i++
      ) {
        clock.advance(1000);
        service.runCallbacks();
      }
      expect(service.getRelayNetworkStatus()).toBe(NETWORKING_AVAILABILITY_CURRENT);
      expect(service.getPOPCount()).toBeGreaterThan(0);
    } finally {
      service.dispose();
    }
  });
});
