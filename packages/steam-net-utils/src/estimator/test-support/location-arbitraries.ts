/** fast-check arbitraries for ping locations, shared by the estimator's specs. */
import fc from 'fast-check';

import { MAX_ROUTE_MS } from '../location-record.js';
import { PingLocation, type PingLocationEntryInput, type PingRoute } from '../ping-location.js';
import { popIdFromCode } from '../pop-id.js';

/** Valve POPs, aliases (`tyo1`, `mwh`, `wuh`) and codes no network knows (`sof`, `lux`, `okc`). */
export const VALVE_SIDE_CODES: readonly string[] = [
  'ams',
  'fra',
  'lhr',
  'par',
  'sto',
  'sto2',
  'iad',
  'ord',
  'sea',
  'eat',
  'mwh',
  'lax',
  'gru',
  'sgp',
  'hkg',
  'tyo',
  'tyo1',
  'syd',
  'pww',
  'wuh',
  'sof',
  'lux',
  'okc',
  'zz9',
];

/** Any code a location may name: a letter, then two or three letters or digits. */
export const anyLocationCode: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'),
    fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), {
      minLength: 2,
      maxLength: 3,
    }),
  )
  .map(([first, rest]) => first + rest.join(''));

/** A round trip: mostly small (so routes tie and totals compete), sometimes anything legal. */
export const routeMs: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 300 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: MAX_ROUTE_MS }) },
);

export const pingRoute: fc.Arbitrary<PingRoute> = fc.record({
  ms: routeMs,
  extra: fc.integer({ min: 0, max: MAX_ROUTE_MS }),
});

/** The routes of one entry: direct, via or both. */
export const entryRoutes: fc.Arbitrary<{ direct?: PingRoute; via?: PingRoute }> = fc.oneof(
  fc.record({ direct: pingRoute }),
  fc.record({ via: pingRoute }),
  fc.record({ direct: pingRoute, via: pingRoute }),
);

/** Entries for `PingLocation.fromEntries` over distinct codes drawn from `codes`. */
export function entryInputs(
  codes: fc.Arbitrary<string>,
  { minLength = 1, maxLength = 12 }: { minLength?: number; maxLength?: number } = {},
): fc.Arbitrary<PingLocationEntryInput[]> {
  return fc
    .uniqueArray(fc.tuple(codes, entryRoutes), {
      minLength,
      maxLength,
      selector: ([code]) => code,
    })
    .map((entries) => entries.map(([code, routes]) => ({ popId: popIdFromCode(code), ...routes })));
}

/** A location of `minLength`–`maxLength` entries with distinct codes drawn from `codes`. */
export function pingLocation(
  codes: fc.Arbitrary<string>,
  lengths?: { minLength?: number; maxLength?: number },
): fc.Arbitrary<PingLocation> {
  return entryInputs(codes, lengths).map((entries) => PingLocation.fromEntries(entries));
}
