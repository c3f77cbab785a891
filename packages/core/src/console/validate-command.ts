import { type ConsoleArgType, type ConsoleCommand } from './command-types.js';
import { ConsoleError } from './console-error.js';

/** A command name: words of letters, digits, `_` and `-`, separated by dots (`net.pops`). */
const COMMAND_NAME = /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/;
/** An argument name: a word usable as a key and shown in usage as `<name>`. */
const ARGUMENT_NAME = /^[A-Za-z_][\w-]*$/;

const ARGUMENT_TYPES: readonly ConsoleArgType[] = ['string', 'int', 'number', 'boolean', 'enum'];

function invalid(name: string, problem: string): ConsoleError {
  return new ConsoleError('CONSOLE_INVALID_COMMAND', `Console command '${name}' ${problem}`);
}

/**
 * Checks a command before it is registered, so that a broken spec fails loudly at registration
 * instead of confusingly when a user types the command.
 *
 * @throws ConsoleError `CONSOLE_INVALID_COMMAND` naming the command and what to fix.
 */
export function validateCommand(command: ConsoleCommand): void {
  const name = String(command.name);
  if (!COMMAND_NAME.test(name)) {
    throw invalid(
      name,
      'has an invalid name: use words of letters, digits, _ and - separated by dots, e.g. net.pops.',
    );
  }
  if (typeof command.help !== 'string') {
    throw invalid(name, "has no help text: give it a 'help' string describing what it does.");
  }
  if (typeof command.handler !== 'function') {
    throw invalid(name, "has no handler: give it a 'handler' function.");
  }
  const specs = command.args ?? [];
  const seen = new Set<string>();
  let optionalSeen: string | undefined;
  specs.forEach((spec, index) => {
    if (!ARGUMENT_NAME.test(spec.name)) {
      throw invalid(name, `has an argument with the invalid name '${spec.name}': use a word.`);
    }
    if (seen.has(spec.name)) {
      throw invalid(name, `declares the argument '${spec.name}' twice: rename one of them.`);
    }
    seen.add(spec.name);
    if (!ARGUMENT_TYPES.includes(spec.type)) {
      throw invalid(
        name,
        `gives the argument '${spec.name}' the unknown type '${String(spec.type)}': ` +
          `use one of ${ARGUMENT_TYPES.join(', ')}.`,
      );
    }
    if (spec.rest === true && index !== specs.length - 1) {
      throw invalid(
        name,
        `declares '${spec.name}' as rest but it is not the last argument: only the last can be rest.`,
      );
    }
    if (spec.optional === true) {
      optionalSeen = spec.name;
    } else if (optionalSeen !== undefined) {
      throw invalid(
        name,
        `declares the required argument '${spec.name}' after the optional '${optionalSeen}': ` +
          'put required arguments first.',
      );
    }
    if (spec.type === 'enum' && (!Array.isArray(spec.choices) || spec.choices.length === 0)) {
      throw invalid(name, `declares the enum argument '${spec.name}' without choices: list them.`);
    }
  });
}
