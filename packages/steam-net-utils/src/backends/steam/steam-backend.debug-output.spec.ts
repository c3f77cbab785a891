/**
 * Steam's debug output through the Steam backend against the test double, in the situation that
 * matters: Steam calls the function from a service thread while holding its networking lock, and
 * the main thread's `runCallbacks` takes that lock (`ManualDispatch_RunFrame`). The function is
 * owned by a worker thread, so Steam's thread never waits for the main thread.
 */
import koffi from 'koffi';

import { NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING } from '../../constants/index.js';
import { NetworkingUtils } from '../../service/networking-utils.js';
import { liveNativeCallbackCount } from './native-callback-owner.js';
import { type SteamBackend } from './steam-backend.js';
import { loadSteamDouble, startBackendOnDouble } from './test-support/steam-double-backend.js';

const steam = loadSteamDouble();
const { double } = steam;

/** How long the double's RunFrame waits for the lock before recording the deadlock. */
const LOCK_TIMEOUT_MS = 1000;

let backend: SteamBackend;
let service: NetworkingUtils;
let messages: string[];

beforeEach(() => {
  backend = startBackendOnDouble(steam);
  service = new NetworkingUtils(backend);
  messages = [];
  service.signals.network_debug_output.connect((_type, message) => messages.push(message));
});
afterEach(async () => {
  // A thread left waiting (a regression) is let finish before Steam is shut down.
  for (let turn = 0; turn < 10_000 && double.debugOutputThreadState() === 1; turn++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (double.debugOutputThreadState() !== 0) double.joinDebugOutputThread();
  service.dispose();
});

describe('debug output from a service thread holding Steam’s lock', () => {
  it('runCallbacks never waits for that thread: no deadlock, every message delivered in order', () => {
    double.setNetworkingLockTimeout(LOCK_TIMEOUT_MS);
    service.setDebugOutputFunction(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING);
    double.startDebugOutputThread(20, 4, 'locked');
    // Synchronous on purpose: the main thread's event loop never runs while the thread calls, as
    // in a game frame. A function registered on the main thread would block the thread (holding
    // the lock) until the event loop ran, and RunFrame would record the expired wait.
    for (
      let frame = 0;
      frame < 1_000_000 &&
      double.debugOutputThreadState() === 1 &&
      double.violations().length === 0;
      frame++
    ) {
      service.runCallbacks();
    }
    expect(double.violations()).toEqual([]);
    expect(double.joinDebugOutputThread()).toBe(20);
    service.runCallbacks();
    expect(messages).toEqual(Array.from({ length: 20 }, (_, i) => `locked ${i + 1}/20`));
  });

  it('a message Steam emits on the main thread is delivered in order among the other events', () => {
    service.setDebugOutputFunction(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING);
    double.emitDebugOutput(4, 'first');
    double.emitDebugOutput(2, 'second');
    expect(messages).toEqual([]);
    service.runCallbacks();
    expect(messages).toEqual(['first', 'second']);
  });

  it('the worker’s registration is counted and released: at NONE and at shutdown', () => {
    const base = liveNativeCallbackCount();
    const koffiBase = koffi.stats().callbacks;
    service.setDebugOutputFunction(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING);
    expect(liveNativeCallbackCount()).toBe(base + 1);
    expect(koffi.stats().callbacks).toBe(koffiBase + 1);
    expect(backend.diagnostics.registeredCallbacks).toBe(1);
    service.setDebugOutputFunction(0);
    expect(liveNativeCallbackCount()).toBe(base);
    expect(koffi.stats().callbacks).toBe(koffiBase);
    service.setDebugOutputFunction(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING);
    expect(koffi.stats().callbacks).toBe(koffiBase + 1);
    service.dispose();
    expect(double.debugOutputFunction()).toBeNull();
    expect(liveNativeCallbackCount()).toBe(base);
    expect(koffi.stats().callbacks).toBe(koffiBase);
  });
});
