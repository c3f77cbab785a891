import { Container, ContainerModule, inject, injectable, type ServiceIdentifier } from 'inversify';
import { type Clock, ManualClock, SystemClock } from './clock.js';
import {
  Engine,
  EngineDisposedError,
  type EngineError,
  EngineReentrantTickError,
} from './engine.js';
import { MessageQueue } from './message-queue.js';
import { Plugin } from './plugin.js';
import {
  DuplicatePluginError,
  InvalidPluginError,
  MissingPluginDependencyError,
  PluginDependencyCycleError,
  PluginEnterError,
  PluginHasDependentsError,
  PluginNotFoundError,
  PluginTeardownError,
} from './plugin-errors.js';
import { SingletonError } from './singleton-registry.js';
import { CoreTokens, serviceToken } from './tokens.js';
import { captureReportedErrors, thrownBy } from './test-support/errors.js';

interface Hooks {
  module?: () => ContainerModule;
  enterTree?: (engine: Engine) => void;
  process?: (deltaSeconds: number) => void;
  exitTree?: () => void;
}

/** A plugin that writes each lifecycle step to `log` as `<name>:<step>`. */
class TestPlugin extends Plugin {
  readonly #log: string[];
  readonly #hooks: Hooks;

  constructor(
    readonly name: string,
    override readonly dependencies: readonly string[] = [],
    log: string[] = [],
    hooks: Hooks = {},
  ) {
    super();
    this.#log = log;
    this.#hooks = hooks;
  }

  override module(): ContainerModule {
    this.#log.push(`${this.name}:module`);
    return this.#hooks.module?.() ?? super.module();
  }

  override enterTree(engine: Engine): void {
    this.#log.push(`${this.name}:enter`);
    this.#hooks.enterTree?.(engine);
  }

  override process(deltaSeconds: number): void {
    this.#log.push(`${this.name}:process(${deltaSeconds})`);
    this.#hooks.process?.(deltaSeconds);
  }

  override exitTree(): void {
    this.#log.push(`${this.name}:exit`);
    this.#hooks.exitTree?.();
  }
}

const Greeting = serviceToken<string>('core-test', 'Greeting');
const Farewell = serviceToken<string>('core-test', 'Farewell');

function bindConstant(token: ServiceIdentifier<string>, value: string): () => ContainerModule {
  return () => new ContainerModule(({ bind }) => void bind(token).toConstantValue(value));
}

function newEngine(): Engine {
  return new Engine({ realTimeClock: new ManualClock(), messageQueue: new MessageQueue() });
}

const reported = captureReportedErrors();

