import { callable } from '../callable.js';
import { ConnectFlags } from '../connect-flags.js';
import { MessageQueue } from '../message-queue.js';
import { SignalEmitter } from '../signal-emitter.js';
import { type ConsoleHost, registerBuiltinCommands } from './builtin-commands.js';
import { CommandRegistry } from './command-registry.js';
import { renderOutputLines } from './format-table.js';

type RelaySignals = {
  relay_network_status: [available: number, debug_message: string];
  ping_location_changed: [];
};

class RelayStatus extends SignalEmitter<RelaySignals> {
  constructor() {
    super(
      { relay_network_status: ['available', 'debug_message'], ping_location_changed: [] },
      { messageQueue: new MessageQueue() },
    );
  }
}

class RegionPicker {
  onRelayStatus(_available: number, _message: string): void {}
}

/**
 * A console host holding plugins and singletons in plain collections; a singleton given as an
 * Error throws it when resolved, as the engine's does when its plugin left without unregistering.
 */
class FakeHost implements ConsoleHost {
  constructor(
    readonly plugins: string[] = [],
    readonly singletons = new Map<string, object>(),
  ) {}
  getPluginList(): readonly string[] {
    return this.plugins;
  }
  getSingletonList(): readonly string[] {
    return [...this.singletons.keys()];
  }
  getSingleton(name: string): unknown {
    const singleton = this.singletons.get(name);
    if (singleton === undefined) throw new Error(`no singleton ${name}`);
    if (singleton instanceof Error) throw singleton;
    return singleton;
  }
}

function consoleFor(host: ConsoleHost = new FakeHost()): CommandRegistry {
  const registry = new CommandRegistry();
  registerBuiltinCommands(registry, host);
  return registry;
}

async function run(
  registry: CommandRegistry,
  line: string,
): Promise<{ ok: boolean; text: string[] }> {
  const result = await registry.execute(line);
  return { ok: result.ok, text: renderOutputLines(result.output) };
}

describe('registerBuiltinCommands', () => {
  it('registers help, plugins, singletons, signals, clear and history', () => {
    expect(
      consoleFor()
        .list()
        .map((command) => command.name),
    ).toEqual(['clear', 'help', 'history', 'plugins', 'signals', 'singletons']);
  });

  it('refuses to register them twice on one registry', () => {
    const registry = consoleFor();
    expect(() => registerBuiltinCommands(registry, new FakeHost())).toThrow(/already registered/);
  });

  it('returns the commands it registered', () => {
    const registry = new CommandRegistry();
    const registered = registerBuiltinCommands(registry, new FakeHost());
    expect(registered.map((command) => registry.get(command.name) === command)).toEqual(
      registered.map(() => true),
    );
    expect(registered).toHaveLength(6);
  });

  it('registers all or nothing: one taken name leaves the registry as it was', () => {
    const registry = new CommandRegistry();
    const mine = { name: 'plugins', help: 'Mine.', handler: () => 'mine' };
    registry.register(mine);
    expect(() => registerBuiltinCommands(registry, new FakeHost())).toThrow(/'plugins'/);
    expect(registry.list()).toEqual([mine]);
  });
});

describe('help', () => {
  function withNet(): CommandRegistry {
    const registry = consoleFor();
    registry.register({
      name: 'net.ping',
      help: 'Estimate the ping to a POP.\nUses the relay network.',
      args: [
        { name: 'pop', type: 'enum', choices: ['fra', 'sea'], description: 'the data center' },
        { name: 'count', type: 'int', optional: true },
      ],
      handler: () => undefined,
    });
    registry.register({ name: 'net.pops', help: 'List the POPs.', handler: () => undefined });
    return registry;
  }

  it('lists every command with its usage and the first line of its help', async () => {
    const { ok, text } = await run(withNet(), 'help');
    expect(ok).toBe(true);
    expect(text[0]).toBe("Commands (type 'help <command>' for details):");
    expect(text).toContainEqual(
      expect.stringMatching(/^net\.ping <fra\|sea> \[count\] +Estimate the ping to a POP\.$/),
    );
    expect(text.join('\n')).not.toContain('Uses the relay network.');
  });

  it('describes one command: usage, full help and each argument', async () => {
    const { text } = await run(withNet(), 'help net.ping');
    expect(text).toEqual([
      'Usage: net.ping <fra|sea> [count]',
      'Estimate the ping to a POP.',
      'Uses the relay network.',
      'Arguments:',
      '  <pop> (one of fra, sea) the data center',
      '  [count] (an integer, optional)',
    ]);
  });

  it('lists the commands of a namespace', async () => {
    const { ok, text } = await run(withNet(), 'help net');
    expect(ok).toBe(true);
    expect(text.slice(2).map((line) => line.split(' ')[0])).toEqual(['net.ping', 'net.pops']);
  });

  it('fails for an unknown name with a suggestion', async () => {
    expect(await run(withNet(), 'help net.pingg')).toEqual({
      ok: false,
      text: [
        "help: Unknown command 'net.pingg'. Did you mean 'net.ping'? Type 'help' for the list.",
      ],
    });
  });

  it('completes its argument with command names', () => {
    expect(withNet().complete('help net.p')).toEqual(['net.ping', 'net.pops']);
  });
});

