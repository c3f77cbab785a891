/**
 * The Steam backend's lifecycle over the test double: init in the SDK's order, the failures that
 * leave nothing initialised, calls out of the lifecycle refused before any native call, shutdown.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG } from '../../constants/index.js';
import { createNetworkingUtils } from '../../compose/create-networking-utils.js';
import { simulatedBackend } from '../simulated/simulated-backend-provider.js';
import { createSteamBackend, steamBackend } from './create-steam-backend.js';
import { SteamLibraryLoadError } from './native/load-steam-api.js';
import { liveNativeCallbackCount } from './native-callback-owner.js';
import { BackendStateError } from '../../port/backend-errors.js';
import { SteamBackendStateError, SteamInitError } from './steam-errors.js';
import { type SteamBackend } from './steam-backend.js';
import { loadSteamDouble, startBackendOnDouble } from './test-support/steam-double-backend.js';
import { thrownBy } from '../../../../core/src/test-support/errors.js';

const steam = loadSteamDouble();
const { double, api } = steam;
const LOCATION = new Uint8Array(512);

/** Every backend method with valid arguments (for "nothing reaches native code" checks). */
const BACKEND_CALLS: readonly [string, (backend: SteamBackend) => unknown][] = [
  ['initRelayNetworkAccess', (b) => b.initRelayNetworkAccess()],
  ['getRelayNetworkStatus', (b) => b.getRelayNetworkStatus()],
  ['getLocalPingLocation', (b) => b.getLocalPingLocation(new Uint8Array(512))],
  [
    'estimatePingTimeBetweenTwoLocations',
    (b) => b.estimatePingTimeBetweenTwoLocations(LOCATION, LOCATION),
  ],
  ['estimatePingTimeFromLocalHost', (b) => b.estimatePingTimeFromLocalHost(LOCATION)],
  ['convertPingLocationToString', (b) => b.convertPingLocationToString(LOCATION)],
  ['parsePingLocationString', (b) => b.parsePingLocationString('rld1:fra=1', new Uint8Array(512))],
  ['checkPingDataUpToDate', (b) => b.checkPingDataUpToDate(60)],
  ['getPingToDataCenter', (b) => b.getPingToDataCenter(1)],
  ['getDirectPingToPOP', (b) => b.getDirectPingToPOP(1)],
  ['getPOPCount', (b) => b.getPOPCount()],
  ['getPOPList', (b) => b.getPOPList()],
  ['getLocalTimestamp', (b) => b.getLocalTimestamp()],
  ['setDebugOutputLevel', (b) => b.setDebugOutputLevel(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG)],
  ['getIPv4FakeIPType', (b) => b.getIPv4FakeIPType(1)],
  ['getRealIdentityForFakeIP', (b) => b.getRealIdentityForFakeIP(1, 2)],
  ['setConfigValue', (b) => b.setConfigValue(24, 1, 0, 1, 5)],
  ['getConfigValue', (b) => b.getConfigValue(24, 1, 0)],
  ['getConfigValueInfo', (b) => b.getConfigValueInfo(24)],
  ['iterateGenericEditableConfigValues', (b) => b.iterateGenericEditableConfigValues(0, false)],
  ['setGlobalCallback', (b) => b.setGlobalCallback('fakeIPResult', true)],
  ['runCallbacks', (b) => b.runCallbacks({} as never)],
];

const running: SteamBackend[] = [];
function track(backend: SteamBackend): SteamBackend {
  running.push(backend);
  return backend;
}

beforeEach(() => double.reset());
afterEach(() => {
  for (const backend of running.splice(0)) backend.shutdown();
  expect(double.violations()).toEqual([]);
});