describe('Engine plugins', () => {
  test('addPlugin loads the module, then enters the tree; its bindings resolve', () => {
    const engine = newEngine();
    const log: string[] = [];
    expect(engine.container.isBound(Greeting)).toBe(false);
    engine.addPlugin(
      new TestPlugin('greeter', [], log, { module: bindConstant(Greeting, 'hello') }),
    );
    expect(log).toEqual(['greeter:module', 'greeter:enter']);
    expect(engine.container.get(Greeting)).toBe('hello');
    expect(engine.getPluginList()).toEqual(['greeter']);
    expect(engine.hasPlugin('greeter')).toBe(true);
  });

  test("enterTree can resolve the plugin's own bindings", () => {
    const engine = newEngine();
    let seen: string | undefined;
    engine.addPlugin(
      new TestPlugin('greeter', [], [], {
        module: bindConstant(Greeting, 'hello'),
        enterTree: (e) => {
          seen = e.container.get(Greeting);
        },
      }),
    );
    expect(seen).toBe('hello');
  });

  test('removePlugin exits, then unloads exactly that module: its bindings are gone, others stay', () => {
    const engine = newEngine();
    const log: string[] = [];
    engine.addPlugin(
      new TestPlugin('greeter', [], log, { module: bindConstant(Greeting, 'hello') }),
    );
    engine.addPlugin(new TestPlugin('leaver', [], log, { module: bindConstant(Farewell, 'bye') }));
    let boundDuringExit: boolean | undefined;
    const exitCheck = new TestPlugin('checker', [], log, {
      module: () => new ContainerModule(() => {}),
      exitTree: () => {
        boundDuringExit = engine.container.isBound(Greeting);
      },
    });
    engine.addPlugin(exitCheck);
    engine.removePlugin('checker');
    expect(boundDuringExit).toBe(true);

    engine.removePlugin('greeter');
    expect(log.slice(-1)).toEqual(['greeter:exit']);
    expect(engine.container.isBound(Greeting)).toBe(false);
    expect(engine.container.get(Farewell)).toBe('bye');
    expect(engine.hasPlugin('greeter')).toBe(false);
    expect(engine.getPluginList()).toEqual(['leaver']);
  });

  test("removePlugin runs the deactivation handlers of the module's singletons", () => {
    const engine = newEngine();
    const deactivated: string[] = [];
    engine.addPlugin(
      new TestPlugin('greeter', [], [], {
        module: () =>
          new ContainerModule(({ bind }) => {
            bind(Greeting)
              .toDynamicValue(() => 'hello')
              .inSingletonScope()
              .onDeactivation((value) => void deactivated.push(value));
          }),
      }),
    );
    engine.container.get(Greeting);
    engine.removePlugin('greeter');
    expect(deactivated).toEqual(['hello']);
  });

  test('a plugin added before its dependency waits, then enters right after it', () => {
    const engine = newEngine();
    const log: string[] = [];
    engine.addPlugin(new TestPlugin('ui', ['net'], log));
    expect(log).toEqual([]);
    expect(engine.getPluginList()).toEqual([]);
    expect(engine.hasPlugin('ui')).toBe(true);
    expect(engine.getPendingPluginList()).toEqual([{ plugin: 'ui', waitingFor: ['net'] }]);

    engine.addPlugin(new TestPlugin('net', [], log));
    expect(log).toEqual(['net:module', 'net:enter', 'ui:module', 'ui:enter']);
    expect(engine.getPluginList()).toEqual(['net', 'ui']);
    expect(engine.getPendingPluginList()).toEqual([]);
  });

  test('plugins that become ready together enter in the order they were added', () => {
    const engine = newEngine();
    const log: string[] = [];
    engine.addPlugin(new TestPlugin('b', ['base'], log));
    engine.addPlugin(new TestPlugin('c', ['b'], log));
    engine.addPlugin(new TestPlugin('a', ['base'], log));
    engine.addPlugin(new TestPlugin('base', [], log));
    expect(engine.getPluginList()).toEqual(['base', 'b', 'c', 'a']);
  });

  test('tick while a dependency is missing throws MissingPluginDependencyError naming both plugins and the fix', () => {
    const engine = newEngine();
    const log: string[] = [];
    engine.addPlugin(new TestPlugin('present', [], log));
    engine.addPlugin(new TestPlugin('ui', ['net'], log));
    const error = thrownBy(() => engine.tick(0.016));
    expect(error).toBeInstanceOf(MissingPluginDependencyError);
    const missing = error as MissingPluginDependencyError;
    expect(missing.code).toBe('PLUGIN_MISSING_DEPENDENCY');
    expect(missing.missing).toEqual(['net']);
    expect(missing.message).toContain("'ui' waits for 'net'");
    expect(missing.message).toContain("Add 'net' first");
    expect(log.filter((line) => line.includes('process'))).toEqual([]);
  });

  test('the missing dependency error names plugins that wait only on other waiting plugins', () => {
    const engine = newEngine();
    engine.addPlugin(new TestPlugin('hud', ['ui']));
    engine.addPlugin(new TestPlugin('ui', ['net']));
    const error = thrownBy(() => engine.tick(0)) as MissingPluginDependencyError;
    expect(error.pending).toEqual([
      { plugin: 'hud', waitingFor: ['ui'] },
      { plugin: 'ui', waitingFor: ['net'] },
    ]);
    expect(error.missing).toEqual(['net']);
  });

  test('ticking works once the missing dependency is added', () => {
    const engine = newEngine();
    const log: string[] = [];
    engine.addPlugin(new TestPlugin('ui', ['net'], log));
    expect(() => engine.tick(0)).toThrow(MissingPluginDependencyError);
    engine.addPlugin(new TestPlugin('net', [], log));
    engine.tick(0.5);
    expect(log.slice(-2)).toEqual(['net:process(0.5)', 'ui:process(0.5)']);
  });

  test('a plugin that closes a dependency cycle is refused with the cycle in the message', () => {
    const engine = newEngine();
    engine.addPlugin(new TestPlugin('a', ['b']));
    engine.addPlugin(new TestPlugin('b', ['c']));
    const error = thrownBy(() => engine.addPlugin(new TestPlugin('c', ['a'])));
    expect(error).toBeInstanceOf(PluginDependencyCycleError);
    expect((error as PluginDependencyCycleError).code).toBe('PLUGIN_DEPENDENCY_CYCLE');
    expect((error as PluginDependencyCycleError).cycle).toEqual(['c', 'a', 'b', 'c']);
    expect((error as Error).message).toContain("'c' -> 'a' -> 'b' -> 'c'");
    expect((error as Error).message).toContain("remove 'c' from the dependencies of 'b'");
    expect(engine.hasPlugin('c')).toBe(false);
  });

  test('a plugin that depends on itself is refused', () => {
    const engine = newEngine();
    const error = thrownBy(() => engine.addPlugin(new TestPlugin('narcissus', ['narcissus'])));
    expect(error).toBeInstanceOf(PluginDependencyCycleError);
    expect((error as PluginDependencyCycleError).cycle).toEqual(['narcissus', 'narcissus']);
  });

  test('a second plugin with a taken name is refused, whether the first entered or waits', () => {
    const engine = newEngine();
    engine.addPlugin(new TestPlugin('net', [], [], { module: bindConstant(Greeting, 'first') }));
    engine.addPlugin(new TestPlugin('ui', ['missing']));
    for (const name of ['net', 'ui']) {
      const error = thrownBy(() => engine.addPlugin(new TestPlugin(name)));
      expect(error).toBeInstanceOf(DuplicatePluginError);
      expect((error as DuplicatePluginError).code).toBe('PLUGIN_DUPLICATE_NAME');
      expect((error as Error).message).toContain(`engine.removePlugin('${name}')`);
    }
    expect(engine.container.get(Greeting)).toBe('first');
  });

  test('removing a plugin others depend on is refused, naming the dependents; nothing is removed', () => {
    const engine = newEngine();
    engine.addPlugin(new TestPlugin('net', [], [], { module: bindConstant(Greeting, 'hello') }));
    engine.addPlugin(new TestPlugin('ui', ['net']));
    engine.addPlugin(new TestPlugin('lobby', ['net', 'other']));
    const error = thrownBy(() => engine.removePlugin('net'));
    expect(error).toBeInstanceOf(PluginHasDependentsError);
    expect((error as PluginHasDependentsError).code).toBe('PLUGIN_HAS_DEPENDENTS');
    expect((error as PluginHasDependentsError).dependents).toEqual(['ui', 'lobby']);
    expect((error as Error).message).toContain("Remove 'ui', 'lobby' first");
    expect(engine.getPluginList()).toEqual(['net', 'ui']);
    expect(engine.container.isBound(Greeting)).toBe(true);
  });

  test('removing an unknown plugin throws PluginNotFoundError listing the added ones', () => {
    const engine = newEngine();
    engine.addPlugin(new TestPlugin('net'));
    const error = thrownBy(() => engine.removePlugin('nett'));
    expect(error).toBeInstanceOf(PluginNotFoundError);
    expect((error as PluginNotFoundError).code).toBe('PLUGIN_NOT_FOUND');
    expect((error as Error).message).toContain("Added: 'net'");
  });

  test('removing a waiting plugin forgets it without any lifecycle call', () => {
    const engine = newEngine();
    const log: string[] = [];
    engine.addPlugin(new TestPlugin('ui', ['net'], log));
    engine.removePlugin('ui');
    expect(engine.hasPlugin('ui')).toBe(false);
    engine.addPlugin(new TestPlugin('net', [], log));
    expect(log).toEqual(['net:module', 'net:enter']);
    expect(() => engine.tick(0)).not.toThrow();
  });

  test('a plugin whose enterTree throws does not enter; its bindings are unloaded and exitTree is not called', () => {
    const engine = newEngine();
    const log: string[] = [];
    const boom = new Error('no relay');
    engine.addPlugin(new TestPlugin('ui', ['net'], log));
    const error = thrownBy(() =>
      engine.addPlugin(
        new TestPlugin('net', [], log, {
          module: bindConstant(Greeting, 'hello'),
          enterTree: () => {
            throw boom;
          },
        }),
      ),
    );
    expect(error).toBeInstanceOf(PluginEnterError);
    expect((error as PluginEnterError).code).toBe('PLUGIN_ENTER_TREE_FAILED');
    expect((error as Error).cause).toBe(boom);
    expect((error as Error).message).toContain("Plugin 'net'");
    expect(engine.container.isBound(Greeting)).toBe(false);
    expect(engine.hasPlugin('net')).toBe(false);
    expect(log).not.toContain('net:exit');
    expect(engine.getPendingPluginList()).toEqual([{ plugin: 'ui', waitingFor: ['net'] }]);
  });

  test('a plugin whose module fails to load does not enter; the bindings it made are unloaded', () => {
    const engine = newEngine();
    const log: string[] = [];
    const error = thrownBy(() =>
      engine.addPlugin(
        new TestPlugin('net', [], log, {
          module: () =>
            new ContainerModule(({ bind }) => {
              bind(Greeting).toConstantValue('hello');
              throw new Error('bad binding');
            }),
        }),
      ),
    );
    expect((error as PluginEnterError).code).toBe('PLUGIN_MODULE_LOAD_FAILED');
    expect((error as Error).message).toContain('bad binding');
    expect(engine.container.isBound(Greeting)).toBe(false);
    expect(log).toEqual(['net:module']);
    expect(engine.hasPlugin('net')).toBe(false);
  });

  test('an asynchronous module is refused: modules load synchronously', () => {
    const engine = newEngine();
    const error = thrownBy(() =>
      engine.addPlugin(
        new TestPlugin('net', [], [], { module: () => new ContainerModule(async () => {}) }),
      ),
    );
    expect((error as PluginEnterError).code).toBe('PLUGIN_MODULE_LOAD_FAILED');
    expect(engine.hasPlugin('net')).toBe(false);
  });

  test('one plugin failing to enter does not keep other ready plugins waiting', () => {
    const engine = newEngine();
    engine.addPlugin(
      new TestPlugin('bad', ['base'], [], {
        enterTree: () => {
          throw new Error('x');
        },
      }),
    );
    engine.addPlugin(new TestPlugin('good', ['base']));
    expect(() => engine.addPlugin(new TestPlugin('base'))).toThrow(PluginEnterError);
    expect(engine.getPluginList()).toEqual(['base', 'good']);
  });

  test('exitTree throwing still removes the plugin and its bindings, then reports PluginTeardownError', () => {
    const engine = newEngine();
    const boom = new Error('stuck');
    engine.addPlugin(
      new TestPlugin('net', [], [], {
        module: bindConstant(Greeting, 'hello'),
        exitTree: () => {
          throw boom;
        },
      }),
    );
    const error = thrownBy(() => engine.removePlugin('net'));
    expect(error).toBeInstanceOf(PluginTeardownError);
    expect((error as PluginTeardownError).code).toBe('PLUGIN_TEARDOWN_FAILED');
    expect((error as PluginTeardownError).failures).toEqual([{ plugin: 'net', error: boom }]);
    expect(engine.hasPlugin('net')).toBe(false);
    expect(engine.container.isBound(Greeting)).toBe(false);
  });

  test("a plugin added from another plugin's enterTree enters after it", () => {
    const engine = newEngine();
    const log: string[] = [];
    engine.addPlugin(
      new TestPlugin('host', [], log, {
        enterTree: (e) => {
          e.addPlugin(new TestPlugin('child', ['host'], log));
          log.push('host:enter-done');
        },
      }),
    );
    expect(log).toEqual([
      'host:module',
      'host:enter',
      'host:enter-done',
      'child:module',
      'child:enter',
    ]);
  });

  test('a plugin without a name is refused with a hint', () => {
    const engine = newEngine();
    const error = thrownBy(() => engine.addPlugin(new TestPlugin('')));
    expect(error).toBeInstanceOf(InvalidPluginError);
    expect((error as InvalidPluginError).code).toBe('PLUGIN_INVALID');
    expect((error as Error).message).toContain("readonly name = 'my-plugin'");
  });

  test("a plugin's dependencies are read once: mutating the array later does not change the graph", () => {
    const engine = newEngine();
    const dependencies = ['net'];
    engine.addPlugin(new TestPlugin('ui', dependencies));
    dependencies.length = 0;
    expect(engine.getPendingPluginList()).toEqual([{ plugin: 'ui', waitingFor: ['net'] }]);
  });
});

