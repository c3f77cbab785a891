import { callable } from './callable.js';
import { ConnectFlags } from './connect-flags.js';
import { setErrorHook } from './error-hook.js';
import { type RelaylaneError } from './errors.js';
import { MessageQueue, MessageQueueOverflowError } from './message-queue.js';
import { Signal, SignalError, type SignalArgs, type SignalOwner } from './signal.js';
import { captureReportedErrors, thrownBy } from './test-support/errors.js';

const { DEFERRED, PERSIST, ONE_SHOT, REFERENCE_COUNTED } = ConnectFlags;

class Owner implements SignalOwner {
  signalsBlocked = false;
  disposed = false;
  readonly name = 'Lobby';
}

describe('Signal', () => {
  const reports = captureReportedErrors();

  it('calls the listeners with the arguments, in connection order', () => {
    const signal = new Signal<[ping: number, pop: string]>('ping_changed');
    const calls: string[] = [];
    const third = (ping: number, pop: string): void => void calls.push(`third ${ping} ${pop}`);
    const first = (ping: number, pop: string): void => void calls.push(`first ${ping} ${pop}`);
    const second = (ping: number): void => void calls.push(`second ${ping}`);
    signal.connect(third);
    signal.connect(first);
    signal.connect(second);
    signal.disconnect(third);
    signal.connect(third);
    signal.emit(42, 'fra');
    expect(calls).toEqual(['first 42 fra', 'second 42', 'third 42 fra']);
  });

  it('does not call, in the current emit, a listener connected during it', () => {
    const signal = new Signal('tick');
    const late = jest.fn();
    signal.connect(() => signal.connect(late));
    signal.emit();
    expect(late).not.toHaveBeenCalled();
    expect(signal.isConnected(late)).toBe(true);
    signal.emit();
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('does not call a listener disconnected during the emit before its turn', () => {
    const signal = new Signal('tick');
    const calls: string[] = [];
    const later = (): void => void calls.push('later');
    const earlier = (): void => {
      calls.push('earlier');
      signal.disconnect(later);
    };
    signal.connect(earlier);
    signal.connect(later);
    signal.emit();
    expect(calls).toEqual(['earlier']);
    expect(signal.isConnected(later)).toBe(false);
  });

  it('does not call listeners removed by disconnectAll() during the emit', () => {
    const signal = new Signal('tick');
    const later = jest.fn();
    signal.connect(() => signal.disconnectAll());
    signal.connect(later);
    signal.emit();
    expect(later).not.toHaveBeenCalled();
    expect(signal.getConnections()).toEqual([]);
  });

  it('throws a SignalError naming the signal when the same listener is connected twice', () => {
    const signal = new Signal<[number]>('relay_network_status');
    function onStatus(): void {}
    signal.connect(onStatus);
    const error = thrownBy<RelaylaneError>(() => signal.connect(onStatus));
    expect(error).toBeInstanceOf(SignalError);
    expect(error.code).toBe('SIGNAL_ALREADY_CONNECTED');
    expect(error.message).toContain("Signal 'relay_network_status'");
    expect(error.message).toContain("callable 'onStatus'");
    expect(error.message).toContain('REFERENCE_COUNTED');
    expect(signal.getConnections()).toHaveLength(1);
  });

  it('counts REFERENCE_COUNTED connections up on connect and down on disconnect', () => {
    const signal = new Signal('tick');
    const listener = jest.fn();
    signal.connect(listener, REFERENCE_COUNTED);
    signal.connect(listener, REFERENCE_COUNTED);
    expect(signal.getConnections()[0]?.refCount).toBe(2);
    signal.emit();
    expect(listener).toHaveBeenCalledTimes(1);
    signal.disconnect(listener);
    expect(signal.isConnected(listener)).toBe(true);
    signal.disconnect(listener);
    expect(signal.isConnected(listener)).toBe(false);
    signal.emit();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('counts only when every connect() of the listener is REFERENCE_COUNTED, with the same flags', () => {
    const signal = new Signal('tick');
    const plain = jest.fn();
    signal.connect(plain);
    expect(thrownBy<RelaylaneError>(() => signal.connect(plain, REFERENCE_COUNTED)).code).toBe(
      'SIGNAL_ALREADY_CONNECTED',
    );
    const counted = jest.fn();
    signal.connect(counted, REFERENCE_COUNTED);
    expect(thrownBy<RelaylaneError>(() => signal.connect(counted)).code).toBe(
      'SIGNAL_ALREADY_CONNECTED',
    );
    const mismatch = thrownBy<RelaylaneError>(() =>
      signal.connect(counted, REFERENCE_COUNTED | DEFERRED),
    );
    expect(mismatch.code).toBe('SIGNAL_CONNECT_FLAGS_MISMATCH');
    expect(signal.getConnections().map((c) => c.refCount)).toEqual([1, 1]);
  });

  it('throws a SignalError naming the signal when disconnecting a listener that is not connected', () => {
    const signal = new Signal('relay_network_status');
    function onStatus(): void {}
    const error = thrownBy<RelaylaneError>(() => signal.disconnect(onStatus));
    expect(error).toBeInstanceOf(SignalError);
    expect(error.code).toBe('SIGNAL_NOT_CONNECTED');
    expect(error.message).toContain("signal 'relay_network_status'");
    expect(error.message).toContain("callable 'onStatus'");
  });

  it('removes ONE_SHOT connections before any listener runs', () => {
    const signal = new Signal('tick');
    const oneShot = jest.fn();
    let connectedWhileFirstRan: boolean | undefined;
    signal.connect(() => {
      connectedWhileFirstRan = signal.isConnected(oneShot);
    });
    signal.connect(oneShot, ONE_SHOT);
    signal.emit();
    expect(connectedWhileFirstRan).toBe(false);
    expect(oneShot).toHaveBeenCalledTimes(1);
    signal.emit();
    expect(oneShot).toHaveBeenCalledTimes(1);
  });

  it('does not call a ONE_SHOT listener again when a listener re-emits the signal', () => {
    const signal = new Signal<[depth: number]>('tick');
    const oneShot = jest.fn();
    signal.connect((depth) => {
      if (depth === 0) {
        signal.emit(1);
      }
    });
    signal.connect(oneShot, ONE_SHOT);
    signal.emit(0);
    expect(oneShot.mock.calls).toEqual([[0]]);
  });

  it('removes a ONE_SHOT connection entirely when it fires, whatever its reference count', () => {
    const signal = new Signal('tick');
    const listener = jest.fn();
    signal.connect(listener, ONE_SHOT | REFERENCE_COUNTED);
    signal.connect(listener, ONE_SHOT | REFERENCE_COUNTED);
    signal.emit();
    signal.emit();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(signal.isConnected(listener)).toBe(false);
  });

  it('queues DEFERRED listeners on its queue instead of calling them, until the flush', () => {
    const queue = new MessageQueue();
    const signal = new Signal<[ping: number, pop: string]>('ping_changed', { messageQueue: queue });
    const calls: string[] = [];
    signal.connect((ping, pop) => void calls.push(`deferred ${ping} ${pop}`), DEFERRED);
    signal.connect((ping, pop) => void calls.push(`direct ${ping} ${pop}`));
    signal.emit(42, 'fra');
    expect(calls).toEqual(['direct 42 fra']);
    expect(queue.size).toBe(1);
    queue.flush();
    expect(calls).toEqual(['direct 42 fra', 'deferred 42 fra']);
  });

  it('defers to MessageQueue.main when no queue is given', () => {
    expect(new Signal('tick').messageQueue).toBe(MessageQueue.main);
  });

  it('gives a DEFERRED listener the arguments as they were at emit time', () => {
    const queue = new MessageQueue();
    const signal = new Signal<[a: number, b: number]>('pair', { messageQueue: queue });
    const received: number[][] = [];
    signal.connect((a, b) => void received.push([a, b]), DEFERRED);
    const args: [number, number] = [1, 2];
    signal.emit(...args);
    args[0] = 99;
    signal.emit(...args);
    args[1] = 98;
    queue.flush();
    expect(received).toEqual([
      [1, 2],
      [99, 2],
    ]);
  });

  it('skips a queued DEFERRED call whose connection is removed before the flush', () => {
    const queue = new MessageQueue();
    const signal = new Signal('tick', { messageQueue: queue });
    const listener = jest.fn();
    signal.connect(listener, DEFERRED);
    signal.emit();
    signal.disconnect(listener);
    expect(queue.flush()).toBe(1);
    expect(listener).not.toHaveBeenCalled();
  });

  it('queues a ONE_SHOT | DEFERRED listener once, with the first emit, and runs it', () => {
    const queue = new MessageQueue();
    const signal = new Signal<[n: number]>('tick', { messageQueue: queue });
    const listener = jest.fn();
    signal.connect(listener, ONE_SHOT | DEFERRED);
    signal.emit(1);
    signal.emit(2);
    expect(signal.isConnected(listener)).toBe(false);
    queue.flush();
    expect(listener.mock.calls).toEqual([[1]]);
  });

  it('reports a full queue during an emit and still runs the other listeners', () => {
    const queue = new MessageQueue({ capacity: 1 });
    queue.push(() => undefined, []);
    const signal = new Signal('tick', { messageQueue: queue });
    const after = jest.fn();
    signal.connect(function deferredListener() {}, DEFERRED);
    signal.connect(after);
    signal.emit();
    expect(after).toHaveBeenCalledTimes(1);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.error).toBeInstanceOf(MessageQueueOverflowError);
    expect(reports[0]?.context).toBe("signal 'tick' deferred listener 'deferredListener'");
  });

  it('reports a throwing listener with the signal name and still runs the others', () => {
    const signal = new Signal('relay_network_status');
    const failure = new Error('listener failure');
    const after = jest.fn();
    signal.connect(function onStatus() {
      throw failure;
    });
    signal.connect(after);
    expect(() => signal.emit()).not.toThrow();
    expect(after).toHaveBeenCalledTimes(1);
    expect(reports).toEqual([
      { error: failure, context: "signal 'relay_network_status' listener 'onStatus'" },
    ]);
  });

  it('reports a throwing listener with console.error by default', () => {
    setErrorHook(undefined);
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const signal = new Signal('relay_network_status');
      const failure = new Error('listener failure');
      signal.connect(() => {
        throw failure;
      });
      signal.emit();
      expect(consoleError).toHaveBeenCalledTimes(1);
      expect(consoleError.mock.calls[0]?.[0]).toContain("signal 'relay_network_status'");
      expect(consoleError.mock.calls[0]?.[1]).toBe(failure);
    } finally {
      consoleError.mockRestore();
    }
  });

  it('does not emit while its owner blocks signals, and keeps ONE_SHOT connections for later', () => {
    const owner = new Owner();
    const signal = new Signal('tick', { owner });
    const listener = jest.fn();
    const oneShot = jest.fn();
    signal.connect(listener);
    signal.connect(oneShot, ONE_SHOT);
    owner.signalsBlocked = true;
    signal.emit();
    expect(listener).not.toHaveBeenCalled();
    expect(signal.isConnected(oneShot)).toBe(true);
    owner.signalsBlocked = false;
    signal.emit();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(oneShot).toHaveBeenCalledTimes(1);
  });

  it('refuses connections once its owner is disposed, naming the owner', () => {
    const owner = new Owner();
    const signal = new Signal('tick', { owner });
    owner.disposed = true;
    const error = thrownBy<RelaylaneError>(() => signal.connect(() => undefined));
    expect(error).toBeInstanceOf(SignalError);
    expect(error.code).toBe('SIGNAL_OWNER_DISPOSED');
    expect(error.message).toContain("signal 'tick' of Lobby");
    expect(error.message).toContain('Lobby was disposed');
  });

  it('names its owner in error messages', () => {
    const signal = new Signal('tick', { owner: new Owner() });
    function onTick(): void {}
    signal.connect(onTick);
    expect(thrownBy<RelaylaneError>(() => signal.connect(onTick)).message).toContain(
      "Signal 'tick' of Lobby",
    );
  });

  it('treats bound methods and arrow functions as distinct listeners; callable() as one', () => {
    class Hud {
      readonly pings: number[] = [];
      onPing(ping: number): void {
        this.pings.push(ping);
      }
    }
    const hud = new Hud();
    const signal = new Signal<[ping: number]>('ping_changed');

    // A new bind() is a new function: it cannot disconnect the first one.
    signal.connect(hud.onPing.bind(hud));
    expect(thrownBy<RelaylaneError>(() => signal.disconnect(hud.onPing.bind(hud))).code).toBe(
      'SIGNAL_NOT_CONNECTED',
    );
    // Two arrow functions calling the same method are two listeners.
    signal.connect((ping) => hud.onPing(ping));
    signal.connect((ping) => hud.onPing(ping));
    signal.emit(1);
    expect(hud.pings).toEqual([1, 1, 1]);

    // callable(target, 'method') is the same function every time: connect here, disconnect there.
    signal.disconnectAll();
    signal.connect(callable(hud, 'onPing'));
    expect(thrownBy<RelaylaneError>(() => signal.connect(callable(hud, 'onPing'))).code).toBe(
      'SIGNAL_ALREADY_CONNECTED',
    );
    signal.disconnect(callable(hud, 'onPing'));
    expect(signal.getConnections()).toEqual([]);
  });

  it('reports its connections with flags (PERSIST included), names and counts', () => {
    class Hud {
      onPing(): void {}
    }
    const hud = new Hud();
    const signal = new Signal<[ping: number]>('ping_changed', { argNames: ['ping'] });
    function onPing(): void {}
    signal.connect(onPing, PERSIST);
    signal.connect(callable(hud, 'onPing'), REFERENCE_COUNTED | DEFERRED);
    signal.connect(callable(hud, 'onPing'), REFERENCE_COUNTED | DEFERRED);
    expect(signal.argNames).toEqual(['ping']);
    expect(signal.getConnections()).toEqual([
      {
        signal: 'ping_changed',
        callable: onPing,
        flags: PERSIST,
        callableName: 'onPing',
        refCount: 1,
      },
      {
        signal: 'ping_changed',
        callable: callable(hud, 'onPing'),
        flags: REFERENCE_COUNTED | DEFERRED,
        callableName: 'Hud::onPing',
        refCount: 2,
      },
    ]);
  });

  it('refuses a listener that is not a function and flags that are not ConnectFlags', () => {
    const signal = new Signal('tick');
    const notAFunction = thrownBy<RelaylaneError>(() =>
      signal.connect('onTick' as unknown as () => void),
    );
    expect(notAFunction.code).toBe('SIGNAL_INVALID_CALLABLE');
    expect(notAFunction.message).toContain('to the string "onTick": a listener must be a function');
    expect(thrownBy<RelaylaneError>(() => signal.connect(() => undefined, 16)).code).toBe(
      'SIGNAL_INVALID_FLAGS',
    );
    expect(thrownBy<RelaylaneError>(() => signal.connect(() => undefined, 1.5)).code).toBe(
      'SIGNAL_INVALID_FLAGS',
    );
    expect(signal.getConnections()).toEqual([]);
  });

  describe('once()', () => {
    it('resolves with the argument tuple of the next emit', async () => {
      const signal = new Signal<[available: number, debug: string]>('relay_network_status');
      const next = signal.once();
      signal.emit(100, 'ok');
      signal.emit(200, 'later');
      await expect(next).resolves.toEqual([100, 'ok']);
    });

    it('resumes the awaiting code after emit() returns, not inside the emit', async () => {
      const signal = new Signal('tick');
      const log: string[] = [];
      const waiting = signal.once().then(() => log.push('resumed'));
      signal.connect(() => log.push('listener'));
      signal.emit();
      log.push('emit returned');
      await waiting;
      expect(log).toEqual(['listener', 'emit returned', 'resumed']);
    });

    it('leaves no connection behind once it has fired', () => {
      const signal = new Signal('tick');
      void signal.once();
      expect(signal.getConnections()).toHaveLength(1);
      expect(signal.getConnections()[0]?.flags).toBe(ONE_SHOT);
      signal.emit();
      expect(signal.getConnections()).toEqual([]);
    });

    it('never settles when its connection is removed before the signal emits', async () => {
      const signal = new Signal('tick');
      let settled = false;
      signal.once().then(
        () => (settled = true),
        () => (settled = true),
      );
      signal.disconnectAll();
      signal.emit();
      await new Promise<void>((resolve) => setImmediate(resolve));
      expect(settled).toBe(false);
    });

    it('rejects when the owner is already disposed', async () => {
      const owner = new Owner();
      owner.disposed = true;
      await expect(new Signal('tick', { owner }).once()).rejects.toMatchObject({
        code: 'SIGNAL_OWNER_DISPOSED',
      });
    });
  });

  describe('Signal.disconnectTarget()', () => {
    it('removes every connection made with callable(target, ...) from every signal', () => {
      class Hud {
        onPing(): void {}
        onStatus(): void {}
      }
      const hud = new Hud();
      const other = new Hud();
      const pings = new Signal<[ping: number]>('ping_changed');
      const status = new Signal('status_changed');
      const plain = jest.fn();
      pings.connect(callable(hud, 'onPing'), REFERENCE_COUNTED);
      pings.connect(callable(hud, 'onPing'), REFERENCE_COUNTED);
      pings.connect(callable(other, 'onPing'));
      status.connect(callable(hud, 'onStatus'));
      status.connect(plain);

      expect(Signal.disconnectTarget(hud)).toBe(2);
      expect(pings.getConnections().map((c) => c.callableName)).toEqual(['Hud::onPing']);
      expect(pings.isConnected(callable(other, 'onPing'))).toBe(true);
      expect(status.getConnections().map((c) => c.callable)).toEqual([plain]);
      expect(Signal.disconnectTarget(hud)).toBe(0);
    });

    it('stops a target disposed during an emit from receiving that emit', () => {
      class Hud {
        readonly onPing = jest.fn();
      }
      const hud = new Hud();
      const signal = new Signal('tick');
      signal.connect(() => Signal.disconnectTarget(hud));
      signal.connect(callable(hud, 'onPing'));
      signal.emit();
      expect(hud.onPing).not.toHaveBeenCalled();
    });

    it('forgets a target whose connections were all disconnected', () => {
      class Hud {
        onPing(): void {}
      }
      const hud = new Hud();
      const signal = new Signal('tick');
      signal.connect(callable(hud, 'onPing'));
      signal.disconnect(callable(hud, 'onPing'));
      signal.connect(callable(hud, 'onPing'), ONE_SHOT);
      signal.emit();
      expect(Signal.disconnectTarget(hud)).toBe(0);
    });
  });

  it('types listeners and emit() by the argument tuple', () => {
    const signal = new Signal<[available: number, debug: string]>('relay_network_status');
    const received: [number, string][] = [];
    signal.connect((available, debug) => {
      // Inferred from the tuple: assigning to these types would not compile otherwise.
      const typed: [number, string] = [available, debug];
      received.push(typed);
    });
    signal.emit(1, 'a');
    expect(received).toEqual([[1, 'a']]);

    // Checked by the type-check of the specs only; never run.
    const typeErrors = (): void => {
      // @ts-expect-error -- the first argument is a number.
      signal.connect((available: string) => void available);
      // @ts-expect-error -- emit() needs both arguments.
      signal.emit(1);
      // @ts-expect-error -- SignalArgs gives the tuple, so element types are checked.
      const wrongArgs: SignalArgs<typeof signal> = ['b', 2];
      void wrongArgs;
    };
    void typeErrors;
    const args: SignalArgs<typeof signal> = [2, 'b'];
    signal.emit(...args);
    expect(received).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });
});
