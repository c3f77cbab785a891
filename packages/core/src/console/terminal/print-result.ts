import { type CommandResult } from '../command-types.js';
import { renderOutputLines } from '../format-table.js';

/** Where the terminal console writes: results to `output`, failure messages to `errorOutput`. */
export interface ConsoleStreams {
  readonly output: NodeJS.WritableStream;
  readonly errorOutput: NodeJS.WritableStream;
}

/** Clears a terminal screen and its scrollback, and homes the cursor (what `clear` does in a TTY). */
export const CLEAR_SCREEN = '\x1b[2J\x1b[3J\x1b[H';

// C0 controls but tab and newline, DEL, and the C1 controls: what a terminal would act on.
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * `text` with every control character a terminal acts on written as `\xNN`: a result may carry
 * text from outside (a beacon's description in a network config, the line the user typed), and an
 * escape sequence in it must not retitle, recolour or clear the user's terminal.
 */
export function escapeTerminalControls(text: string): string {
  return text.replace(
    TERMINAL_CONTROLS,
    (control) => `\\x${control.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/**
 * Writes a command's result: the lines of a success to `output`, of a failure to `errorOutput`,
 * tables as aligned text, control characters escaped (see {@link escapeTerminalControls}). A `clear` request clears the screen only on a terminal (`isTerminal`):
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
  const text = lines.map(escapeTerminalControls).join('\n');
  (result.ok ? streams.output : streams.errorOutput).write(`${text}\n`);
}
