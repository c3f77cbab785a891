/**
 * Debug output through the test double: installed and cleared as Steam does, filtered by level,
 * the relay model's messages delivered from RunFrame, and calls from a second thread (koffi runs
 * them on the main thread while that thread waits).
 */
import koffi from 'koffi';

import { type DoubleFixture, startDouble } from './test-support/double-fixture.js';
import { distrustNativePointer, trustNativePointer } from '../native/trusted-pointers.js';

const MSG = 5;
const VERBOSE = 6;
const EVERYTHING = 8;
const WARNING = 4;

let f: DoubleFixture;
let received: [number, string][];
let onMessage: (() => void) | undefined;
let pointer: bigint;

beforeEach(() => {
  f = startDouble();
  received = [];
  onMessage = undefined;
  pointer = koffi.register((type: number, message: string) => {
    received.push([type, message]);
    onMessage?.();
  }, f.api.callbackTypes.debugOutput);
  // This spec's own registration stands for Relaylane's: the binding passes only trusted ones.
  trustNativePointer(pointer);
});

afterEach(() => {
  f.api.unload();
  distrustNativePointer(pointer);
  koffi.unregister(pointer);
});

/** Resolves once `count` messages arrived (the event loop must run for thread calls to land). */
function messages(count: number): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (received.length >= count) resolve();
    };
    onMessage = check;
    check();
  });
}

describe('installing', () => {
  it('installs the function with a level above NONE', () => {
    f.api.SetDebugOutputFunction(f.self, VERBOSE, pointer);
    expect(f.double.debugOutputFunction()).toBe(pointer);
    expect(f.double.debugOutputLevel()).toBe(VERBOSE);
  });

  it.each([
    ['level NONE', 0, true],
    ['a NULL function', EVERYTHING, false],
  ])('clears it with %s', (_what, level, withFunction) => {
    f.api.SetDebugOutputFunction(f.self, EVERYTHING, pointer);
    f.api.SetDebugOutputFunction(f.self, level, withFunction ? pointer : null);
    expect(f.double.debugOutputFunction()).toBeNull();
    expect(f.double.debugOutputLevel()).toBe(0);
    expect(f.double.emitDebugOutput(1, 'bug')).toBe(false);
  });
});

describe('delivery on the calling thread', () => {
  it('calls the function at once, for messages at or below the level', () => {
    f.api.SetDebugOutputFunction(f.self, WARNING, pointer);
    expect(f.double.emitDebugOutput(WARNING, 'careful')).toBe(true);
    expect(f.double.emitDebugOutput(MSG, 'chatty')).toBe(false);
    expect(received).toEqual([[WARNING, 'careful']]);
  });

  it('delivers the relay model messages from InitRelayNetworkAccess and RunFrame, filtered by level', () => {
    f.api.SetDebugOutputFunction(f.self, MSG, pointer);
    f.api.InitRelayNetworkAccess(f.self);
    expect(received.map(([type]) => type)).toEqual([MSG]);
    f.double.advanceTime(2500);
    expect(received).toHaveLength(1); // moving time delivers nothing
    f.api.ManualDispatch_RunFrame(f.pipe);
    expect(received.length).toBeGreaterThan(1);
    expect(received.every(([type]) => type <= MSG)).toBe(true);
    expect(received.at(-1)).toEqual([MSG, '[double] ping measurement complete']);
  });

  it('includes the per-POP debug lines at level EVERYTHING', () => {
    f.api.SetDebugOutputFunction(f.self, EVERYTHING, pointer);
    f.api.InitRelayNetworkAccess(f.self);
    f.double.advanceTime(2500);
    f.api.ManualDispatch_RunFrame(f.pipe);
    expect(received).toContainEqual([7, '[double] ping fra = 12 ms']);
  });

  it('delivers nothing once cleared, even messages already pending', () => {
    f.api.SetDebugOutputFunction(f.self, EVERYTHING, pointer);
    f.api.InitRelayNetworkAccess(f.self);
    f.double.advanceTime(2500);
    f.api.GetPOPCount(f.self); // the model moves on and queues its messages
    f.api.SetDebugOutputFunction(f.self, 0, null);
    received.length = 0;
    f.api.ManualDispatch_RunFrame(f.pipe);
    expect(received).toEqual([]);
  });
});

describe('delivery from another thread', () => {
  it('calls the function from a second thread; the calls land while the event loop runs', async () => {
    f.api.SetDebugOutputFunction(f.self, EVERYTHING, pointer);
    f.double.startDebugOutputThread(5, MSG, 'from thread');
    await messages(5);
    expect(f.double.joinDebugOutputThread()).toBe(5);
    expect(received).toEqual([1, 2, 3, 4, 5].map((i) => [MSG, `from thread ${i}/5`]));
  });

  it('skips messages the level filters out', () => {
    f.api.SetDebugOutputFunction(f.self, WARNING, pointer);
    f.double.startDebugOutputThread(3, MSG, 'filtered');
    expect(f.double.joinDebugOutputThread()).toBe(0);
    expect(received).toEqual([]);
  });

  it('stops calling once the function is cleared from inside a call', async () => {
    f.api.SetDebugOutputFunction(f.self, EVERYTHING, pointer);
    f.double.startDebugOutputThread(4, MSG, 'stop');
    await new Promise<void>((resolve) => {
      onMessage = () => {
        f.api.SetDebugOutputFunction(f.self, 0, null);
        resolve();
      };
    });
    expect(f.double.joinDebugOutputThread()).toBe(1);
    expect(received).toEqual([[MSG, 'stop 1/4']]);
  });

  it('refuses a reset while the thread still waits for the main thread', async () => {
    f.api.SetDebugOutputFunction(f.self, EVERYTHING, pointer);
    f.double.startDebugOutputThread(2, MSG, 'busy');
    expect(() => f.double.reset()).toThrow(/debug output thread is still running/);
    await messages(2);
    expect(f.double.joinDebugOutputThread()).toBe(2);
  });

  it('refuses a second thread before the first is joined', async () => {
    f.api.SetDebugOutputFunction(f.self, EVERYTHING, pointer);
    f.double.startDebugOutputThread(1, MSG, 'one');
    expect(() => f.double.startDebugOutputThread(1, MSG, 'two')).toThrow(/was not joined/);
    await messages(1);
    f.double.joinDebugOutputThread();
  });
});
