// The dev console's browser-safe public surface (the terminal REPL and the overlay have their own
// entry points: `@relaylane/core/terminal` and `@relaylane/core/console-overlay`).
export { type ConsoleHost, registerBuiltinCommands } from './builtin-commands.js';
export {
  type Completion,
  CommandRegistry,
  type CommandRegistryOptions,
  type ExecuteOptions,
} from './command-registry.js';
export {
  type CommandContext,
  type CommandHandlerResult,
  type CommandResult,
  type ConsoleArgs,
  type ConsoleArgSpec,
  type ConsoleArgType,
  type ConsoleArgValue,
  type ConsoleBooleanArg,
  type ConsoleCommand,
  type ConsoleEnumArg,
  type ConsoleIntArg,
  type ConsoleNumberArg,
  type ConsoleOutput,
  type ConsoleStringArg,
  type ConsoleTable,
  defineCommand,
} from './command-types.js';
export { ConsoleError } from './console-error.js';
export { DevConsolePlugin, type DevConsolePluginOptions } from './dev-console-plugin.js';
export { DevConsoleTokens } from './dev-console-tokens.js';
export { DEFAULT_HISTORY_LIMIT } from './console-history.js';
export { echoText, MAX_ECHOED_CHARACTERS } from './echo-text.js';
export { formatTable, renderOutputLines } from './format-table.js';
export { longestCommonPrefix } from './common-prefix.js';
export { formatUsage } from './parse-arguments.js';
export { quoteToken, tokenize } from './tokenize.js';
