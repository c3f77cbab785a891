import { type ConsoleArgSpec, type ConsoleCommand } from './command-types.js';
import { echoText } from './echo-text.js';

/** The outcome of reading a command's arguments: typed values by name, or the message to show. */
export type ParsedArguments =
  | { readonly ok: true; readonly args: Record<string, unknown> }
  | { readonly ok: false; readonly message: string };

const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = {
  on: true,
  off: false,
  true: true,
  false: false,
  '1': true,
  '0': false,
};

/** The words a boolean argument accepts, in the order completion offers them. */
export const BOOLEAN_CHOICES: readonly string[] = Object.keys(BOOLEAN_WORDS);

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The most choices an enum argument shows in a usage line; a longer list shows its name. */
export const USAGE_CHOICES_SHOWN = 4;

/**
 * How one argument is written in a usage line: `<pop>`, `[count]`, `<names...>`, `[names...]`;
 * a short enum shows its choices (`<up|down>`) and a boolean its usual words (`<on|off>`), which
 * say more than the parameter's name.
 */
export function formatArgumentUsage(spec: ConsoleArgSpec): string {
  const showsChoices = spec.type === 'enum' && spec.choices.length <= USAGE_CHOICES_SHOWN;
  const word = showsChoices
    ? spec.choices.join('|')
    : spec.type === 'boolean'
      ? 'on|off'
      : spec.name;
  return bracket(spec, word);
}

/** An argument by its name, as `help <command>` lists the arguments: `<pop>`, `[count]`. */
export function formatArgumentName(spec: ConsoleArgSpec): string {
  return bracket(spec, spec.name);
}

function bracket(spec: ConsoleArgSpec, word: string): string {
  const label = spec.rest === true ? `${word}...` : word;
  return spec.optional === true ? `[${label}]` : `<${label}>`;
}

/** The usage line of a command: `net.ping <pop> [count]`. */
export function formatUsage(command: ConsoleCommand): string {
  return [command.name, ...(command.args ?? []).map(formatArgumentUsage)].join(' ');
}

/** What an argument expects, as said in messages and in `help <command>`. */
export function describeArgumentType(spec: ConsoleArgSpec): string {
  switch (spec.type) {
    case 'string':
      return 'a string';
    case 'int':
      return 'an integer';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'on/off, true/false or 1/0';
    case 'enum':
      return `one of ${spec.choices.join(', ')}`;
  }
}

/** Reads one token as `spec`'s type; undefined when the token does not fit. */
function convert(spec: ConsoleArgSpec, token: string): unknown {
  switch (spec.type) {
    case 'string':
      return token;
    case 'int': {
      if (!INTEGER.test(token)) return undefined;
      const value = Number(token);
      return Number.isSafeInteger(value) ? value : undefined;
    }
    case 'number': {
      if (!DECIMAL.test(token)) return undefined;
      const value = Number(token);
      return Number.isFinite(value) ? value : undefined;
    }
    case 'boolean':
      return BOOLEAN_WORDS[token.toLowerCase()];
    case 'enum':
      return spec.choices.includes(token) ? token : undefined;
  }
}

/**
 * Reads `tokens` (the arguments after the command name) against the command's argument spec. The
 * failure messages name the command and the argument, and end with the usage line.
 */
export function parseArguments(
  command: ConsoleCommand,
  tokens: readonly string[],
): ParsedArguments {
  const specs = command.args ?? [];
  const usage = `Usage: ${formatUsage(command)}`;
  const args: Record<string, unknown> = {};
  let next = 0;
  for (const spec of specs) {
    const taken = spec.rest === true ? tokens.slice(next) : tokens.slice(next, next + 1);
    next += taken.length;
    if (taken.length === 0 && spec.optional !== true) {
      return {
        ok: false,
        message: `${command.name}: missing argument ${formatArgumentName(spec)}. ${usage}`,
      };
    }
    const values: unknown[] = [];
    for (const token of taken) {
      const value = convert(spec, token);
      if (value === undefined) {
        return {
          ok: false,
          message:
            `${command.name}: argument ${formatArgumentName(spec)} expected ` +
            `${describeArgumentType(spec)}, got ${JSON.stringify(echoText(token))}. ${usage}`,
        };
      }
      values.push(value);
    }
    args[spec.name] = spec.rest === true ? values : values[0];
  }
  if (next < tokens.length) {
    const extra = tokens.length - next;
    return {
      ok: false,
      message:
        `${command.name}: ${extra} argument${extra === 1 ? '' : 's'} too many ` +
        `(${tokens
          .slice(next)
          .map((token) => JSON.stringify(echoText(token)))
          .join(', ')}). ${usage}`,
    };
  }
  return { ok: true, args };
}
