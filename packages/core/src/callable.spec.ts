import {
  callable,
  CallableError,
  getCallableName,
  getCallableOrigin,
  namedCallable,
} from './callable.js';
import { Signal } from './signal.js';
import { RelaylaneError } from './errors.js';

class Hud {
  health = 100;
  readonly seen: number[] = [];

  onPing(ping: number): void {
    this.seen.push(ping);
  }

  onStatus(): string {
    return 'status';
  }
}

describe('callable', () => {
  it('returns the same function for the same target and method', () => {
    const hud = new Hud();
    expect(callable(hud, 'onPing')).toBe(callable(hud, 'onPing'));
  });

  it('returns different functions for different methods or targets', () => {
    const hud = new Hud();
    const other = new Hud();
    expect(callable(hud, 'onPing')).not.toBe(callable(hud, 'onStatus'));
    expect(callable(hud, 'onPing')).not.toBe(callable(other, 'onPing'));
  });

  it('calls the method on its target, whoever calls it', () => {
    const hud = new Hud();
    const onPing = callable(hud, 'onPing');
    onPing.call(undefined, 42);
    expect(hud.seen).toEqual([42]);
    expect(callable(hud, 'onStatus')()).toBe('status');
  });

  it('throws a CallableError naming the property and class when it is not a method', () => {
    const hud = new Hud();
    let thrown: unknown;
    try {
      // @ts-expect-error -- deliberately wrong at run time: 'missing' is not a key of Hud.
      callable(hud, 'missing');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CallableError);
    expect(thrown).toBeInstanceOf(RelaylaneError);
    expect((thrown as CallableError).code).toBe('SIGNAL_CALLABLE_NOT_A_METHOD');
    expect((thrown as Error).message).toContain("'missing' of Hud is undefined");
    expect(() => callable(hud, 'health')).toThrow("'health' of Hud is 100, not a method");
  });

  it('records its target and method, and nothing for other functions', () => {
    const hud = new Hud();
    expect(getCallableOrigin(callable(hud, 'onPing'))).toEqual({ target: hud, method: 'onPing' });
    expect(getCallableOrigin(hud.onPing.bind(hud))).toBeUndefined();
  });

  it('names a listener by the name given with namedCallable, whatever its own name became', () => {
    const listener = namedCallable('Hud::onRelayStatus', () => undefined);
    Object.defineProperty(listener, 'name', { value: '#g' }); // what a minifier leaves
    expect(getCallableName(listener)).toBe('Hud::onRelayStatus');
    const signal = new Signal<[number]>('status');
    signal.connect(listener);
    expect(signal.getConnections().map((connection) => connection.callableName)).toEqual([
      'Hud::onRelayStatus',
    ]);
  });

  it('names callables Class::method, other functions by their own name', () => {
    const hud = new Hud();
    function onReady(): void {}
    expect(getCallableName(callable(hud, 'onPing'))).toBe('Hud::onPing');
    expect(getCallableName(onReady)).toBe('onReady');
    expect(
      getCallableName(
        (
          () => () =>
            undefined
        )(),
      ),
    ).toBe('<anonymous>');
  });

  it('is typed by the method: its parameters, and no listener type for a non-method', () => {
    const hud = new Hud();
    const onPing: (ping: number) => void = callable(hud, 'onPing');
    // @ts-expect-error -- onPing takes a number.
    const wrong: (ping: string) => void = callable(hud, 'onPing');
    expect(() => {
      // @ts-expect-error -- 'health' is a number property, not a method: no listener accepts it.
      const notAListener: (ping: number) => void = callable(hud, 'health');
      return notAListener;
    }).toThrow(CallableError);
    expect(typeof onPing).toBe('function');
    expect(wrong).toBe(onPing);
  });
});
