import { type CommandResult } from '../command-types.js';
import { renderOutputLines } from '../format-table.js';

/** Where the terminal console writes: results to `output`, failure messages to `errorOutput`. */
export interface ConsoleStreams {
  readonly output: NodeJS.WritableStream;
  readonly errorOutput: NodeJS.WritableStream;
}

/** Clears a terminal screen and its scrollback, and homes the cursor (what `clear` does in a TTY). */
export const CLEAR_SCREEN = '\x1b[2J\x1b[3J\x1b[H';

/**
 * Writes a command's result: the lines of a success to `output`, of a failure to `errorOutput`,
 * tables as aligned text. A `clear` request clears the screen only on a terminal (`isTerminal`):
 * piped output is a record, not a screen.
 */
export function printResult(
  result: CommandResult,
  streams: ConsoleStreams,
  isTerminal: boolean,
): void {
  if (result.clear && isTerminal) streams.output.write(CLEAR_SCREEN);
  const lines = renderOutputLines(result.output);
  if (lines.length === 0) return;
  (result.ok ? streams.output : streams.errorOutput).write(`${lines.join('\n')}\n`);
}
