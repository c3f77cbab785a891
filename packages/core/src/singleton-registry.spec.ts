import { SingletonError, SingletonRegistry } from './singleton-registry.js';

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof SingletonError ? error.code : `not a SingletonError: ${String(error)}`;
  }
  return undefined;
}

describe('SingletonRegistry', () => {
  test('get returns the object registered under the name', () => {
    const registry = new SingletonRegistry();
    const net = {};
    registry.register('NetworkingUtils', net);
    expect(registry.get('NetworkingUtils')).toBe(net);
    expect(registry.has('NetworkingUtils')).toBe(true);
  });

  test('a taken name is refused and the first object stays', () => {
    const registry = new SingletonRegistry();
    const first = {};
    registry.register('Net', first);
    expect(codeOf(() => registry.register('Net', {}))).toBe('SINGLETON_ALREADY_REGISTERED');
    expect(() => registry.register('Net', {})).toThrow("unregisterSingleton('Net')");
    expect(registry.get('Net')).toBe(first);
  });

  test('get of an unknown name throws, listing the registered names', () => {
    const registry = new SingletonRegistry();
    registry.register('Net', {});
    expect(codeOf(() => registry.get('Nett'))).toBe('SINGLETON_NOT_FOUND');
    expect(() => registry.get('Nett')).toThrow("Registered: 'Net'");
  });

  test('unregister removes the name; unregistering an unknown name throws', () => {
    const registry = new SingletonRegistry();
    registry.register('Net', {});
    registry.unregister('Net');
    expect(registry.has('Net')).toBe(false);
    expect(codeOf(() => registry.unregister('Net'))).toBe('SINGLETON_NOT_FOUND');
    registry.register('Net', {});
    expect(registry.has('Net')).toBe(true);
  });

  test('list gives the names in registration order', () => {
    const registry = new SingletonRegistry();
    for (const name of ['b', 'a', 'c']) registry.register(name, {});
    registry.unregister('a');
    registry.register('a', {});
    expect(registry.list()).toEqual(['b', 'c', 'a']);
  });

  test('an empty name or a non-object is refused', () => {
    const registry = new SingletonRegistry();
    expect(codeOf(() => registry.register('', {}))).toBe('SINGLETON_INVALID');
    expect(codeOf(() => registry.register('n', null as unknown as object))).toBe(
      'SINGLETON_INVALID',
    );
    expect(codeOf(() => registry.register('n', 3 as unknown as object))).toBe('SINGLETON_INVALID');
    expect(registry.list()).toEqual([]);
  });

  test('functions count as objects', () => {
    const registry = new SingletonRegistry();
    const fn = (): void => {};
    registry.register('fn', fn);
    expect(registry.get('fn')).toBe(fn);
  });

  test('clear removes every singleton', () => {
    const registry = new SingletonRegistry();
    registry.register('a', {});
    registry.clear();
    expect(registry.list()).toEqual([]);
  });
});
