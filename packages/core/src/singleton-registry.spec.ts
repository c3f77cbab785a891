import { Container } from 'inversify';
import { SingletonError, SingletonRegistry } from './singleton-registry.js';
import { serviceToken } from './tokens.js';
import { thrownBy } from './test-support/errors.js';

const Net = serviceToken<{ kind: string }>('core-test', 'Net');
const Audio = serviceToken<{ kind: string }>('core-test', 'Audio');

function setup(): { container: Container; registry: SingletonRegistry } {
  const container = new Container();
  container.bind(Net).toConstantValue({ kind: 'net' });
  container.bind(Audio).toConstantValue({ kind: 'audio' });
  return { container, registry: new SingletonRegistry(container) };
}

function codeOf(fn: () => unknown): string | undefined {
  const error = thrownBy(fn);
  return error instanceof SingletonError ? error.code : `not a SingletonError: ${String(error)}`;
}

describe('SingletonRegistry', () => {
  test('resolve gives what the name’s identifier resolves to in the container', () => {
    const { container, registry } = setup();
    registry.register('Net', Net);
    expect(registry.resolve('Net')).toBe(container.get(Net));
    expect(registry.has('Net')).toBe(true);
  });

  test('accepts every kind of service identifier: token, class, string, symbol', () => {
    class Mixer {}
    const { container, registry } = setup();
    container.bind(Mixer).toSelf().inSingletonScope();
    container.bind('mixer-name').toService(Mixer);
    const plain = Symbol('plain');
    container.bind(plain).toConstantValue(3);
    registry.register('ByClass', Mixer);
    registry.register('ByString', 'mixer-name');
    registry.register('BySymbol', plain);
    expect(registry.resolve('ByClass')).toBeInstanceOf(Mixer);
    expect(registry.resolve('ByString')).toBe(registry.resolve('ByClass'));
    expect(registry.resolve('BySymbol')).toBe(3);
  });

  test('a taken name is refused and the first identifier stays', () => {
    const { registry } = setup();
    registry.register('Net', Net);
    expect(codeOf(() => registry.register('Net', Audio))).toBe('SINGLETON_ALREADY_REGISTERED');
    expect(() => registry.register('Net', Audio)).toThrow("unregisterSingleton('Net')");
    expect(registry.resolve('Net')).toEqual({ kind: 'net' });
  });

  test('an unknown name throws, listing the registered names', () => {
    const { registry } = setup();
    expect(() => registry.resolve('Net')).toThrow('No singleton is registered');
    registry.register('Net', Net);
    registry.register('Audio', Audio);
    expect(codeOf(() => registry.resolve('Nett'))).toBe('SINGLETON_NOT_FOUND');
    expect(() => registry.resolve('Nett')).toThrow("Registered: 'Net', 'Audio'");
  });

  test('an empty name is refused', () => {
    const { registry } = setup();
    expect(codeOf(() => registry.register('', Net))).toBe('SINGLETON_INVALID_NAME');
    expect(registry.list()).toEqual([]);
  });

  test.each<[string, unknown]>([
    ['an object', { kind: 'net' }],
    ['null', null],
    ['a number', 3],
    ['the empty string', ''],
  ])('%s is not a service identifier: refused, with the fix', (_case, target) => {
    const { registry } = setup();
    const error = thrownBy<SingletonError>(() => registry.register('Net', target));
    expect(error.code).toBe('SINGLETON_NOT_A_SERVICE_IDENTIFIER');
    expect(error.message).toContain('bind the object in your plugin');
    expect(error.message).toContain('register its token');
    expect(registry.list()).toEqual([]);
  });

  test('an identifier nothing is bound to is refused at registration', () => {
    const { registry } = setup();
    const Unbound = serviceToken<number>('core-test', 'Unbound');
    const error = thrownBy<SingletonError>(() => registry.register('Unbound', Unbound));
    expect(error.code).toBe('SINGLETON_NOT_BOUND');
    expect(error.message).toContain('Symbol(@relaylane/core-test/Unbound)');
    expect(error.message).toContain("plugin's module()");
  });

  test('a name whose binding went says its plugin left without unregistering', () => {
    const { container, registry } = setup();
    registry.register('Net', Net, 'net-plugin');
    registry.register('Audio', Audio);
    container.unbindSync(Net);
    container.unbindSync(Audio);
    const named = thrownBy<SingletonError>(() => registry.resolve('Net'));
    expect(named.code).toBe('SINGLETON_NOT_BOUND');
    expect(named.message).toContain("plugin 'net-plugin', which registered it, left the tree");
    const anonymous = thrownBy<SingletonError>(() => registry.resolve('Audio'));
    expect(anonymous.message).toContain('the plugin that bound it left');
    expect(anonymous.message).toContain("unregisterSingleton('Audio')");
  });

  test('a binding the container cannot resolve is reported with its cause', () => {
    const { container, registry } = setup();
    const Broken = serviceToken<number>('core-test', 'Broken');
    const failure = new Error('no database');
    container.bind(Broken).toDynamicValue(() => {
      throw failure;
    });
    registry.register('Broken', Broken);
    const error = thrownBy<SingletonError>(() => registry.resolve('Broken'));
    expect(error.code).toBe('SINGLETON_RESOLVE_FAILED');
    expect(error.message).toContain('no database');
    expect(error.cause).toBe(failure);
  });

  test('unregister removes the name, not the binding; an unknown name throws', () => {
    const { container, registry } = setup();
    registry.register('Net', Net);
    registry.unregister('Net');
    expect(registry.has('Net')).toBe(false);
    expect(container.isBound(Net)).toBe(true);
    expect(codeOf(() => registry.unregister('Net'))).toBe('SINGLETON_NOT_FOUND');
  });

  test('list gives the names in registration order', () => {
    const { registry } = setup();
    for (const name of ['b', 'a', 'c']) registry.register(name, Net);
    registry.unregister('a');
    registry.register('a', Net);
    expect(registry.list()).toEqual(['b', 'c', 'a']);
  });

  test('forgetRegisteredBy removes only the names that plugin registered; clear removes all', () => {
    const { registry } = setup();
    registry.register('Net', Net, 'net-plugin');
    registry.register('Audio', Audio, 'audio-plugin');
    registry.register('Loose', Net);
    registry.forgetRegisteredBy('net-plugin');
    expect(registry.list()).toEqual(['Audio', 'Loose']);
    registry.clear();
    expect(registry.list()).toEqual([]);
  });
});