describe('Engine tick', () => {
  test("runs every plugin's process in tree order with the delta, then flushes the message queue", () => {
    const engine = newEngine();
    const log: string[] = [];
    const deferred = (): void => void log.push('deferred');
    engine.addPlugin(
      new TestPlugin('ui', ['net'], log, { process: () => engine.messageQueue.push(deferred, []) }),
    );
    engine.addPlugin(new TestPlugin('net', [], log));
    log.length = 0;
    engine.tick(0.25);
    expect(log).toEqual(['net:process(0.25)', 'ui:process(0.25)', 'deferred']);
    expect(engine.messageQueue.size).toBe(0);
  });

  test('a throwing process is reported with the plugin name and the other plugins still run', () => {
    const engine = newEngine();
    const log: string[] = [];
    const boom = new Error('lost packet');
    engine.addPlugin(
      new TestPlugin('a', [], log, {
        process: () => {
          throw boom;
        },
      }),
    );
    engine.addPlugin(new TestPlugin('b', [], log));
    engine.tick(0.1);
    expect(log).toContain('b:process(0.1)');
    expect(reported).toEqual([{ error: boom, context: "plugin 'a' process" }]);
  });

  test('a tick from inside a tick throws EngineReentrantTickError', () => {
    const engine = newEngine();
    const errors: unknown[] = [];
    let attempted = false;
    engine.addPlugin(
      new TestPlugin('a', [], [], {
        process: () => {
          // Only once, so that a broken guard fails this test instead of recursing forever.
          if (attempted) return;
          attempted = true;
          errors.push(thrownBy(() => engine.tick(0)));
          engine.messageQueue.push(() => void errors.push(thrownBy(() => engine.tick(0))), []);
        },
      }),
    );
    engine.tick(0);
    expect(errors).toHaveLength(2);
    for (const error of errors) {
      expect(error).toBeInstanceOf(EngineReentrantTickError);
      expect((error as EngineError).code).toBe('ENGINE_REENTRANT_TICK');
    }
    expect(() => engine.tick(0)).not.toThrow();
  });

  test.each([Number.NaN, -0.001, Number.POSITIVE_INFINITY])(
    'tick(%p) throws a RangeError naming engine.tick',
    (delta) => {
      const engine = newEngine();
      expect(() => engine.tick(delta)).toThrow(RangeError);
      expect(() => engine.tick(delta)).toThrow(/engine\.tick\(deltaSeconds\)/);
    },
  );

  test('plugins added during a tick process from the next tick; plugins removed during it are skipped', () => {
    const engine = newEngine();
    const log: string[] = [];
    engine.addPlugin(
      new TestPlugin('first', [], log, {
        process: () => {
          if (!engine.hasPlugin('late')) engine.addPlugin(new TestPlugin('late', [], log));
          if (engine.hasPlugin('doomed')) engine.removePlugin('doomed');
        },
      }),
    );
    engine.addPlugin(new TestPlugin('doomed', [], log));
    log.length = 0;
    engine.tick(1);
    expect(log).toEqual(['first:process(1)', 'late:module', 'late:enter', 'doomed:exit']);
    log.length = 0;
    engine.tick(2);
    expect(log).toEqual(['first:process(2)', 'late:process(2)']);
  });
});

