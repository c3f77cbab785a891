import { createInterface, type Interface } from 'node:readline';
import { type CommandRegistry } from '../command-registry.js';
import { type ConsoleStreams, printResult } from './print-result.js';

/** Options of `runTerminalConsole`. */
export interface TerminalConsoleOptions {
  /** The commands to run (usually `devConsolePlugin.registry`). */
  readonly registry: CommandRegistry;
  /** Where lines are read from (`process.stdin`). */
  readonly input: NodeJS.ReadableStream;
  /** Where results and the prompt go (`process.stdout`). */
  readonly output: NodeJS.WritableStream;
  /** Where the messages of failed commands go (default: `output`). */
  readonly errorOutput?: NodeJS.WritableStream;
  /** The prompt of the interactive console (default `'relaylane> '`). */
  readonly prompt?: string;
  /** Printed once when the interactive console starts (default: a line on how to get help and exit). */
  readonly banner?: string;
  /**
   * Interactive (line editing, history, completion, Ctrl-C/Ctrl-D) or piped (one command per input
   * line). Default: interactive when both `input` and `output` are TTYs.
   */
  readonly isTerminal?: boolean | undefined;
}

/** The default prompt of the interactive console. */
export const DEFAULT_PROMPT = 'relaylane> ';

/** Lines that end the console when no command of that name is registered. */
const EXIT_WORDS = new Set(['exit', 'quit']);

function isTty(stream: NodeJS.ReadableStream | NodeJS.WritableStream): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}

function isExitLine(registry: CommandRegistry, line: string): boolean {
  const word = line.trim();
  return EXIT_WORDS.has(word) && !registry.has(word);
}

/**
 * Runs the dev console over a pair of streams until the input ends (or Ctrl-D, or `exit`/`quit`).
 *
 * Piped (not a TTY): each input line is run in order, the next only once the previous (async)
 * handler is done; results are printed without prompt; resolves to 1 if any command failed, else 0.
 *
 * Interactive (TTY): a `node:readline` prompt with line editing, the registry's history (Up/Down),
 * Tab completion (common prefix, a second Tab lists the candidates), Ctrl-C clearing the line (a
 * second Ctrl-C on an empty line exits) and Ctrl-D on an empty line exiting; `clear` clears the
 * screen. Resolves to 0 when the user leaves.
 */
export async function runTerminalConsole(options: TerminalConsoleOptions): Promise<number> {
  const streams: ConsoleStreams = {
    output: options.output,
    errorOutput: options.errorOutput ?? options.output,
  };
  const isTerminal = options.isTerminal ?? (isTty(options.input) && isTty(options.output));
  return isTerminal ? runInteractive(options, streams) : runPiped(options, streams);
}

async function runPiped(options: TerminalConsoleOptions, streams: ConsoleStreams): Promise<number> {
  const { registry } = options;
  const lines = createInterface({ input: options.input, terminal: false, crlfDelay: Infinity });
  let failed = false;
  try {
    // The iterator buffers lines that arrive while a command runs: commands never interleave.
    for await (const line of lines) {
      if (isExitLine(registry, line)) break;
      const result = await registry.execute(line);
      printResult(result, streams, false);
      if (!result.ok) failed = true;
    }
  } finally {
    lines.close();
  }
  return failed ? 1 : 0;
}

function runInteractive(options: TerminalConsoleOptions, streams: ConsoleStreams): Promise<number> {
  const { registry, input, output } = options;
  const readline: Interface = createInterface({
    input,
    output,
    terminal: true,
    prompt: options.prompt ?? DEFAULT_PROMPT,
    // readline's history is newest first.
    history: [...registry.history].reverse(),
    historySize: registry.historyLimit,
    completer: (line: string): [string[], string] => {
      const completion = registry.completeToken(line);
      // A finished word gets a space, as in a shell; a namespace (`net.`) does not.
      const finished = (candidate: string): boolean =>
        !(completion.isCommandName && candidate.endsWith('.'));
      return [
        completion.candidates.map((candidate) =>
          finished(candidate) ? `${candidate} ` : candidate,
        ),
        completion.token,
      ];
    },
  });
  output.write(
    `${options.banner ?? "Relaylane console. Type 'help' for the commands, Ctrl+D to exit."}\n`,
  );

  return new Promise<number>((resolve) => {
    // Lines run one after another on this chain, even when a handler is async.
    let queue: Promise<void> = Promise.resolve();
    let running = 0;
    let closed = false;
    // Set by a Ctrl-C on an empty line; the next Ctrl-C exits, any other key disarms it.
    let exitArmed = false;

    input.on('keypress', disarm);
    function disarm(_text: unknown, key: { ctrl?: boolean; name?: string } | undefined): void {
      if (!(key?.ctrl === true && key.name === 'c')) exitArmed = false;
    }

    readline.on('line', (line: string) => {
      running += 1;
      queue = queue
        .then(async () => {
          if (isExitLine(registry, line)) {
            readline.close();
            return;
          }
          printResult(await registry.execute(line), streams, true);
        })
        .finally(() => {
          running -= 1;
          if (!closed && running === 0) readline.prompt();
        });
    });

    readline.on('SIGINT', () => {
      if (readline.line.length > 0) {
        exitArmed = false;
        // Ctrl-E then Ctrl-U: to the end of the line, then delete everything before the cursor.
        readline.write(null, { ctrl: true, name: 'e' });
        readline.write(null, { ctrl: true, name: 'u' });
        output.write('^C\n');
        readline.prompt();
        return;
      }
      if (exitArmed) {
        readline.close();
        return;
      }
      exitArmed = true;
      output.write('^C\n(To exit, press Ctrl+C again or Ctrl+D, or type exit)\n');
      readline.prompt();
    });

    readline.on('close', () => {
      closed = true;
      input.off('keypress', disarm);
      // Lines already entered still run before the console ends.
      void queue.then(() => {
        output.write('\n');
        resolve(0);
      });
    });

    readline.prompt();
  });
}
