/**
 * The error the simulated world throws for a value outside its domain (an unknown city, a latitude
 * off the globe, an unknown POP, a bad seed).
 *
 * It is a `RangeError`, as the standard library throws for out-of-domain arguments, and carries a
 * stable `code` (`'SIMULATION_UNKNOWN_CITY'`, `'SIMULATION_INVALID_LAT_LON'`, ...) in the same
 * shape as the rest of Relaylane's errors, so callers can branch on the kind of failure.
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