describe('init()', () => {
  it('initialises Steam, then manual dispatch, then takes the pipe and the interface', () => {
    const backend = track(createSteamBackend({ api, env: {} }));
    backend.init();
    expect(backend.running).toBe(true);
    expect(backend.libraryPath).toBe(double.path);
    expect(double.log()).toEqual([
      'InitFlat(pOutErrMsg=buf)',
      'ManualDispatch_Init()',
      'GetHSteamPipe()',
      'SteamNetworkingUtils()',
    ]);
    expect(double.isInitialized()).toBe(true);
    expect(double.manualDispatchInitialized()).toBe(true);
  });

  it('loads nothing before init(): creating a backend calls nothing', () => {
    createSteamBackend({ api, env: {} });
    expect(double.log()).toEqual([]);
  });

  it('on InitFlat failure throws SteamInitError with Steam’s message and result name, leaving nothing initialised', () => {
    double.failInit(2, 'No Steam client is running (double)');
    const env: Record<string, string | undefined> = { SteamGameId: 'kept' };
    const callbacks = liveNativeCallbackCount();
    const backend = createSteamBackend({ api, env, appId: 480 });
    const error = thrownBy(() => backend.init()) as SteamInitError;
    expect(error).toBeInstanceOf(SteamInitError);
    expect(error.code).toBe('STEAM_INIT_FAILED');
    expect(error.initResult).toBe(2);
    expect(error.initResultName).toBe('NoSteamClient');
    expect(error.steamMessage).toBe('No Steam client is running (double)');
    expect(error.message).toContain('No Steam client is running (double)');
    expect(error.message).toContain('NoSteamClient');
    expect(error.message).toContain('app id 480');
    expect(error.message).toMatch(/Start the Steam client/);
    // Nothing was started, nothing needs shutting down, nothing was registered.
    expect(double.log()).toEqual(['InitFlat(pOutErrMsg=buf)']);
    expect(double.isInitialized()).toBe(false);
    expect(double.shutdownCount()).toBe(0);
    expect(liveNativeCallbackCount()).toBe(callbacks);
    expect(backend.running).toBe(false);
    expect(env).toEqual({ SteamGameId: 'kept' });
    // ...and a later init() succeeds once Steam is there.
    double.failInit(0, '');
    track(backend).init();
    expect(backend.running).toBe(true);
  });

  it.each([
    [1, 'FailedGeneric', /steamclient library means it is not/],
    [3, 'VersionMismatch', /update the Steam client/],
  ])('names result %p %s and says the fix', (result, name, fix) => {
    double.failInit(result, 'reason');
    const error = thrownBy(() => createSteamBackend({ api, env: {} }).init()) as SteamInitError;
    expect(error.initResultName).toBe(name);
    expect(error.message).toMatch(fix);
  });

  it('reads only up to the message’s NUL (a full 1024-byte message is cut, not overrun)', () => {
    double.script('InitFlat', { returns: 1, bytes: 'x'.repeat(2000) });
    const error = thrownBy(() => createSteamBackend({ api, env: {} }).init()) as SteamInitError;
    expect(error.steamMessage).toBe('x'.repeat(1023));
  });

  it('with no ISteamNetworkingUtils interface throws STEAM_INTERFACE_UNAVAILABLE and shuts Steam down again', () => {
    double.setInterfaceNull(true);
    const backend = createSteamBackend({ api, env: {} });
    const error = thrownBy(() => backend.init()) as SteamInitError;
    expect(error).toBeInstanceOf(SteamInitError);
    expect(error.code).toBe('STEAM_INTERFACE_UNAVAILABLE');
    expect(error.message).toMatch(/no ISteamNetworkingUtils interface/);
    expect(double.log()).toEqual([
      'InitFlat(pOutErrMsg=buf)',
      'ManualDispatch_Init()',
      'GetHSteamPipe()',
      'SteamNetworkingUtils()',
      'Shutdown()',
    ]);
    expect(double.isInitialized()).toBe(false);
    expect(backend.running).toBe(false);
    expect(() => backend.getPOPCount()).toThrow(SteamBackendStateError);
  });

  it('with no callback pipe throws STEAM_INTERFACE_UNAVAILABLE and shuts Steam down again', () => {
    double.script('GetHSteamPipe', { returns: 0 });
    const error = thrownBy(() => createSteamBackend({ api, env: {} }).init()) as SteamInitError;
    expect(error.code).toBe('STEAM_INTERFACE_UNAVAILABLE');
    expect(error.message).toMatch(/no callback pipe/);
    expect(double.shutdownCount()).toBe(1);
  });

  it('refuses a second init() of a running backend', () => {
    const backend = track(startBackendOnDouble(steam));
    const error = thrownBy(() => backend.init()) as SteamBackendStateError;
    expect(error.code).toBe('STEAM_BACKEND_ALREADY_INITIALIZED');
    expect(double.log()).toEqual([]);
  });

  it('refuses a second backend on the same library while the first runs, before InitFlat', () => {
    track(startBackendOnDouble(steam));
    const second = createSteamBackend({ api, env: {} });
    const error = thrownBy(() => second.init()) as SteamBackendStateError;
    expect(error.code).toBe('STEAM_ALREADY_RUNNING');
    expect(error.message).toContain(double.path);
    expect(double.log()).toEqual([]);
    // Once the first is shut down, the second may start.
    running.splice(0).forEach((backend) => backend.shutdown());
    track(second).init();
    expect(second.running).toBe(true);
  });

  it('throws the loader’s typed error when the library cannot be found', () => {
    const backend = createSteamBackend({
      libraryPath: path.join(os.tmpdir(), 'relaylane-no-such-dir', 'libsteam_api.so'),
      env: {},
    });
    const error = thrownBy(() => backend.init()) as SteamLibraryLoadError;
    expect(error).toBeInstanceOf(SteamLibraryLoadError);
    expect(error.message).toContain('relaylane-no-such-dir');
    expect(backend.running).toBe(false);
  });
});