describe('Engine time', () => {
  test('the game clock starts at 0, or at gameTimeStartMs', () => {
    expect(newEngine().gameClock.now()).toBe(0);
    const engine = new Engine({ gameTimeStartMs: 90_000, messageQueue: new MessageQueue() });
    expect(engine.gameClock.now()).toBe(90_000);
  });

  test('300 ticks of 1/60 s move the game clock by exactly 5000 ms, whatever the real time', () => {
    const realTimeClock = new ManualClock();
    const engine = new Engine({ realTimeClock, messageQueue: new MessageQueue() });
    for (let i = 0; i < 300; i++) engine.tick(1 / 60);
    expect(engine.gameClock.now()).toBe(5000);
    expect(realTimeClock.now()).toBe(0);
  });

  test("tick moves the game clock before the plugins' process and the deferred calls run", () => {
    const engine = newEngine();
    const seen: string[] = [];
    engine.addPlugin(
      new TestPlugin('reader', [], [], {
        process: () => {
          seen.push(`process at ${engine.gameClock.now()}`);
          engine.messageQueue.push(
            () => void seen.push(`deferred at ${engine.gameClock.now()}`),
            [],
          );
        },
      }),
    );
    engine.tick(0.5);
    engine.tick(0.25);
    expect(seen).toEqual([
      'process at 500',
      'deferred at 500',
      'process at 750',
      'deferred at 750',
    ]);
  });

  test('a tick that throws before the plugins run leaves the game clock where it was', () => {
    const engine = newEngine();
    engine.tick(1);
    expect(() => engine.tick(Number.NaN)).toThrow(RangeError);
    engine.addPlugin(new TestPlugin('ui', ['net']));
    expect(() => engine.tick(1)).toThrow(MissingPluginDependencyError);
    expect(engine.gameClock.now()).toBe(1000);
    engine.removePlugin('ui');
    let nested: unknown;
    engine.addPlugin(
      new TestPlugin('nested', [], [], {
        process: () => {
          nested ??= thrownBy(() => engine.tick(5));
        },
      }),
    );
    engine.tick(1);
    expect(nested).toBeInstanceOf(EngineReentrantTickError);
    expect(engine.gameClock.now()).toBe(2000);
  });

  test('the game clock is read-only: it has now() and nothing that moves it', () => {
    const engine = newEngine();
    expect(Object.keys(engine.gameClock)).toEqual(['now']);
    expect(Object.isFrozen(engine.gameClock)).toBe(true);
  });

  test('realTimeClock is the given clock, a SystemClock by default, and not moved by tick', () => {
    const realTimeClock = new ManualClock(7);
    const engine = new Engine({ realTimeClock, messageQueue: new MessageQueue() });
    engine.tick(3);
    expect(engine.realTimeClock).toBe(realTimeClock);
    expect(realTimeClock.now()).toBe(7);
    const byDefault = new Engine({ messageQueue: new MessageQueue() });
    expect(byDefault.realTimeClock).toBeInstanceOf(SystemClock);
  });

  test.each<[string, Record<string, unknown>]>([
    ['a NaN gameTimeStartMs', { gameTimeStartMs: Number.NaN }],
    ['an infinite gameTimeStartMs', { gameTimeStartMs: Number.POSITIVE_INFINITY }],
    ['a realTimeClock without now()', { realTimeClock: {} }],
  ])('refuses %s with ENGINE_INVALID_OPTION, naming the option', (_case, options) => {
    // As a JavaScript caller would pass them: the types would not let these through.
    const error = thrownBy<EngineError>(() => Reflect.construct(Engine, [options]));
    expect(error.code).toBe('ENGINE_INVALID_OPTION');
    expect(error.message).toContain(Object.keys(options)[0]!);
  });
});

