import { ConnectFlags } from './connect-flags.js';
import { MessageQueue } from './message-queue.js';
import { Signal, type SignalOwner } from './signal.js';
import {
  COMPILE_AFTER_EMITS,
  dispatcherSource,
  isCodeGenerationAvailable,
  MAX_COMPILED_ARGUMENTS,
  MAX_COMPILED_LISTENERS,
  setFunctionConstructorForTesting,
} from './signal-dispatch.js';
import { captureReportedErrors } from './test-support/errors.js';

const { DEFERRED, ONE_SHOT } = ConnectFlags;

/** One listener call: which listener, its `this`, and exactly what it was given. */
interface Call {
  readonly listener: string;
  readonly self: unknown;
  readonly args: unknown[];
}

/** The sources compiled through the `Function` constructor since the test began. */
let compiled: string[] = [];

beforeEach(() => {
  compiled = [];
  setFunctionConstructorForTesting((...parametersAndBody) => {
    compiled.push(parametersAndBody[parametersAndBody.length - 1]!);
    return new Function(...parametersAndBody);
  });
});

afterEach(() => setFunctionConstructorForTesting(undefined));

/**
 * Listeners named `l0`, `l1`, ... (their names are what error reports show) that record each call
 * in `calls`. A listener in `behaviour` runs that function after recording its call.
 */
function recordingListeners(
  count: number,
  calls: Call[],
  behaviour: Record<number, () => void> = {},
): ((...args: unknown[]) => void)[] {
  const listeners: ((...args: unknown[]) => void)[] = [];
  for (let i = 0; i < count; i++) {
    const name = `l${i}`;
    const listener = {
      // A method, so the function has the name and a real `this` (undefined when called plainly).
      [name](this: unknown, ...args: unknown[]): void {
        calls.push({ listener: name, self: this, args });
        behaviour[i]?.();
      },
    }[name]!;
    listeners.push(listener);
  }
  return listeners;
}

/** Emits `signal` until a list of two or more plain listeners has been compiled, then forgets. */
function emitUntilCompiled(signal: Signal<unknown[]>, calls: Call[], ...args: unknown[]): void {
  const before = compiled.length;
  for (let i = 0; i < COMPILE_AFTER_EMITS; i++) {
    signal.emit(...args);
  }
  expect(compiled).toHaveLength(before + 1);
  calls.length = 0;
}

function names(calls: readonly Call[]): string[] {
  return calls.map((call) => call.listener);
}