describe('the app id', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'relaylane-steam-appid-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('sets SteamAppId and SteamGameId from the option before InitFlat, without writing a file', () => {
    const env: Record<string, string | undefined> = {};
    track(createSteamBackend({ api, env, appId: 480, appIdFileDirectory: dir })).init();
    expect(env).toEqual({ SteamAppId: '480', SteamGameId: '480' });
    expect(() => readFileSync(path.join(dir, 'steam_appid.txt'))).toThrow();
  });

  it('writes steam_appid.txt when asked, with the option’s or the environment’s app id', () => {
    track(
      createSteamBackend({
        api,
        env: { SteamAppId: '730' },
        writeAppIdFile: true,
        appIdFileDirectory: dir,
      }),
    ).init();
    expect(readFileSync(path.join(dir, 'steam_appid.txt'), 'utf8')).toBe('730\n');
  });
});

describe('createSteamBackend options', () => {
  it.each([
    [{ appId: 0 }, RangeError, /appId must be an integer from 1 to 4294967295/],
    [{ appId: 1.5 }, RangeError, /appId/],
    [{ appId: '480' }, TypeError, /appId/],
    [{ writeAppIdFile: 'yes' }, TypeError, /writeAppIdFile/],
    [{ writeAppIdFile: true, env: {} }, RangeError, /no app id to write/],
    [{ libraryPath: 5 }, TypeError, /libraryPath must be a non-empty path string/],
    [{ api: {} }, TypeError, /api must be a binding from loadSteamApi/],
    [{ libarryPath: '/x' }, TypeError, /unknown option libarryPath/],
  ])('refuses %p', (options, kind, message) => {
    expect(() => createSteamBackend(options as never)).toThrow(kind);
    expect(() => createSteamBackend(options as never)).toThrow(message);
  });
});

