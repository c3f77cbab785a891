import { PassThrough } from 'node:stream';
import { CommandRegistry } from '../command-registry.js';
import { CONSOLE_CLI_USAGE, runConsoleCli } from './console-cli.js';

function setup(inputText = ''): {
  registry: CommandRegistry;
  run: (argv: string[]) => Promise<number>;
  out: () => string;
  err: () => string;
} {
  const registry = new CommandRegistry();
  registry.register({
    name: 'echo',
    help: 'Print the words.',
    args: [{ name: 'words', type: 'string', rest: true, optional: true }],
    handler: ({ words }) => words.join(' '),
  });
  registry.register({
    name: 'fail',
    help: '',
    handler: () => {
      throw new Error('nope');
    },
  });
  let out = '';
  let err = '';
  const output = new PassThrough().on('data', (chunk: Buffer) => (out += chunk.toString()));
  const errorOutput = new PassThrough().on('data', (chunk: Buffer) => (err += chunk.toString()));
  const input = new PassThrough();
  input.end(inputText);
  return {
    registry,
    run: (argv) => runConsoleCli(argv, { registry, input, output, errorOutput, isTerminal: false }),
    out: () => out,
    err: () => err,
  };
}

describe('runConsoleCli', () => {
  it('runs every --eval/-e command in order instead of reading input', async () => {
    const cli = setup('echo from stdin\n');
    await expect(
      cli.run(['-e', 'echo one', '--eval', 'echo "two  three"', '--eval=echo four']),
    ).resolves.toBe(0);
    expect(cli.out()).toBe('one\ntwo  three\nfour\n');
  });

  it('exits 1 when an --eval command failed, having run the others', async () => {
    const cli = setup();
    await expect(cli.run(['-e', 'fail', '-e', 'echo after'])).resolves.toBe(1);
    expect(cli.out()).toBe('after\n');
    expect(cli.err()).toBe('fail: nope\n');
  });

  it('reads commands from input without --eval', async () => {
    const cli = setup('echo piped\nfail\n');
    await expect(cli.run([])).resolves.toBe(1);
    expect(cli.out()).toBe('piped\n');
  });

  it('prints the usage for --help', async () => {
    const cli = setup();
    await expect(cli.run(['--help'])).resolves.toBe(0);
    expect(cli.out()).toBe(CONSOLE_CLI_USAGE);
  });

  it('exits 2 with a message for an unknown argument or an --eval without command', async () => {
    const cli = setup();
    await expect(cli.run(['--verbose'])).resolves.toBe(2);
    await expect(cli.run(['-e'])).resolves.toBe(2);
    expect(cli.err()).toBe(
      "relaylane-console: unknown argument '--verbose'. Run relaylane-console --help.\n" +
        'relaylane-console: -e needs a command, e.g. -e "help".\n',
    );
  });
});