describe('Engine dispose', () => {
  test('exits and unloads every plugin in reverse order, unloads its own bindings and clears singletons', () => {
    const engine = newEngine();
    const log: string[] = [];
    engine.addPlugin(new TestPlugin('ui', ['net'], log));
    engine.addPlugin(new TestPlugin('net', [], log, { module: bindConstant(Greeting, 'hello') }));
    engine.addPlugin(new TestPlugin('audio', [], log));
    engine.addPlugin(new TestPlugin('waiting', ['never'], log));
    engine.registerSingleton('Net', Greeting);
    log.length = 0;
    engine.dispose();
    expect(log).toEqual(['audio:exit', 'ui:exit', 'net:exit']);
    expect(engine.container.isBound(Greeting)).toBe(false);
    expect(engine.container.isBound(CoreTokens.Engine)).toBe(false);
    expect(engine.getPluginList()).toEqual([]);
    expect(engine.getSingletonList()).toEqual([]);
    expect(engine.isDisposed).toBe(true);
  });

  test('a throwing exitTree does not stop the teardown; the error comes after it', () => {
    const engine = newEngine();
    const log: string[] = [];
    engine.addPlugin(new TestPlugin('a', [], log));
    engine.addPlugin(
      new TestPlugin('b', [], log, {
        exitTree: () => {
          throw new Error('b broke');
        },
      }),
    );
    engine.addPlugin(new TestPlugin('c', [], log));
    log.length = 0;
    const error = thrownBy(() => engine.dispose());
    expect(log).toEqual(['c:exit', 'b:exit', 'a:exit']);
    expect((error as PluginTeardownError).failures.map((f) => f.plugin)).toEqual(['b']);
    expect((error as Error).message).toContain("'b': b broke");
  });

  test('exitTree may unregister its singleton during dispose', () => {
    const engine = newEngine();
    engine.addPlugin(
      new TestPlugin('net', [], [], {
        module: bindConstant(Greeting, 'hello'),
        enterTree: (e) => e.registerSingleton('Net', Greeting),
        exitTree: () => engine.unregisterSingleton('Net'),
      }),
    );
    expect(() => engine.dispose()).not.toThrow();
    expect(engine.hasSingleton('Net')).toBe(false);
    expect(() => engine.unregisterSingleton('Net')).toThrow(EngineDisposedError);
  });

  test('a disposed engine refuses tick, addPlugin, removePlugin and registerSingleton; dispose again is a no-op', () => {
    const engine = newEngine();
    engine.dispose();
    expect(() => engine.dispose()).not.toThrow();
    for (const call of [
      () => engine.tick(0),
      () => engine.addPlugin(new TestPlugin('x')),
      () => engine.removePlugin('x'),
      () => engine.registerSingleton('x', CoreTokens.Engine),
    ]) {
      const error = thrownBy(call);
      expect(error).toBeInstanceOf(EngineDisposedError);
      expect((error as EngineError).code).toBe('ENGINE_DISPOSED');
    }
  });

  test('dispose from inside a tick is refused', () => {
    const engine = newEngine();
    let error: unknown;
    engine.addPlugin(
      new TestPlugin('a', [], [], { process: () => (error = thrownBy(() => engine.dispose())) }),
    );
    engine.tick(0);
    expect((error as EngineError).code).toBe('ENGINE_DISPOSE_DURING_TICK');
    expect(engine.isDisposed).toBe(false);
  });
});

