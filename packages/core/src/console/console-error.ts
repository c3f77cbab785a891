import { RelaylaneError } from '../errors.js';

/**
 * Misuse of the dev console's API: registering a command twice or with an invalid argument spec,
 * removing a command that is not registered, using a disposed overlay, or tokenizing a line with an
 * unterminated quote. A bad line typed by a user never throws: `CommandRegistry.execute` turns every
 * problem into a message line instead.
 *
 * Codes: `CONSOLE_DUPLICATE_COMMAND`, `CONSOLE_INVALID_COMMAND`, `CONSOLE_UNKNOWN_COMMAND`,
 * `CONSOLE_UNTERMINATED_QUOTE`, `CONSOLE_INVALID_OPTION`, `CONSOLE_OVERLAY_NO_DOCUMENT`,
 * `CONSOLE_OVERLAY_DISPOSED`.
 */
export class ConsoleError extends RelaylaneError {}
