import { type CommandRegistry } from '../command-registry.js';
import { printResult } from './print-result.js';
import { runTerminalConsole } from './run-terminal-console.js';

/** The streams and registry a console command line runs with. */
export interface ConsoleCliIo {
  readonly registry: CommandRegistry;
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly errorOutput: NodeJS.WritableStream;
  /** Forces interactive or piped mode (default: interactive when input and output are TTYs). */
  readonly isTerminal?: boolean;
  /**
   * The bin that runs the console, for its messages and `--help` (default `relaylane-console` and
   * {@link CONSOLE_CLI_USAGE}). A package's own bin that reads options of its own first passes
   * the rest here with its name and its whole usage text.
   */
  readonly program?: { readonly name: string; readonly usage: string } | undefined;
  /** The interactive prompt (default `'relaylane> '`). */
  readonly prompt?: string | undefined;
  /** Printed once when the interactive console starts. */
  readonly banner?: string | undefined;
}

/** The `--help` text of the console's command line. */
export const CONSOLE_CLI_USAGE = `Usage: relaylane-console [--eval "<command>"]...

Runs the Relaylane dev console. Without --eval it reads commands from standard input: an
interactive prompt in a terminal, or one command per line when input is piped, in which case the
exit code is 1 if any command failed.

Options:
  -e, --eval "<command>"  run this command instead of reading input (repeatable, run in order;
                          exit code 1 if any failed)
  -h, --help              show this help
`;

type ParsedCli =
  | { readonly kind: 'help' }
  | { readonly kind: 'run'; readonly evals: readonly string[] }
  | { readonly kind: 'error'; readonly message: string };

/** Reads the command line's arguments. */
function parseCli(argv: readonly string[], name: string): ParsedCli {
  const evals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg.startsWith('--eval=')) {
      evals.push(arg.slice('--eval='.length));
    } else if (arg === '-e' || arg === '--eval') {
      const command = argv[i + 1];
      if (command === undefined)
        return { kind: 'error', message: `${arg} needs a command, e.g. ${arg} "help".` };
      evals.push(command);
      i += 1;
    } else {
      return { kind: 'error', message: `unknown argument '${arg}'. Run ${name} --help.` };
    }
  }
  return { kind: 'run', evals };
}

/**
 * The console's command line (`relaylane-console [--eval "<command>"]...`), for a bin script that
 * built an engine: with `--eval`, runs those commands in order and resolves to 1 if any failed
 * (else 0); without, runs `runTerminalConsole` over the streams. `--help` prints the usage; a bad
 * argument prints a message and resolves to 2.
 */
export async function runConsoleCli(argv: readonly string[], io: ConsoleCliIo): Promise<number> {
  const name = io.program?.name ?? 'relaylane-console';
  const parsed = parseCli(argv, name);
  if (parsed.kind === 'help') {
    io.output.write(io.program?.usage ?? CONSOLE_CLI_USAGE);
    return 0;
  }
  if (parsed.kind === 'error') {
    io.errorOutput.write(`${name}: ${parsed.message}\n`);
    return 2;
  }
  if (parsed.evals.length === 0) {
    return runTerminalConsole({
      registry: io.registry,
      input: io.input,
      output: io.output,
      errorOutput: io.errorOutput,
      isTerminal: io.isTerminal,
      ...(io.prompt === undefined ? {} : { prompt: io.prompt }),
      ...(io.banner === undefined ? {} : { banner: io.banner }),
    });
  }
  let failed = false;
  for (const command of parsed.evals) {
    const result = await io.registry.execute(command);
    printResult(result, io, false);
    if (!result.ok) failed = true;
  }
  return failed ? 1 : 0;
}