describe('Signal fast paths (signal-dispatch)', () => {
  const reports = captureReportedErrors();

  describe('the compiled dispatcher', () => {
    it.each([2, 3, 10, MAX_COMPILED_LISTENERS])(
      'calls %i listeners in order with exactly the arguments and this undefined',
      (count) => {
        const signal = new Signal<unknown[]>('tick');
        const calls: Call[] = [];
        for (const listener of recordingListeners(count, calls)) signal.connect(listener);
        emitUntilCompiled(signal, calls, 'warm', 0);
        expect(compiled[0]).toContain(`${count} listener(s), 2 argument(s)`);

        signal.emit('a', 1);
        const expected = Array.from({ length: count }, (_, i) => ({
          listener: `l${i}`,
          self: undefined,
          args: ['a', 1],
        }));
        expect(calls).toEqual(expected);
        // Same count, another emit: the dispatcher is kept, not compiled again.
        signal.emit('b', 2);
        expect(calls).toHaveLength(2 * count);
        expect(compiled).toHaveLength(1);
      },
    );

    it('passes exactly the emitted arguments when an emit has another count than compiled for', () => {
      const signal = new Signal<unknown[]>('tick');
      const calls: Call[] = [];
      for (const listener of recordingListeners(2, calls)) signal.connect(listener);
      emitUntilCompiled(signal, calls, 1, 2);

      signal.emit();
      signal.emit(1, undefined, 3);
      signal.emit(undefined);
      expect(calls.map((call) => call.args)).toEqual([
        [],
        [],
        [1, undefined, 3],
        [1, undefined, 3],
        [undefined],
        [undefined],
      ]);
      expect(compiled).toHaveLength(1);
    });

    it('compiles for zero arguments', () => {
      const signal = new Signal<unknown[]>('ready');
      const calls: Call[] = [];
      for (const listener of recordingListeners(3, calls)) signal.connect(listener);
      emitUntilCompiled(signal, calls);
      signal.emit();
      expect(calls).toEqual([
        { listener: 'l0', self: undefined, args: [] },
        { listener: 'l1', self: undefined, args: [] },
        { listener: 'l2', self: undefined, args: [] },
      ]);
    });

    it('does not call a listener removed during the emit before its turn', () => {
      const signal = new Signal<unknown[]>('tick');
      const calls: Call[] = [];
      let armed = false;
      const listeners = recordingListeners(4, calls, {
        1: () => {
          if (armed) {
            signal.disconnect(listeners[3]!); // later: not called
            signal.disconnect(listeners[0]!); // earlier: already called
          }
        },
      });
      for (const listener of listeners) signal.connect(listener);
      emitUntilCompiled(signal, calls, 7);

      armed = true;
      signal.emit(7);
      expect(names(calls)).toEqual(['l0', 'l1', 'l2']);
      calls.length = 0;
      signal.emit(8);
      expect(names(calls)).toEqual(['l1', 'l2']);
    });

    it('does not call the rest when a listener calls disconnectAll() during the emit', () => {
      const signal = new Signal<unknown[]>('tick');
      const calls: Call[] = [];
      let armed = false;
      const listeners = recordingListeners(3, calls, {
        0: () => {
          if (armed) signal.disconnectAll();
        },
      });
      for (const listener of listeners) signal.connect(listener);
      emitUntilCompiled(signal, calls);
      armed = true;
      signal.emit();
      expect(names(calls)).toEqual(['l0']);
    });

    it('does not call, in the current emit, a listener connected during it', () => {
      const signal = new Signal<unknown[]>('tick');
      const calls: Call[] = [];
      const [late] = recordingListeners(1, []);
      let armed = false;
      const listeners = recordingListeners(2, calls, {
        0: () => {
          if (armed && !signal.isConnected(late!)) signal.connect(late!);
        },
      });
      for (const listener of listeners) signal.connect(listener);
      emitUntilCompiled(signal, calls);
      armed = true;
      signal.emit();
      expect(names(calls)).toEqual(['l0', 'l1']);
      expect(signal.isConnected(late!)).toBe(true);
    });

    it('runs a nested emit from a listener in full, inside the outer one', () => {
      const signal = new Signal<unknown[]>('tick');
      const calls: Call[] = [];
      const listeners = recordingListeners(3, calls, {
        1: () => {
          if (calls.length === 2 && calls[0]!.args[0] === 'outer') signal.emit('inner');
        },
      });
      for (const listener of listeners) signal.connect(listener);
      emitUntilCompiled(signal, calls, 'warm');
      signal.emit('outer');
      expect(calls.map((call) => `${call.listener} ${String(call.args[0])}`)).toEqual([
        'l0 outer',
        'l1 outer',
        'l0 inner',
        'l1 inner',
        'l2 inner',
        'l2 outer',
      ]);
    });

    it('reports a throwing listener once, by name, and still runs the rest', () => {
      const signal = new Signal<unknown[]>('relay_network_status');
      const calls: Call[] = [];
      const failure = new Error('l1 failed');
      let armed = false;
      const listeners = recordingListeners(4, calls, {
        1: () => {
          if (armed) throw failure;
        },
      });
      for (const listener of listeners) signal.connect(listener);
      emitUntilCompiled(signal, calls, 1);
      armed = true;

      expect(() => signal.emit(2)).not.toThrow();
      expect(calls).toEqual(
        ['l0', 'l1', 'l2', 'l3'].map((listener) => ({ listener, self: undefined, args: [2] })),
      );
      expect(reports).toEqual([
        { error: failure, context: "signal 'relay_network_status' listener 'l1'" },
      ]);
      // The dispatcher stays: the next emit goes through it again.
      signal.emit(3);
      expect(reports).toHaveLength(2);
      expect(calls).toHaveLength(8);
      expect(compiled).toHaveLength(1);
    });

    it('reports each of several throwing listeners, including the first and the last', () => {
      const signal = new Signal<unknown[]>('tick', { owner: owner('Lobby') });
      const calls: Call[] = [];
      let armed = false;
      const thrower = (i: number) => (): void => {
        if (armed) throw new Error(`l${i}`);
      };
      const listeners = recordingListeners(5, calls, {
        0: thrower(0),
        2: thrower(2),
        4: thrower(4),
      });
      for (const listener of listeners) signal.connect(listener);
      emitUntilCompiled(signal, calls, 'x');
      armed = true;
      signal.emit('y');
      expect(names(calls)).toEqual(['l0', 'l1', 'l2', 'l3', 'l4']);
      expect(reports.map((report) => [(report.error as Error).message, report.context])).toEqual([
        ['l0', "signal 'tick' of Lobby listener 'l0'"],
        ['l2', "signal 'tick' of Lobby listener 'l2'"],
        ['l4', "signal 'tick' of Lobby listener 'l4'"],
      ]);
    });

    it('skips, after a throw, a listener that the throwing one removed', () => {
      const signal = new Signal<unknown[]>('tick');
      const calls: Call[] = [];
      let armed = false;
      const listeners = recordingListeners(4, calls, {
        1: () => {
          if (armed) {
            signal.disconnect(listeners[2]!);
            throw new Error('after removing l2');
          }
        },
      });
      for (const listener of listeners) signal.connect(listener);
      emitUntilCompiled(signal, calls);
      armed = true;
      signal.emit();
      expect(names(calls)).toEqual(['l0', 'l1', 'l3']);
      expect(reports.map((report) => report.context)).toEqual(["signal 'tick' listener 'l1'"]);
    });

    it('does nothing while the owner blocks signals', () => {
      const lobby = owner('Lobby');
      const signal = new Signal<unknown[]>('tick', { owner: lobby });
      const calls: Call[] = [];
      for (const listener of recordingListeners(3, calls)) signal.connect(listener);
      emitUntilCompiled(signal, calls);
      lobby.signalsBlocked = true;
      signal.emit();
      expect(calls).toEqual([]);
      lobby.signalsBlocked = false;
      signal.emit();
      expect(names(calls)).toEqual(['l0', 'l1', 'l2']);
    });

    it('gives every compile its own source text, so that V8 cannot share one between signals', () => {
      const calls: Call[] = [];
      for (let i = 0; i < 2; i++) {
        const signal = new Signal<unknown[]>('tick');
        for (const listener of recordingListeners(2, calls)) signal.connect(listener);
        emitUntilCompiled(signal, calls, 1);
      }
      expect(compiled).toHaveLength(2);
      expect(compiled[0]).not.toBe(compiled[1]);
      expect(dispatcherSource(2, 1, 0, 1)).not.toBe(dispatcherSource(2, 1, 0, 2));
    });

    it('compiles again after a change, after twice as many emits each time', () => {
      const signal = new Signal<unknown[]>('tick');
      const calls: Call[] = [];
      const [first, second, third] = recordingListeners(3, calls);
      signal.connect(first!);
      signal.connect(second!);
      emitUntilCompiled(signal, calls);

      signal.connect(third!);
      for (let i = 1; i < 2 * COMPILE_AFTER_EMITS; i++) signal.emit();
      expect(compiled).toHaveLength(1);
      signal.emit();
      expect(compiled).toHaveLength(2);
      expect(compiled[1]).toContain('3 listener(s)');
      expect(names(calls.slice(-3))).toEqual(['l0', 'l1', 'l2']);
    });
  });

  describe('switching between the fast path and the loop', () => {
    it('uses the loop while a DEFERRED connection is present, and compiles again once it goes', () => {
      const queue = new MessageQueue();
      const signal = new Signal<unknown[]>('tick', { messageQueue: queue });
      const calls: Call[] = [];
      const [a, b, deferred] = recordingListeners(3, calls);
      signal.connect(a!);
      signal.connect(b!);
      emitUntilCompiled(signal, calls, 1);

      signal.connect(deferred!, DEFERRED);
      for (let i = 0; i < 4 * COMPILE_AFTER_EMITS; i++) signal.emit(2);
      expect(compiled).toHaveLength(1); // no dispatcher for a list with a DEFERRED connection
      expect(calls).toHaveLength(2 * 4 * COMPILE_AFTER_EMITS);
      expect(queue.size).toBe(4 * COMPILE_AFTER_EMITS);
      calls.length = 0;
      queue.flush();
      expect(names(calls).every((name) => name === 'l2')).toBe(true);

      signal.disconnect(deferred!);
      for (let i = 0; i < 2 * COMPILE_AFTER_EMITS; i++) signal.emit(3);
      expect(compiled).toHaveLength(2);
      expect(queue.size).toBe(0);
    });

    it('uses the loop for an emit with a ONE_SHOT connection, then the fast path again', () => {
      const signal = new Signal<unknown[]>('tick');
      const calls: Call[] = [];
      const [a, b, oneShot] = recordingListeners(3, calls);
      signal.connect(a!);
      signal.connect(b!);
      emitUntilCompiled(signal, calls, 1);

      signal.connect(oneShot!, ONE_SHOT);
      signal.emit(2);
      signal.emit(3);
      expect(calls.map((call) => `${call.listener} ${String(call.args[0])}`)).toEqual([
        'l0 2',
        'l1 2',
        'l2 2',
        'l0 3',
        'l1 3',
      ]);
      expect(signal.isConnected(oneShot!)).toBe(false);
      for (let i = 0; i < 2 * COMPILE_AFTER_EMITS; i++) signal.emit(4);
      expect(compiled).toHaveLength(2);
    });

    it('compiles nothing for one listener, and keeps the rules for it', () => {
      const signal = new Signal<unknown[]>('tick');
      const calls: Call[] = [];
      let armed = false;
      const [only] = recordingListeners(1, calls, {
        0: () => {
          if (armed) throw new Error('only');
        },
      });
      signal.connect(only!);
      for (let i = 0; i < 4 * COMPILE_AFTER_EMITS; i++) signal.emit(i);
      expect(compiled).toEqual([]);
      armed = true;
      calls.length = 0;
      signal.emit('a', 'b');
      expect(calls).toEqual([{ listener: 'l0', self: undefined, args: ['a', 'b'] }]);
      expect(reports.map((report) => report.context)).toEqual(["signal 'tick' listener 'l0'"]);
    });

    it(`uses the loop for more than ${MAX_COMPILED_LISTENERS} listeners`, () => {
      for (const count of [MAX_COMPILED_LISTENERS + 1, 200]) {
        const signal = new Signal<unknown[]>('tick');
        const calls: Call[] = [];
        let armed = false;
        const listeners = recordingListeners(count, calls, {
          1: () => {
            if (armed) signal.disconnect(listeners[count - 1]!);
          },
          2: () => {
            if (armed) throw new Error('l2');
          },
        });
        for (const listener of listeners) signal.connect(listener);
        for (let i = 0; i < 4 * COMPILE_AFTER_EMITS; i++) signal.emit(i);
        expect(compiled).toEqual([]);
        armed = true;
        calls.length = 0;
        signal.emit('x');
        expect(names(calls)).toEqual(
          Array.from({ length: count - 1 }, (_, i) => `l${i}`), // the last one was removed
        );
        expect(calls.every((call) => call.self === undefined && call.args.length === 1)).toBe(true);
        expect(reports.map((report) => report.context)).toEqual(["signal 'tick' listener 'l2'"]);
        reports.length = 0;
      }
    });

    it(`uses the loop for an emit with more than ${MAX_COMPILED_ARGUMENTS} arguments`, () => {
      const signal = new Signal<unknown[]>('tick');
      const calls: Call[] = [];
      for (const listener of recordingListeners(2, calls)) signal.connect(listener);
      const args = Array.from({ length: MAX_COMPILED_ARGUMENTS + 1 }, (_, i) => i);
      for (let i = 0; i < 4 * COMPILE_AFTER_EMITS; i++) signal.emit(...args);
      expect(compiled).toEqual([]);
      expect(calls.every((call) => call.args.length === args.length)).toBe(true);
      // An emit within the limit still compiles.
      emitUntilCompiled(signal, calls, ...args.slice(0, MAX_COMPILED_ARGUMENTS));
    });
  });

  describe('without code generation (a strict Content-Security-Policy)', () => {
    let attempts = 0;

    beforeEach(() => {
      attempts = 0;
      setFunctionConstructorForTesting(() => {
        attempts++;
        throw new EvalError(
          "Refused to evaluate a string as JavaScript because 'unsafe-eval' is not an allowed " +
            'source of script',
        );
      });
    });

    it('detects it once and keeps the loop for every signal, with the same rules', () => {
      const calls: Call[] = [];
      const signals: Signal<unknown[]>[] = [];
      let armed = false;
      for (let s = 0; s < 3; s++) {
        const signal = new Signal<unknown[]>(`s${s}`);
        const listeners = recordingListeners(3, calls, {
          0: () => {
            if (armed) signal.disconnect(listeners[2]!);
          },
          1: () => {
            if (armed) throw new Error('l1');
          },
        });
        for (const listener of listeners) signal.connect(listener);
        signals.push(signal);
      }
      expect(isCodeGenerationAvailable()).toBeUndefined();
      for (let i = 0; i < 8 * COMPILE_AFTER_EMITS; i++) {
        for (const signal of signals) signal.emit(i);
      }
      expect(attempts).toBe(1);
      expect(isCodeGenerationAvailable()).toBe(false);
      expect(calls).toHaveLength(3 * 3 * 8 * COMPILE_AFTER_EMITS);

      armed = true;
      calls.length = 0;
      signals[0]!.emit('a', 'b');
      expect(calls).toEqual([
        { listener: 'l0', self: undefined, args: ['a', 'b'] },
        { listener: 'l1', self: undefined, args: ['a', 'b'] },
      ]);
      expect(reports.map((report) => report.context)).toEqual(["signal 's0' listener 'l1'"]);
    });

    it('still gives one listener its closure fast path', () => {
      const signal = new Signal<unknown[]>('tick');
      const calls: Call[] = [];
      for (const listener of recordingListeners(1, calls)) signal.connect(listener);
      for (let i = 0; i < 2 * COMPILE_AFTER_EMITS; i++) signal.emit(i);
      expect(attempts).toBe(0);
      expect(calls).toHaveLength(2 * COMPILE_AFTER_EMITS);
    });

    it('compiles again once code generation is restored', () => {
      const signal = new Signal<unknown[]>('tick');
      const calls: Call[] = [];
      for (const listener of recordingListeners(2, calls)) signal.connect(listener);
      for (let i = 0; i < COMPILE_AFTER_EMITS; i++) signal.emit();
      expect(attempts).toBe(1);

      setFunctionConstructorForTesting(undefined);
      for (let i = 0; i < COMPILE_AFTER_EMITS; i++) signal.emit();
      expect(isCodeGenerationAvailable()).toBe(true);
    });
  });
});

function owner(name: string): SignalOwner & { signalsBlocked: boolean } {
  return { signalsBlocked: false, disposed: false, name };
}
