/**
 * The six networking callbacks through the Steam backend and koffi against the test double, both
 * ways Steam delivers them (manual dispatch, global callbacks), turned into the service's signals
 * with GodotSteam's arguments; and the lifetime of the koffi callbacks.
 */
import koffi from 'koffi';

import { type GlobalCallbackKind } from '../../port/networking-utils-backend.js';
import { NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING } from '../../constants/index.js';
import { NetworkingUtils } from '../../service/networking-utils.js';
import { liveNativeCallbackCount } from './native-callback-owner.js';
import { type SteamBackend } from './steam-backend.js';
import {
  authenticationStatusBytes,
  type ConnectionInfoFields,
  connectionStatusChangedBytes,
  fakeIPResultBytes,
  relayStatusBytes,
  sessionFailedBytes,
  sessionRequestBytes,
} from './test-support/sdk-struct-bytes.js';
import { loadSteamDouble, startBackendOnDouble } from './test-support/steam-double-backend.js';

const steam = loadSteamDouble();
const { double } = steam;

const INFO: ConnectionInfoFields = {
  steamId: 76561197960287930n,
  userData: -5n,
  listenSocket: 0x1234,
  ipv4: 0xc0a80102, // 192.168.1.2
  port: 27015,
  popRemote: 0x00667261,
  relayPopId: 0x00616d73,
  state: 3,
  endReason: 5008,
  endDebug: 'timed out',
  description: '#42 peer',
};

/** Each callback: its id, global callback config value, service method, struct bytes and signal. */
const CALLBACKS: readonly {
  kind: GlobalCallbackKind;
  id: number;
  configValue: number;
  install: keyof NetworkingUtils;
  bytes: Uint8Array;
  signal: string;
  args: unknown[];
}[] = [
  {
    kind: 'relayNetworkStatusChanged',
    id: 1281,
    configValue: 203,
    install: 'setGlobalCallbackSteamRelayNetworkStatusChanged',
    bytes: relayStatusBytes({
      available: 100,
      measuring: 1,
      config: -101,
      relay: 3,
      message: 'relay ok',
    }),
    signal: 'relay_network_status',
    args: [100, 1, -101, 3, 'relay ok'],
  },
  {
    kind: 'connectionStatusChanged',
    id: 1221,
    configValue: 201,
    install: 'setGlobalCallbackSteamNetConnectionStatusChanged',
    bytes: connectionStatusChangedBytes(77, INFO, 1),
    signal: 'network_connection_status_changed',
    args: [
      77,
      {
        identity: 76561197960287930n,
        user_data: -5n,
        listen_socket: 0x1234,
        remote_address: '192.168.1.2:27015',
        remote_pop: 0x00667261,
        pop_relay: 0x00616d73,
        connection_state: 3,
        end_reason: 5008,
        end_debug: 'timed out',
        debug_description: '#42 peer',
      },
      1,
    ],
  },
  {
    kind: 'authenticationStatusChanged',
    id: 1222,
    configValue: 202,
    install: 'setGlobalCallbackSteamNetAuthenticationStatusChanged',
    bytes: authenticationStatusBytes(-10, 'retrying auth'),
    signal: 'network_authentication_status',
    args: [-10, 'retrying auth'],
  },
  {
    kind: 'fakeIPResult',
    id: 1223,
    configValue: 207,
    install: 'setGlobalCallbackFakeIPResult',
    bytes: fakeIPResultBytes(1, 76561197960287931n, 0xa9fee053, [20232, 20233]),
    signal: 'fake_ip_result',
    args: [1, 76561197960287931n, '169.254.224.83', [20232, 20233, 0, 0, 0, 0, 0, 0]],
  },
  {
    kind: 'messagesSessionRequest',
    id: 1251,
    configValue: 204,
    install: 'setGlobalCallbackMessagesSessionRequest',
    bytes: sessionRequestBytes(76561197960287932n),
    signal: 'network_messages_session_request',
    args: [76561197960287932n],
  },
  {
    kind: 'messagesSessionFailed',
    id: 1252,
    configValue: 205,
    install: 'setGlobalCallbackMessagesSessionFailed',
    bytes: sessionFailedBytes(INFO),
    signal: 'network_messages_session_failed',
    args: [5008, 76561197960287930n, 3, 'timed out'],
  },
];

