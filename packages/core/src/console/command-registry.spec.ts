import { CommandRegistry } from './command-registry.js';
import { type CommandContext, type ConsoleCommand, defineCommand } from './command-types.js';
import { ConsoleError } from './console-error.js';

function noop(name: string, extra: Partial<ConsoleCommand> = {}): ConsoleCommand {
  return { name, help: `The ${name} command.`, handler: () => undefined, ...extra };
}

function codeOf(action: () => void): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof ConsoleError ? error.code : `not a ConsoleError: ${String(error)}`;
  }
  return undefined;
}

describe('CommandRegistry registration', () => {
  it('lists registered commands sorted by name and finds them by exact name', () => {
    const registry = new CommandRegistry();
    registry.register(noop('net.pops'));
    registry.register(noop('help'));
    registry.register(noop('net.ping'));
    expect(registry.list().map((command) => command.name)).toEqual([
      'help',
      'net.ping',
      'net.pops',
    ]);
    expect(registry.has('net.ping')).toBe(true);
    expect(registry.get('net.ping')?.name).toBe('net.ping');
    expect(registry.has('net')).toBe(false);
  });

  it('refuses a second command with the same name', () => {
    const registry = new CommandRegistry();
    registry.register(noop('help'));
    expect(codeOf(() => registry.register(noop('help')))).toBe('CONSOLE_DUPLICATE_COMMAND');
  });

  it.each<[string, ConsoleCommand]>([
    ['a name with a space', noop('net pops')],
    ['an empty namespace part', noop('net..pops')],
    ['no help text', noop('x', { help: undefined as unknown as string })],
    [
      'a rest argument before the last',
      noop('x', {
        args: [
          { name: 'a', type: 'string', rest: true },
          { name: 'b', type: 'string' },
        ],
      }),
    ],
    [
      'a required argument after an optional one',
      noop('x', {
        args: [
          { name: 'a', type: 'string', optional: true },
          { name: 'b', type: 'string' },
        ],
      }),
    ],
    ['an enum without choices', noop('x', { args: [{ name: 'a', type: 'enum', choices: [] }] })],
    [
      'an argument declared twice',
      noop('x', {
        args: [
          { name: 'a', type: 'string' },
          { name: 'a', type: 'int' },
        ],
      }),
    ],
    ['an unknown argument type', noop('x', { args: [{ name: 'a', type: 'float' as 'number' }] })],
  ])('refuses a command with %s', (_problem, command) => {
    expect(codeOf(() => new CommandRegistry().register(command))).toBe('CONSOLE_INVALID_COMMAND');
  });

  it('unregisters a command so that its name can be used again', () => {
    const registry = new CommandRegistry();
    registry.register(noop('net.pops'));
    registry.unregister('net.pops');
    expect(registry.has('net.pops')).toBe(false);
    expect(() => registry.register(noop('net.pops'))).not.toThrow();
  });

  it('refuses to unregister a command that is not registered', () => {
    expect(codeOf(() => new CommandRegistry().unregister('nope'))).toBe('CONSOLE_UNKNOWN_COMMAND');
  });
});

