/**
 * The double's `GetPOPCount` called straight through koffi, past the binding's checks: how the
 * double's own violation records (a `self` that is not the interface, a call after shutdown) are
 * still exercised now that the binding refuses such calls before they reach native code.
 */
import koffi from 'koffi';

import { type SteamApiTestDouble } from '../test-double-control.js';

/** Calls `SteamAPI_ISteamNetworkingUtils_GetPOPCount(self)` in the double's library. */
export function rawGetPOPCount(double: SteamApiTestDouble, self: bigint): number {
  const library = koffi.load(double.path);
  const getPOPCount = library.func(
    'int SteamAPI_ISteamNetworkingUtils_GetPOPCount(void *self)',
  ) as (self: bigint) => number;
  return getPOPCount(self);
}
