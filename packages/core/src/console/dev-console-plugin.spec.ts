import { Engine } from '../engine.js';
import { MessageQueue } from '../message-queue.js';
import { Plugin } from '../plugin.js';
import { PluginEnterError } from '../plugin-errors.js';
import { SignalEmitter } from '../signal-emitter.js';
import { serviceToken } from '../tokens.js';
import { thrownBy } from '../test-support/errors.js';
import { CommandRegistry } from './command-registry.js';
import { type ConsoleError } from './console-error.js';
import { DevConsolePlugin } from './dev-console-plugin.js';
import { DevConsoleTokens } from './dev-console-tokens.js';
import { renderOutputLines } from './format-table.js';

const BUILTINS = ['clear', 'help', 'history', 'plugins', 'signals', 'singletons'];

function newEngine(): Engine {
  return new Engine({ messageQueue: new MessageQueue() });
}

function names(registry: CommandRegistry): string[] {
  return registry.list().map((command) => command.name);
}

async function run(registry: CommandRegistry, line: string): Promise<string[]> {
  return renderOutputLines((await registry.execute(line)).output);
}

type LobbySignals = { joined: [player: string] };
class Lobby extends SignalEmitter<LobbySignals> {
  constructor() {
    super({ joined: ['player'] }, { messageQueue: new MessageQueue() });
  }
}
const LobbyToken = serviceToken<Lobby>('core-test', 'Lobby');

/** A plugin that adds a command through the console's token, as other packages do. */
class PingCommandPlugin extends Plugin {
  readonly name = 'ping-command';
  override readonly dependencies = [DevConsolePlugin.pluginName];
  #registry: CommandRegistry | undefined;

  override enterTree(engine: Engine): void {
    this.#registry = engine.container.get(DevConsoleTokens.CommandRegistry);
    this.#registry.register({ name: 'ping', help: 'Answer pong.', handler: () => 'pong' });
  }

  override exitTree(): void {
    this.#registry?.unregister('ping');
  }
}

describe('DevConsolePlugin', () => {
  test("is named 'dev-console', the name other plugins depend on", () => {
    expect(DevConsolePlugin.pluginName).toBe('dev-console');
    expect(new DevConsolePlugin().name).toBe('dev-console');
  });

  test('binds its registry as DevConsoleTokens.CommandRegistry while it is in the tree', () => {
    const engine = newEngine();
    const plugin = new DevConsolePlugin();
    engine.addPlugin(plugin);
    expect(plugin.registry).toBeInstanceOf(CommandRegistry);
    expect(engine.container.get(DevConsoleTokens.CommandRegistry)).toBe(plugin.registry);
    engine.removePlugin('dev-console');
    expect(engine.container.isBound(DevConsoleTokens.CommandRegistry)).toBe(false);
  });

  test('registers the built-in commands in enterTree, with the engine as what they inspect', async () => {
    const engine = newEngine();
    const plugin = new DevConsolePlugin();
    expect(names(plugin.registry)).toEqual([]);
    engine.addPlugin(plugin);
    expect(names(plugin.registry)).toEqual(BUILTINS);
    expect(await run(plugin.registry, 'plugins')).toEqual(['1. dev-console']);
  });

  test("the built-ins read the engine's singletons through its unknown-typed getSingleton", async () => {
    const engine = newEngine();
    const plugin = new DevConsolePlugin();
    engine.addPlugin(plugin);
    engine.container.bind(LobbyToken).toConstantValue(new Lobby());
    engine.registerSingleton('Lobby', LobbyToken);
    const text = await run(plugin.registry, 'singletons');
    expect(text.join('\n')).toMatch(/Lobby\s+Lobby\s+1/);
    expect((await run(plugin.registry, 'signals Lobby')).join('\n')).toContain('joined(player)');
  });

  test('exitTree unregisters the built-ins it registered, and only those', () => {
    const registry = new CommandRegistry();
    registry.register({ name: 'mine', help: 'Kept.', handler: () => 'kept' });
    const engine = newEngine();
    engine.addPlugin(new DevConsolePlugin({ registry }));
    expect(names(registry)).toEqual([...BUILTINS, 'mine'].sort());
    engine.removePlugin('dev-console');
    expect(names(registry)).toEqual(['mine']);
  });

  test('exitTree skips a built-in someone unregistered or replaced since', () => {
    const engine = newEngine();
    const plugin = new DevConsolePlugin();
    engine.addPlugin(plugin);
    plugin.registry.unregister('history');
    plugin.registry.unregister('clear');
    const replacement = { name: 'clear', help: 'Mine now.', handler: () => 'cleared' };
    plugin.registry.register(replacement);
    expect(() => engine.removePlugin('dev-console')).not.toThrow();
    expect(plugin.registry.list()).toEqual([replacement]);
  });

  test('can leave the tree and enter it again (the built-ins come back)', () => {
    const engine = newEngine();
    const plugin = new DevConsolePlugin();
    engine.addPlugin(plugin);
    engine.removePlugin('dev-console');
    engine.addPlugin(plugin);
    expect(names(plugin.registry)).toEqual(BUILTINS);
  });

  test('builtins: false serves the registry without the built-in commands', () => {
    const engine = newEngine();
    const plugin = new DevConsolePlugin({ builtins: false });
    engine.addPlugin(plugin);
    expect(names(plugin.registry)).toEqual([]);
    expect(engine.container.get(DevConsoleTokens.CommandRegistry)).toBe(plugin.registry);
  });

  test('a registry that already has a built-in name: the plugin does not enter, and adds nothing', () => {
    const registry = new CommandRegistry();
    registry.register({ name: 'signals', help: 'Taken.', handler: () => undefined });
    const engine = newEngine();
    const error = thrownBy<PluginEnterError>(() =>
      engine.addPlugin(new DevConsolePlugin({ registry })),
    );
    expect(error).toBeInstanceOf(PluginEnterError);
    expect(error.message).toContain("'signals' is already registered");
    expect(names(registry)).toEqual(['signals']);
  });

  test("other plugins add commands through the token, after the console's plugin entered", async () => {
    const engine = newEngine();
    const plugin = new DevConsolePlugin();
    engine.addPlugin(new PingCommandPlugin());
    expect(engine.getPendingPluginList()).toEqual([
      { plugin: 'ping-command', waitingFor: ['dev-console'] },
    ]);
    engine.addPlugin(plugin);
    expect(await run(plugin.registry, 'ping')).toEqual(['pong']);
    engine.removePlugin('ping-command');
    expect(plugin.registry.has('ping')).toBe(false);
  });

  test.each<[string, unknown]>([
    ['registry', { execute: () => undefined }],
    ['builtins', 'yes'],
  ])('refuses a %s option of the wrong kind, naming it', (option, value) => {
    const error = thrownBy<ConsoleError>(() =>
      Reflect.construct(DevConsolePlugin, [{ [option]: value }]),
    );
    expect(error.code).toBe('CONSOLE_INVALID_OPTION');
    expect(error.message).toContain(`new DevConsolePlugin({ ${option} })`);
  });
});