describe('Engine singletons', () => {
  test('a singleton is a name for a container binding: get resolves it through the container', () => {
    const engine = newEngine();
    engine.addPlugin(
      new TestPlugin('greeter', [], [], { module: bindConstant(Greeting, 'hello') }),
    );
    engine.registerSingleton('Greeting', Greeting);
    expect(engine.hasSingleton('Greeting')).toBe(true);
    expect(engine.getSingleton('Greeting')).toBe('hello');
    expect(engine.getSingleton('Greeting')).toBe(engine.container.get(Greeting));
    expect(engine.getSingletonList()).toEqual(['Greeting']);
    engine.unregisterSingleton('Greeting');
    expect(engine.hasSingleton('Greeting')).toBe(false);
    // Unregistering the name leaves the binding alone.
    expect(engine.container.get(Greeting)).toBe('hello');
  });

  test('get follows the container: a rebound identifier resolves to the new service', () => {
    const engine = newEngine();
    engine.container.bind(Farewell).toConstantValue('bye');
    engine.registerSingleton('Farewell', Farewell);
    engine.container.unbindSync(Farewell);
    engine.container.bind(Farewell).toConstantValue('see you');
    expect(engine.getSingleton('Farewell')).toBe('see you');
  });

  test('a singleton whose plugin left without unregistering it says so, naming the plugin', () => {
    const engine = newEngine();
    engine.addPlugin(
      new TestPlugin('careless', [], [], {
        module: bindConstant(Greeting, 'hello'),
        enterTree: (e) => e.registerSingleton('Greeting', Greeting),
      }),
    );
    engine.removePlugin('careless');
    const error = thrownBy<SingletonError>(() => engine.getSingleton('Greeting'));
    expect(error.code).toBe('SINGLETON_NOT_BOUND');
    expect(error.message).toContain("plugin 'careless', which registered it, left the tree");
    expect(error.message).toContain("unregisterSingleton('Greeting')");
  });

  test('the singletons of a plugin whose enterTree threw are unregistered with its bindings', () => {
    const engine = newEngine();
    const failing = new TestPlugin('half', [], [], {
      module: bindConstant(Greeting, 'hello'),
      enterTree: (e) => {
        e.registerSingleton('Greeting', Greeting);
        throw new Error('not ready');
      },
    });
    expect(() => engine.addPlugin(failing)).toThrow(PluginEnterError);
    expect(engine.hasSingleton('Greeting')).toBe(false);
  });

  test('refuses an object with the fix: bind it in a ContainerModule and register its token', () => {
    const engine = newEngine();
    const error = thrownBy<SingletonError>(() =>
      // @ts-expect-error -- what a JavaScript caller can do: pass the object itself.
      engine.registerSingleton('Net', { kind: 'net' }),
    );
    expect(error).toBeInstanceOf(SingletonError);
    expect(error.code).toBe('SINGLETON_NOT_A_SERVICE_IDENTIFIER');
    expect(error.message).toContain('bind the object in your plugin');
    expect(error.message).toContain("engine.registerSingleton('Net', MyTokens.Net)");
  });
});

