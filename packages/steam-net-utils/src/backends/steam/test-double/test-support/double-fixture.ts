/**
 * For specs of the test double: the double reset to its loaded state, loaded as Steam's library
 * through the real binding, initialised, with manual dispatch on and an empty call log.
 */
import { loadSteamApi } from '../../native/load-steam-api.js';
import { type NativePointer, type SteamApi } from '../../native/steam-api.js';
import {
  DOUBLE_PIPE,
  loadSteamApiTestDouble,
  type SteamApiTestDouble,
} from '../test-double-control.js';

/** The double, the binding over it, and its interface pointer. */
export interface DoubleFixture {
  readonly double: SteamApiTestDouble;
  readonly api: SteamApi;
  readonly self: NativePointer;
  readonly pipe: number;
}

/** Resets the double and starts "Steam" on it (call in `beforeEach`). */
export function startDouble(): DoubleFixture {
  const double = loadSteamApiTestDouble();
  double.reset();
  const api = loadSteamApi({ libraryPath: double.path });
  if (api.InitFlat(new Uint8Array(1024)) !== 0) throw new Error('the double refused InitFlat');
  const self = api.SteamNetworkingUtils();
  if (self === null) throw new Error('the double gave no interface');
  api.ManualDispatch_Init();
  double.clearLog();
  return { double, api, self, pipe: DOUBLE_PIPE };
}