let backend: SteamBackend;
let service: NetworkingUtils;
let emitted: [string, unknown[]][];

beforeEach(() => {
  backend = startBackendOnDouble(steam);
  service = new NetworkingUtils(backend);
  emitted = [];
  for (const { signal } of CALLBACKS) {
    (
      service.signals as unknown as Record<
        string,
        { connect(fn: (...args: unknown[]) => void): void }
      >
    )[signal]!.connect((...args) => emitted.push([signal, args]));
  }
  service.signals.network_debug_output.connect((...args) =>
    emitted.push(['network_debug_output', args]),
  );
});
afterEach(() => {
  service.dispose();
  expect(double.violations()).toEqual([]);
});

describe('manual dispatch', () => {
  it.each(CALLBACKS)(
    'delivers $signal from callback $id with GodotSteam’s arguments',
    ({ id, bytes, signal, args }) => {
      double.queueCallback(id, bytes);
      expect(emitted).toEqual([]);
      service.runCallbacks();
      expect(emitted).toEqual([[signal, args]]);
      // Decoded before the free: the double scribbles a freed struct with 0xDD, so a late read would
      // have produced garbage above. Each callback was freed, and nothing is outstanding.
      expect(double.log()).toEqual([
        'ManualDispatch_RunFrame(hSteamPipe=1)',
        'ManualDispatch_GetNextCallback(hSteamPipe=1,pCallbackMsg=buf)',
        'ManualDispatch_FreeLastCallback(hSteamPipe=1)',
        'ManualDispatch_GetNextCallback(hSteamPipe=1,pCallbackMsg=buf)',
      ]);
      expect(double.outstandingCallback()).toBe(false);
    },
  );

  it('delivers several callbacks in the order Steam queued them', () => {
    for (const { id, bytes } of CALLBACKS) double.queueCallback(id, bytes);
    service.runCallbacks();
    expect(emitted.map(([signal]) => signal)).toEqual(CALLBACKS.map(({ signal }) => signal));
  });

  it('frees and skips unknown callbacks and call results (703), delivering the rest', () => {
    double.queueCallback(9999, new Uint8Array(64).fill(7));
    double.queueCallback(703, new Uint8Array(16));
    double.queueCallback(1222, authenticationStatusBytes(100, 'ok'));
    service.runCallbacks();
    expect(emitted).toEqual([['network_authentication_status', [100, 'ok']]]);
    expect(
      double.log().filter((line) => line.startsWith('ManualDispatch_FreeLastCallback')),
    ).toHaveLength(3);
    expect(backend.diagnostics.skippedCallbacks).toBe(2);
  });

  it('skips a struct shorter than its type (m_cubParam bounds the read)', () => {
    double.queueCallback(
      1281,
      relayStatusBytes({
        available: 100,
        measuring: 0,
        config: 100,
        relay: 100,
        message: '',
      }).subarray(0, 100),
    );
    double.queueCallback(1221, new Uint8Array(500));
    service.runCallbacks();
    expect(emitted).toEqual([]);
    expect(backend.diagnostics.skippedCallbacks).toBe(2);
    expect(double.outstandingCallback()).toBe(false);
  });

  it('reads only the struct’s size of a longer m_cubParam', () => {
    const longer = new Uint8Array(4096).fill(0x41);
    longer.set(authenticationStatusBytes(100, 'short'));
    double.queueCallback(1222, longer);
    service.runCallbacks();
    expect(emitted).toEqual([['network_authentication_status', [100, 'short']]]);
  });

  it('takes at most 1024 callbacks a frame and leaves the rest to the next', () => {
    const bytes = authenticationStatusBytes(100, 'x');
    for (let i = 0; i < 1030; i++) double.queueCallback(1222, bytes);
    service.runCallbacks();
    expect(emitted).toHaveLength(1024);
    expect(double.pendingCallbacks()).toBe(6);
    service.runCallbacks();
    expect(emitted).toHaveLength(1030);
  });
});

