/**
 * The error the simulated world throws for a value outside its domain (a malformed POP code, an
 * id that is not a uint32, a latitude off the globe, an unknown POP).
 *
 * It is a `RangeError`, as the standard library throws for out-of-domain arguments, and carries a
 * stable SCREAMING_SNAKE `code` (`'INVALID_POP_CODE'`, `'INVALID_POP_ID'`, ...) in the same shape
 * as the rest of Relaylane's errors, so callers can branch on the kind of failure.
 */
export class WorldRangeError extends RangeError {
  /** A stable, machine-readable identifier of the failure. */
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    // `name` follows the concrete class, so stack traces and `String(error)` say which error it is.
    this.name = new.target.name;
  }
}
