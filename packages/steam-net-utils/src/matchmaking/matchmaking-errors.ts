import { RelaylaneError } from '@relaylane/core';

/**
 * The stable codes of {@link RegionSelectorError}:
 * - `REGION_SELECTOR_UNKNOWN_POP`: `pin(code)` named a POP the relay network has not listed (or no POP list has
 *   arrived yet);
 * - `REGION_SELECTOR_DISPOSED`: a method was called after `dispose()`.
 */
export type RegionSelectorErrorCode = 'REGION_SELECTOR_UNKNOWN_POP' | 'REGION_SELECTOR_DISPOSED';

/**
 * Thrown on misuse of a `RegionSelector` that is not a bad argument type (those are native
 * `TypeError`s): `code` says which misuse, the message names the POP or method and the fix.
 */
export class RegionSelectorError extends RelaylaneError {
  declare readonly code: RegionSelectorErrorCode;

  constructor(code: RegionSelectorErrorCode, message: string) {
    super(code, message);
  }
}
