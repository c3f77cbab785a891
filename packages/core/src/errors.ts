/**
 * The base of every error Relaylane throws on purpose. Each subclass names what went wrong (the
 * signal, plugin, singleton, command...) and says how to fix it, in the style of Godot's errors.
 *
 * `code` is a stable, machine-readable identifier (`'SIGNAL_ALREADY_CONNECTED'`, ...) so callers
 * can branch on the kind of failure without parsing the message.
 */
export class RelaylaneError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    // `name` follows the concrete class, so stack traces and `String(error)` say which error it is.
    this.name = new.target.name;
  }
}
