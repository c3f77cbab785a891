// `@relaylane/core/terminal`: the dev console in a terminal (Node only: it uses node:readline).
export { exitQuietlyOnBrokenPipe } from './broken-pipe.js';
export { type ConsoleCliIo, CONSOLE_CLI_USAGE, runConsoleCli } from './console-cli.js';
export {
  DEFAULT_PROMPT,
  runTerminalConsole,
  type TerminalConsoleOptions,
} from './run-terminal-console.js';
