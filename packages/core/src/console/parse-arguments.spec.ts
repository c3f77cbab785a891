import { type ConsoleArgSpec, type ConsoleCommand } from './command-types.js';
import { formatUsage, parseArguments } from './parse-arguments.js';

function command(args: readonly ConsoleArgSpec[]): ConsoleCommand {
  return { name: 'net.ping', help: 'Ping a POP.', args, handler: () => undefined };
}

function parsedArgs(spec: ConsoleCommand, tokens: string[]): Record<string, unknown> {
  const parsed = parseArguments(spec, tokens);
  if (!parsed.ok) throw new Error(`expected success, got: ${parsed.message}`);
  return parsed.args;
}

function failure(spec: ConsoleCommand, tokens: string[]): string {
  const parsed = parseArguments(spec, tokens);
  if (parsed.ok) throw new Error('expected a failure');
  return parsed.message;
}

describe('parseArguments', () => {
  it('reads each type into its typed value', () => {
    const spec = command([
      { name: 'pop', type: 'string' },
      { name: 'count', type: 'int' },
      { name: 'scale', type: 'number' },
      { name: 'verbose', type: 'boolean' },
      { name: 'mode', type: 'enum', choices: ['fast', 'slow'] },
    ]);
    expect(parsedArgs(spec, ['fra', '-3', '2.5e1', 'ON', 'slow'])).toEqual({
      pop: 'fra',
      count: -3,
      scale: 25,
      verbose: true,
      mode: 'slow',
    });
  });

  it.each([
    ['on', true],
    ['off', false],
    ['true', true],
    ['False', false],
    ['1', true],
    ['0', false],
  ])('reads the boolean word %s', (word, value) => {
    expect(parsedArgs(command([{ name: 'flag', type: 'boolean' }]), [word])).toEqual({
      flag: value,
    });
  });

  it('rejects a bad value with the argument, what it expects, what it got and the usage', () => {
    const spec = command([
      { name: 'pop', type: 'string' },
      { name: 'count', type: 'int', optional: true },
    ]);
    expect(failure(spec, ['fra', 'x'])).toBe(
      'net.ping: argument [count] expected an integer, got "x". Usage: net.ping <pop> [count]',
    );
  });

  it.each([
    ['int', '1.5'],
    ['int', '99999999999999999999'],
    ['number', 'abc'],
    ['number', ''],
    ['number', 'Infinity'],
    ['boolean', 'yes'],
  ] as const)('rejects a %s written as %j', (type, token) => {
    expect(failure(command([{ name: 'value', type }]), [token])).toContain(
      `got ${JSON.stringify(token)}`,
    );
  });

  it('lists the choices of an enum it rejects', () => {
    const spec = command([{ name: 'mode', type: 'enum', choices: ['fast', 'slow'] }]);
    expect(failure(spec, ['Fast'])).toContain('expected one of fast, slow, got "Fast"');
  });

  it('names a missing required argument', () => {
    const spec = command([{ name: 'pop', type: 'string' }]);
    expect(failure(spec, [])).toBe('net.ping: missing argument <pop>. Usage: net.ping <pop>');
  });

  it('gives undefined for an absent optional argument', () => {
    const spec = command([{ name: 'count', type: 'int', optional: true }]);
    expect(parsedArgs(spec, [])).toEqual({ count: undefined });
  });

  it('collects every remaining token into a rest argument, each converted', () => {
    const spec = command([
      { name: 'pop', type: 'string' },
      { name: 'sizes', type: 'int', rest: true },
    ]);
    expect(parsedArgs(spec, ['fra', '1', '2', '3'])).toEqual({ pop: 'fra', sizes: [1, 2, 3] });
    expect(failure(spec, ['fra'])).toContain('missing argument <sizes...>');
    expect(failure(spec, ['fra', '1', 'x'])).toContain(
      'argument <sizes...> expected an integer, got "x"',
    );
  });

  it('gives an empty array for an absent optional rest argument', () => {
    const spec = command([{ name: 'names', type: 'string', rest: true, optional: true }]);
    expect(parsedArgs(spec, [])).toEqual({ names: [] });
  });

  it('rejects extra tokens, quoting them', () => {
    const spec = command([{ name: 'pop', type: 'string' }]);
    expect(failure(spec, ['fra', 'a b', 'c'])).toBe(
      'net.ping: 2 arguments too many ("a b", "c"). Usage: net.ping <pop>',
    );
  });
});

describe('formatUsage', () => {
  it('writes required, optional and rest arguments distinctly', () => {
    expect(
      formatUsage(
        command([
          { name: 'pop', type: 'string' },
          { name: 'count', type: 'int', optional: true },
          { name: 'tags', type: 'string', rest: true, optional: true },
        ]),
      ),
    ).toBe('net.ping <pop> [count] [tags...]');
  });
});