describe('Engine container', () => {
  test('binds itself, its clocks and its message queue under CoreTokens', () => {
    const realTimeClock = new ManualClock(5);
    const queue = new MessageQueue();
    const engine = new Engine({ realTimeClock, messageQueue: queue });
    expect(engine.container.get(CoreTokens.Engine)).toBe(engine);
    expect(engine.container.get(CoreTokens.GameClock)).toBe(engine.gameClock);
    expect(engine.container.get(CoreTokens.RealTimeClock)).toBe(realTimeClock);
    expect(engine.container.get(CoreTokens.MessageQueue)).toBe(queue);
  });

  test("a plugin's services @inject the core services", () => {
    @injectable()
    class Stopwatch {
      constructor(
        @inject(CoreTokens.GameClock) readonly clock: Clock,
        @inject(CoreTokens.Engine) readonly engine: Engine,
      ) {}
    }
    const engine = new Engine({ gameTimeStartMs: 42, messageQueue: new MessageQueue() });
    engine.addPlugin(
      new TestPlugin('stopwatch', [], [], {
        module: () =>
          new ContainerModule(({ bind }) => void bind(Stopwatch).toSelf().inSingletonScope()),
      }),
    );
    const stopwatch = engine.container.get(Stopwatch);
    expect(stopwatch.clock.now()).toBe(42);
    engine.tick(1);
    expect(stopwatch.clock.now()).toBe(1042);
    expect(stopwatch.engine).toBe(engine);
  });

  test('defaults: a SystemClock for real time, MessageQueue.main and a new container', () => {
    const engine = new Engine();
    expect(engine.realTimeClock).toBeInstanceOf(SystemClock);
    expect(engine.messageQueue).toBe(MessageQueue.main);
    expect(engine.container).toBeInstanceOf(Container);
    engine.dispose();
  });

  test('uses the container it is given, and refuses one another engine already uses', () => {
    const container = new Container();
    const engine = new Engine({ container, messageQueue: new MessageQueue() });
    expect(engine.container).toBe(container);
    const error = thrownBy(() => new Engine({ container }));
    expect((error as EngineError).code).toBe('ENGINE_CONTAINER_IN_USE');
    engine.dispose();
    expect(() => new Engine({ container }).dispose()).not.toThrow();
  });

  test('runs on a child container of another engine’s, as the in-use error suggests', () => {
    const parent = new Engine({ messageQueue: new MessageQueue() });
    const child = new Engine({
      container: new Container({ parent: parent.container }),
      messageQueue: new MessageQueue(),
    });
    expect(child.container.get(CoreTokens.Engine)).toBe(child);
    expect(parent.container.get(CoreTokens.Engine)).toBe(parent);
  });
});