describe('CommandRegistry.execute', () => {
  it('calls the handler with typed arguments and returns its lines', async () => {
    const registry = new CommandRegistry();
    registry.register({
      name: 'net.ping',
      help: 'Ping a POP.',
      args: [
        { name: 'pop', type: 'string' },
        { name: 'count', type: 'int', optional: true },
      ],
      handler: ({ pop, count }) => `pinging ${pop} ${(count ?? 1) * 2} times`,
    });
    await expect(registry.execute('net.ping fra 3')).resolves.toEqual({
      ok: true,
      output: ['pinging fra 6 times'],
      clear: false,
    });
  });

  it('splits text into lines and keeps tables and lists of both', async () => {
    const registry = new CommandRegistry();
    const table = { columns: ['a'], rows: [[1]] };
    registry.register(noop('text', { handler: () => 'one\ntwo' }));
    registry.register(noop('mixed', { handler: () => ['first', table, 'x\r\ny'] }));
    registry.register(noop('table', { handler: () => table }));
    expect((await registry.execute('text')).output).toEqual(['one', 'two']);
    expect((await registry.execute('mixed')).output).toEqual(['first', table, 'x', 'y']);
    expect((await registry.execute('table')).output).toEqual([table]);
    expect((await registry.execute('help', { addToHistory: false })).ok).toBe(false);
  });

  it('awaits an async handler', async () => {
    const registry = new CommandRegistry();
    registry.register(noop('later', { handler: async () => Promise.resolve('done') }));
    await expect(registry.execute('later')).resolves.toMatchObject({ ok: true, output: ['done'] });
  });

  it('turns a throwing handler into a failure line naming the command', async () => {
    const registry = new CommandRegistry();
    registry.register(
      noop('net.ping', {
        handler: () => {
          throw new Error('relay network unavailable');
        },
      }),
    );
    await expect(registry.execute('net.ping')).resolves.toEqual({
      ok: false,
      output: ['net.ping: relay network unavailable'],
      clear: false,
    });
  });

  it('turns a rejecting handler, and a thrown non-Error, into failure lines', async () => {
    const registry = new CommandRegistry();
    registry.register(noop('rejects', { handler: () => Promise.reject(new TypeError('bad')) }));
    registry.register(
      noop('throws', {
        handler: () => {
          throw 'plain text';
        },
      }),
    );
    registry.register(
      noop('odd', {
        handler: () => {
          throw Object.create(null);
        },
      }),
    );
    expect((await registry.execute('rejects')).output).toEqual(['rejects: bad']);
    expect((await registry.execute('throws')).output).toEqual(['throws: plain text']);
    expect(await registry.execute('odd')).toMatchObject({ ok: false });
  });

  it('reports an unknown command with the closest name and the help hint', async () => {
    const registry = new CommandRegistry();
    registry.register(noop('help'));
    registry.register(noop('net.pops'));
    expect(await registry.execute('net.pop')).toEqual({
      ok: false,
      output: ["Unknown command 'net.pop'. Did you mean 'net.pops'? Type 'help' for the list."],
      clear: false,
    });
    expect((await registry.execute('foo')).output).toEqual([
      "Unknown command 'foo'. Type 'help' for the list.",
    ]);
  });

  it('leaves the help hint out when there is no help command', async () => {
    expect((await new CommandRegistry().execute('foo')).output).toEqual(["Unknown command 'foo'."]);
  });

  it('reports a bad argument without calling the handler', async () => {
    const registry = new CommandRegistry();
    const handler = jest.fn();
    registry.register({
      name: 'net.ping',
      help: '',
      args: [{ name: 'pop', type: 'int' }],
      handler,
    });
    expect(await registry.execute('net.ping x')).toEqual({
      ok: false,
      output: ['net.ping: argument <pop> expected an integer, got "x". Usage: net.ping <pop>'],
      clear: false,
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('reports an unterminated quote as a failure line', async () => {
    const registry = new CommandRegistry();
    registry.register(noop('say', { args: [{ name: 'text', type: 'string' }] }));
    const result = await registry.execute('say "hello');
    expect(result.ok).toBe(false);
    expect(result.output).toEqual([
      'Unterminated double quote (") opened at column 5. Close it with " or escape a literal one as \\".',
    ]);
  });

  it('does nothing for a blank line and does not record it', async () => {
    const registry = new CommandRegistry();
    await expect(registry.execute('   ')).resolves.toEqual({ ok: true, output: [], clear: false });
    expect(registry.history).toEqual([]);
  });

  it('records every non-blank line run, failed ones included, unless told not to', async () => {
    const registry = new CommandRegistry();
    registry.register(noop('help'));
    await registry.execute('help');
    await registry.execute('nope');
    await registry.execute('secret', { addToHistory: false });
    expect(registry.history).toEqual(['help', 'nope']);
    registry.clearHistory();
    expect(registry.history).toEqual([]);
  });

  it('keeps at most historyLimit lines', async () => {
    const registry = new CommandRegistry({ historyLimit: 2 });
    for (const line of ['a', 'b', 'c']) await registry.execute(line);
    expect(registry.history).toEqual(['b', 'c']);
    expect(registry.historyLimit).toBe(2);
  });

  it('passes the context and reports a clear request', async () => {
    const registry = new CommandRegistry();
    let seen: CommandContext | undefined;
    registry.register(
      noop('wipe', {
        handler: (_args, context) => {
          seen = context;
          context.requestClear();
          return 'wiped';
        },
      }),
    );
    expect(await registry.execute('wipe  now', { addToHistory: false })).toMatchObject({
      ok: false,
    });
    expect(await registry.execute('wipe')).toEqual({ ok: true, output: ['wiped'], clear: true });
    expect(seen?.registry).toBe(registry);
    expect(seen?.command.name).toBe('wipe');
    expect(seen?.line).toBe('wipe');
  });
});

describe('CommandRegistry completion', () => {
  function registryWithNet(): CommandRegistry {
    const registry = new CommandRegistry();
    registry.register(noop('help'));
    registry.register(noop('history'));
    registry.register(
      noop('net.ping', {
        args: [
          { name: 'pop', type: 'enum', choices: ['fra', 'fsn', 'sea'] },
          { name: 'verbose', type: 'boolean', optional: true },
        ],
      }),
    );
    registry.register(noop('net.pops'));
    registry.register(
      noop('net.config.get', {
        args: [
          {
            name: 'names',
            type: 'string',
            rest: true,
            complete: () => ['Fake Lag', 'FakeIP', 42 as unknown as string],
          },
        ],
      }),
    );
    registry.register(
      noop('broken', {
        args: [
          {
            name: 'x',
            type: 'string',
            complete: () => {
              throw new Error('boom');
            },
          },
        ],
      }),
    );
    return registry;
  }

  it('completes the first token to command names, stopping at the next namespace dot', () => {
    const registry = registryWithNet();
    expect(registry.complete('')).toEqual(['broken', 'help', 'history', 'net.']);
    expect(registry.complete('h')).toEqual(['help', 'history']);
    expect(registry.complete('n')).toEqual(['net.']);
    expect(registry.complete('net.')).toEqual(['net.config.', 'net.ping', 'net.pops']);
    expect(registry.complete('  net.p')).toEqual(['net.ping', 'net.pops']);
    expect(registry.complete('x')).toEqual([]);
  });

  it('completes an enum argument with its choices and a boolean with its words', () => {
    const registry = registryWithNet();
    expect(registry.complete('net.ping f')).toEqual(['fra', 'fsn']);
    expect(registry.complete('net.ping ')).toEqual(['fra', 'fsn', 'sea']);
    expect(registry.complete('net.ping fra o')).toEqual(['on', 'off']);
  });

  it("uses an argument's completer for every token of a rest argument, quoting as needed", () => {
    const registry = registryWithNet();
    // A bare token keeps what was typed and continues with a quoted part, which reads as one token.
    expect(registry.complete('net.config.get Fa')).toEqual(['Fa"ke Lag"', 'FakeIP']);
    expect(registry.complete('net.config.get FakeIP "Fake ')).toEqual(['"Fake Lag"']);
  });

  it('offers nothing past the last argument, for an unknown command, or when a completer throws', () => {
    const registry = registryWithNet();
    expect(registry.complete('net.ping fra on ')).toEqual([]);
    expect(registry.complete('nope a')).toEqual([]);
    expect(registry.complete('broken ')).toEqual([]);
  });

  it('says where the completed token starts and whether it is the command name', () => {
    const registry = registryWithNet();
    expect(registry.completeToken('net.config.get FakeIP "Fa')).toEqual({
      start: 22,
      token: '"Fa',
      isCommandName: false,
      candidates: ['"Fake Lag"', '"FakeIP"'],
    });
    expect(registry.completeToken('net.p').isCommandName).toBe(true);
  });
});

describe('ConsoleCommand typing', () => {
  it('types handler arguments from the argument spec', async () => {
    const command = defineCommand({
      name: 'typed',
      help: '',
      args: [
        { name: 'mode', type: 'enum', choices: ['fast', 'slow'] },
        { name: 'count', type: 'int', optional: true },
        { name: 'tags', type: 'string', rest: true, optional: true },
      ],
      handler: ({ mode, count, tags }) => {
        const fast: 'fast' | 'slow' = mode;
        const maybe: number | undefined = count;
        const list: string[] = tags;
        // @ts-expect-error count may be undefined
        const sure: number = count;
        return [fast, String(maybe), list.join('+'), String(sure)];
      },
    });
    const registry = new CommandRegistry();
    registry.register(command);
    expect((await registry.execute('typed slow 2 a b')).output).toEqual(['slow', '2', 'a+b', '2']);
  });
});