describe('plugins', () => {
  it('lists the plugins in tree order', async () => {
    const registry = consoleFor(new FakeHost(['relay', 'lobby']));
    expect(await run(registry, 'plugins')).toEqual({ ok: true, text: ['1. relay', '2. lobby'] });
  });

  it('says when the tree is empty', async () => {
    expect((await run(consoleFor(), 'plugins')).text).toEqual(['No plugin is in the tree.']);
  });
});

describe('singletons', () => {
  it('lists each singleton with its type and signal count', async () => {
    const host = new FakeHost(
      [],
      new Map<string, object>([
        ['Relay', new RelayStatus()],
        ['Picker', new RegionPicker()],
      ]),
    );
    expect((await run(consoleFor(host), 'singletons')).text).toEqual([
      'Singleton  Type          Signals',
      '---------  ------------  -------',
      'Relay      RelayStatus         2',
      'Picker     RegionPicker        -',
    ]);
  });

  it('says when none is registered', async () => {
    expect((await run(consoleFor(), 'singletons')).text).toEqual(['No singleton is registered.']);
  });

  it('lists a singleton that cannot be resolved, says why, and still lists the others', async () => {
    const host = new FakeHost(
      [],
      new Map<string, object>([
        ['Gone', new Error("Singleton 'Gone' names a symbol which is no longer bound")],
        ['Picker', new RegionPicker()],
      ]),
    );
    const result = await run(consoleFor(host), 'singletons');
    expect(result.text).toEqual([
      'Singleton  Type              Signals',
      '---------  ----------------  -------',
      'Gone       (cannot resolve)        -',
      'Picker     RegionPicker            -',
      "Gone: Singleton 'Gone' names a symbol which is no longer bound",
    ]);
    const signals = await run(consoleFor(host), 'signals');
    expect(signals.text).toEqual(['No singleton has signals.']);
  });
});

describe('signals', () => {
  function hostWithRelay(): { host: FakeHost; relay: RelayStatus; picker: RegionPicker } {
    const relay = new RelayStatus();
    const picker = new RegionPicker();
    const host = new FakeHost(
      [],
      new Map<string, object>([
        ['Relay', relay],
        ['Picker', picker],
      ]),
    );
    return { host, relay, picker };
  }

  it("lists an object's signals with their arguments and connections", async () => {
    const { host, relay, picker } = hostWithRelay();
    relay.connect('relay_network_status', callable(picker, 'onRelayStatus'), ConnectFlags.DEFERRED);
    const logged = function logStatus(): void {};
    relay.connect('relay_network_status', logged, ConnectFlags.REFERENCE_COUNTED);
    relay.connect('relay_network_status', logged, ConnectFlags.REFERENCE_COUNTED);
    const { ok, text } = await run(consoleFor(host), 'signals Relay');
    expect(ok).toBe(true);
    expect(text).toEqual([
      'Relay',
      '  relay_network_status(available, debug_message)',
      `    -> ${relay.getSignalConnectionList('relay_network_status')[0]!.callableName} [DEFERRED]`,
      '    -> logStatus [REFERENCE_COUNTED] x2',
      '  ping_location_changed()',
      '    (no connections)',
    ]);
    expect(text[2]).toContain('onRelayStatus');
  });

  it('lists every object with signals when no object is named', async () => {
    const { host } = hostWithRelay();
    const { text } = await run(consoleFor(host), 'signals');
    expect(text[0]).toBe('Relay');
    expect(text).not.toContain('Picker');
  });

  it('fails for a name that is not a singleton, or a singleton without signals', async () => {
    const registry = consoleFor(hostWithRelay().host);
    expect(await run(registry, 'signals Nope')).toEqual({
      ok: false,
      text: ["signals: no singleton is named 'Nope'. Type 'singletons' for the list."],
    });
    expect(await run(registry, 'signals Picker')).toEqual({
      ok: false,
      text: [
        "signals: singleton 'Picker' (RegionPicker) has no signals: it is not a SignalEmitter.",
      ],
    });
  });

  it('says when no singleton has signals', async () => {
    expect((await run(consoleFor(), 'signals')).text).toEqual(['No singleton has signals.']);
  });

  it('completes its argument with the singletons that have signals', () => {
    expect(consoleFor(hostWithRelay().host).complete('signals ')).toEqual(['Relay']);
  });
});

describe('clear', () => {
  it('asks the user interface to clear and prints nothing', async () => {
    await expect(consoleFor().execute('clear')).resolves.toEqual({
      ok: true,
      output: [],
      clear: true,
    });
  });
});

describe('history', () => {
  it('numbers the lines run so far, itself included', async () => {
    const registry = consoleFor();
    await registry.execute('plugins');
    await registry.execute('nope');
    expect((await run(registry, 'history')).text).toEqual(['1  plugins', '2  nope', '3  history']);
  });

  it('shows only the last <count> lines, numbered as in the full list', async () => {
    const registry = consoleFor();
    for (let i = 0; i < 10; i++) await registry.execute(`plugins ${i}`);
    expect((await run(registry, 'history 3')).text).toEqual([
      ' 9  plugins 8',
      '10  plugins 9',
      '11  history 3',
    ]);
    expect((await run(registry, 'history 0')).text).toEqual([]);
  });

  it('refuses a negative count', async () => {
    expect(await run(consoleFor(), 'history -1')).toEqual({
      ok: false,
      text: ['history: <count> must be 0 or more, got -1.'],
    });
  });
});
