import { type ContainerModuleLoadOptions } from 'inversify';
import { Plugin } from './plugin.js';

class Bare extends Plugin {
  readonly name = 'bare';
}

describe('Plugin defaults', () => {
  test('a plugin has no dependencies unless it declares them', () => {
    expect(new Bare().dependencies).toEqual([]);
  });

  test('the default module makes no binding at all, and each call returns a new module', () => {
    const plugin = new Bare();
    const calls: string[] = [];
    const record = (name: string) => (): never => {
      calls.push(name);
      throw new Error(`${name} was called`);
    };
    const options = {
      bind: record('bind'),
      isBound: record('isBound'),
      onActivation: record('onActivation'),
      onDeactivation: record('onDeactivation'),
      rebind: record('rebind'),
      rebindSync: record('rebindSync'),
      unbind: record('unbind'),
      unbindSync: record('unbindSync'),
    } as unknown as ContainerModuleLoadOptions;
    const module = plugin.module();
    expect(module.load(options)).toBeUndefined();
    expect(calls).toEqual([]);
    expect(plugin.module()).not.toBe(module);
  });
});