describe('global callbacks', () => {
  it.each(CALLBACKS)(
    '$install routes its struct to $signal, delivered in runCallbacks only',
    ({ install, configValue, bytes, signal, args }) => {
      expect((service[install] as () => boolean).call(service)).toBe(true);
      expect(double.invokeGlobalCallback(configValue, bytes)).toBe(true);
      // Copied during the call: the double scribbled its buffer after the callback returned.
      expect(emitted).toEqual([]);
      service.runCallbacks();
      expect(emitted).toEqual([[signal, args]]);
    },
  );

  it('delivers global callbacks and debug output in arrival order, before this frame’s dispatched callbacks', () => {
    service.setGlobalCallbackFakeIPResult();
    service.setGlobalCallbackMessagesSessionRequest();
    service.setDebugOutputFunction(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING);
    double.queueCallback(1222, authenticationStatusBytes(100, 'dispatched'));
    double.invokeGlobalCallback(204, sessionRequestBytes(5n));
    double.emitDebugOutput(4, 'between');
    double.invokeGlobalCallback(207, fakeIPResultBytes(1, 6n, 0xa9fe0001, [1]));
    service.runCallbacks();
    expect(emitted.map(([signal, args]) => `${signal}:${String(args[0])}`)).toEqual([
      'network_messages_session_request:5',
      'network_debug_output:4',
      'fake_ip_result:1',
      'network_authentication_status:100',
    ]);
  });

  it('removing a callback tells Steam first, then releases it', () => {
    const base = liveNativeCallbackCount();
    expect(backend.setGlobalCallback('fakeIPResult', true)).toBe(true);
    expect(liveNativeCallbackCount()).toBe(base + 1);
    double.clearLog();
    expect(backend.setGlobalCallback('fakeIPResult', false)).toBe(true);
    expect(double.log()).toEqual(['SetGlobalCallback_FakeIPResult(self=utils,fnCallback=NULL)']);
    expect(double.installedCallback(207)).toBeNull();
    expect(liveNativeCallbackCount()).toBe(base);
    expect(double.invokeGlobalCallback(207, fakeIPResultBytes(1, 6n, 1, []))).toBe(false);
  });

  it('installing twice reuses the one registered callback', () => {
    const base = liveNativeCallbackCount();
    backend.setGlobalCallback('messagesSessionFailed', true);
    const first = double.installedCallback(205);
    backend.setGlobalCallback('messagesSessionFailed', true);
    expect(double.installedCallback(205)).toBe(first);
    expect(liveNativeCallbackCount()).toBe(base + 1);
  });

  it('releases a callback Steam refused at once', () => {
    const base = liveNativeCallbackCount();
    double.script('SetGlobalCallback_FakeIPResult', { returns: false });
    expect(service.setGlobalCallbackFakeIPResult()).toBe(false);
    expect(liveNativeCallbackCount()).toBe(base);
    expect(backend.diagnostics.registeredCallbacks).toBe(0);
  });

  it('keeps a callback Steam refused to remove until shutdown (Steam may still call it)', () => {
    const base = liveNativeCallbackCount();
    backend.setGlobalCallback('fakeIPResult', true);
    double.script('SetGlobalCallback_FakeIPResult', { returns: false });
    expect(backend.setGlobalCallback('fakeIPResult', false)).toBe(false);
    expect(liveNativeCallbackCount()).toBe(base + 1);
    service.dispose();
    expect(liveNativeCallbackCount()).toBe(base);
  });

  it('removing a callback that was never installed calls nothing', () => {
    expect(backend.setGlobalCallback('connectionStatusChanged', false)).toBe(true);
    expect(double.log()).toEqual([]);
  });
});