describe('calls out of the lifecycle', () => {
  it.each(BACKEND_CALLS)(
    '%s before init() throws STEAM_BACKEND_NOT_INITIALIZED, calling nothing',
    (_name, call) => {
      const backend = createSteamBackend({ api, env: {} });
      const error = thrownBy(() => call(backend)) as SteamBackendStateError;
      expect(error).toBeInstanceOf(SteamBackendStateError);
      expect(error.code).toBe('STEAM_BACKEND_NOT_INITIALIZED');
      expect(double.log()).toEqual([]);
    },
  );

  it.each(BACKEND_CALLS)(
    '%s after shutdown() throws BACKEND_SHUT_DOWN, calling nothing',
    (_name, call) => {
      const backend = startBackendOnDouble(steam);
      backend.shutdown();
      double.clearLog();
      const error = thrownBy<BackendStateError>(() => call(backend));
      expect(error).toBeInstanceOf(BackendStateError);
      expect(error.code).toBe('BACKEND_SHUT_DOWN');
      expect(double.log()).toEqual([]);
    },
  );

  it('init() after shutdown() throws BACKEND_SHUT_DOWN', () => {
    const backend = startBackendOnDouble(steam);
    backend.shutdown();
    expect(thrownBy<BackendStateError>(() => backend.init()).code).toBe('BACKEND_SHUT_DOWN');
  });
});

describe('shutdown()', () => {
  it('drops every callback in Steam first, then shuts Steam down, then releases them', () => {
    const base = liveNativeCallbackCount();
    const backend = startBackendOnDouble(steam);
    backend.setGlobalCallback('fakeIPResult', true);
    backend.setGlobalCallback('connectionStatusChanged', true);
    backend.setDebugOutputLevel(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG);
    expect(liveNativeCallbackCount()).toBe(base + 3);
    expect(backend.diagnostics.registeredCallbacks).toBe(3);
    double.clearLog();
    backend.shutdown();
    expect(double.log()).toEqual([
      'SetGlobalCallback_SteamNetConnectionStatusChanged(self=utils,fnCallback=NULL)',
      'SetGlobalCallback_FakeIPResult(self=utils,fnCallback=NULL)',
      'SetDebugOutputFunction(self=utils,eDetailLevel=0,pfnFunc=NULL)',
      'Shutdown()',
    ]);
    expect(liveNativeCallbackCount()).toBe(base);
    expect(backend.diagnostics.registeredCallbacks).toBe(0);
    expect(backend.running).toBe(false);
  });

  it('is idempotent: Steam is shut down once', () => {
    const backend = startBackendOnDouble(steam);
    backend.shutdown();
    backend.shutdown();
    expect(double.shutdownCount()).toBe(1);
  });

  it('of a backend never initialised calls nothing', () => {
    createSteamBackend({ api, env: {} }).shutdown();
    expect(double.log()).toEqual([]);
  });

  it('forgets events that were waiting', () => {
    const backend = startBackendOnDouble(steam);
    backend.setDebugOutputLevel(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG);
    double.emitDebugOutput(4, 'pending');
    expect(backend.diagnostics.queuedEvents).toBe(1);
    backend.shutdown();
    expect(backend.diagnostics.queuedEvents).toBe(0);
  });
});

describe("the service's backend options", () => {
  it('steamBackend() builds a service over the Steam backend, started', () => {
    const service = createNetworkingUtils({ backend: steamBackend({ api, env: {} }) });
    try {
      expect(service.backendSelection).toEqual({
        requested: ['steam'],
        kind: 'steam',
        fallbacks: [],
      });
      expect(double.isInitialized()).toBe(true);
      expect(service.getPOPCount()).toBe(0);
    } finally {
      service.dispose();
    }
    expect(double.isInitialized()).toBe(false);
  });

  it('steamBackend() then simulatedBackend() falls back with Steam’s reason when InitFlat fails', () => {
    double.failInit(2, 'no client (double)');
    const lines: string[] = [];
    const service = createNetworkingUtils({
      backend: [steamBackend({ api, env: {} }), simulatedBackend()],
      log: (line) => lines.push(line),
    });
    try {
      expect(service.backendSelection.kind).toBe('simulated');
      expect(service.backendSelection.fallbacks).toEqual([
        { kind: 'steam', reason: expect.stringMatching(/NoSteamClient.*no client \(double\)/) },
      ]);
      expect(lines).toHaveLength(1);
    } finally {
      service.dispose();
    }
  });
});
