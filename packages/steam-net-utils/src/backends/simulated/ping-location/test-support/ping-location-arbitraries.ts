/**
 * Generators and byte-level helpers for the ping-location specs: valid location data in
 * canonical form, and a way to rewrite a location's bytes while keeping its checksum right (so
 * a spec can show that a rule other than the checksum rejects them).
 */
import fc from 'fast-check';

import { POP_CATALOGUE } from '../../world/index.js';
import { checksumOffset, locationChecksum, MAX_PING_LOCATION_ENTRIES } from '../layout.js';
import { type PingLocationData, type PingLocationEntry } from '../ping-location-data.js';

/** Every catalogue POP id. */
export const CATALOGUE_IDS: readonly number[] = POP_CATALOGUE.map((pop) => pop.id);

/** Puts entries in canonical order: by ping, then by POP id. */
export function canonicalOrder(entries: readonly PingLocationEntry[]): PingLocationEntry[] {
  return [...entries].sort((a, b) => a.pingMs - b.pingMs || a.popId - b.popId);
}

/** Options of {@link pingLocationDataArbitrary}. */
export interface LocationArbitraryOptions {
  /** The POP ids entries may use (default: the whole catalogue). */
  readonly popIds?: readonly number[];
  readonly minEntries?: number;
  readonly maxPingMs?: number;
  /** Largest anchor hub index (default 65534); `-1` never generates an anchor. */
  readonly maxHubIndex?: number;
}

/** Valid, canonical {@link PingLocationData}: distinct POPs, optional relays and anchor. */
export function pingLocationDataArbitrary(
  options: LocationArbitraryOptions = {},
): fc.Arbitrary<PingLocationData> {
  const popIds = options.popIds ?? CATALOGUE_IDS;
  const maxPingMs = options.maxPingMs ?? 0xfffe;
  const maxHubIndex = options.maxHubIndex ?? 0xfffe;
  const entries = fc
    .uniqueArray(fc.constantFrom(...popIds), {
      minLength: options.minEntries ?? 0,
      maxLength: Math.min(MAX_PING_LOCATION_ENTRIES, popIds.length),
    })
    .chain((ids) =>
      fc.tuple(
        ...ids.map((popId) =>
          fc.record(
            {
              popId: fc.constant(popId),
              pingMs: fc.integer({ min: 0, max: maxPingMs }),
              relayPopId: fc.constantFrom(...CATALOGUE_IDS.filter((id) => id !== popId)),
            },
            { requiredKeys: ['popId', 'pingMs'] },
          ),
        ),
      ),
    )
    .map((list) => canonicalOrder(list as PingLocationEntry[]));
  const anchor =
    maxHubIndex < 0
      ? fc.constant(undefined)
      : fc.option(
          fc.record({
            hubIndex: fc.integer({ min: 0, max: maxHubIndex }),
            accessMs: fc.integer({ min: 0, max: 0xfffe }),
          }),
          { nil: undefined },
        );
  return fc
    .tuple(entries, anchor)
    .map(([list, a]) => (a === undefined ? { entries: list } : { entries: list, anchor: a }));
}

/** Rewrites the checksum of a location's bytes after a spec has changed them. */
export function resealChecksum(bytes: Uint8Array): void {
  const end = checksumOffset(bytes[3]!);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  view.setUint32(end, locationChecksum(view, end), true);
}