describe('callback lifetimes', () => {
  it('every koffi callback is released at shutdown, after Steam dropped it (the count returns to 0)', () => {
    const base = liveNativeCallbackCount();
    const koffiBase = koffi.stats().callbacks;
    for (const { install } of CALLBACKS) (service[install] as () => boolean).call(service);
    service.setDebugOutputFunction(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING);
    expect(liveNativeCallbackCount()).toBe(base + 7);
    expect(koffi.stats().callbacks).toBe(koffiBase + 7);
    service.dispose();
    expect(liveNativeCallbackCount()).toBe(base);
    expect(koffi.stats().callbacks).toBe(koffiBase);
    for (const { configValue } of CALLBACKS)
      expect(double.installedCallback(configValue)).toBeNull();
    expect(double.debugOutputFunction()).toBeNull();
  });

  it('the debug output function is registered once, kept across levels, released at NONE', () => {
    const base = liveNativeCallbackCount();
    service.setDebugOutputFunction(8);
    const fn = double.debugOutputFunction();
    service.setDebugOutputFunction(4);
    expect(double.debugOutputFunction()).toBe(fn);
    expect(liveNativeCallbackCount()).toBe(base + 1);
    service.setDebugOutputFunction(0);
    expect(double.log().at(-1)).toBe(
      'SetDebugOutputFunction(self=utils,eDetailLevel=0,pfnFunc=NULL)',
    );
    expect(double.debugOutputFunction()).toBeNull();
    expect(liveNativeCallbackCount()).toBe(base);
  });

  it('a listener that disposes the service stops delivery, and nothing is called afterwards', () => {
    service.signals.network_authentication_status.connect(() => service.dispose());
    for (let i = 0; i < 3; i++) double.queueCallback(1222, authenticationStatusBytes(100, `n${i}`));
    service.runCallbacks();
    expect(emitted.filter(([signal]) => signal === 'network_authentication_status')).toHaveLength(
      1,
    );
    expect(backend.running).toBe(false);
    expect(double.isInitialized()).toBe(false);
  });
});

describe('debug output', () => {
  it('routes messages the double emits on the main thread to network_debug_output in runCallbacks', () => {
    service.setDebugOutputFunction(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING);
    expect(double.emitDebugOutput(2, 'an error')).toBe(true);
    expect(emitted).toEqual([]);
    service.runCallbacks();
    expect(emitted).toEqual([['network_debug_output', [2, 'an error']]]);
  });

  it('delivers messages Steam emits inside a call at the next runCallbacks', () => {
    service.setDebugOutputFunction(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING);
    service.initRelayNetworkAccess(); // the double reports "fetching network config" from inside the call
    expect(emitted).toEqual([]);
    service.runCallbacks();
    expect(emitted).toContainEqual([
      'network_debug_output',
      [5, expect.stringContaining('fetching network config')],
    ]);
  });

  it('routes messages from the double’s own thread to network_debug_output on the main thread, in runCallbacks, in order', async () => {
    service.setDebugOutputFunction(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING);
    let inRunCallbacks = false;
    const seen: { message: unknown; during: boolean }[] = [];
    service.signals.network_debug_output.connect((_type, message) =>
      seen.push({ message, during: inRunCallbacks }),
    );
    double.startDebugOutputThread(5, 4, 'from thread');
    // The worker that owns the function forwards each call; the thread finishes on its own.
    for (let turn = 0; turn < 10_000 && double.debugOutputThreadDelivered() < 5; turn++) {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    expect(double.joinDebugOutputThread()).toBe(5);
    expect(seen).toEqual([]);
    expect(backend.diagnostics.queuedEvents).toBe(5);
    inRunCallbacks = true;
    service.runCallbacks();
    inRunCallbacks = false;
    expect(seen).toEqual(
      [1, 2, 3, 4, 5].map((i) => ({ message: `from thread ${i}/5`, during: true })),
    );
  });
});
