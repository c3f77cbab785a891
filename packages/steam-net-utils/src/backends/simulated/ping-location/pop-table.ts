/**
 * The POP catalogue as ping locations index it: catalogue index ↔ POP id ↔ code, and a
 * fingerprint of the whole catalogue so that a location written against another catalogue
 * version is recognised and refused.
 */
import { POP_CATALOGUE, type PopInfo } from '../world/index.js';
import { DIRECT, fnv1a32, writeU32 } from './layout.js';

/** The catalogue in the shapes the ping-location code needs. Immutable. */
export interface PopTable {
  /** Number of POPs; catalogue indices run from 0 to `size - 1`. */
  readonly size: number;
  /** `ids[i]`: the `SteamNetworkingPOPID` of catalogue POP i. */
  readonly ids: Uint32Array;
  /** `codes[i]`: the code of catalogue POP i (`'fra'`). */
  readonly codes: readonly string[];
  /** Catalogue index by POP id. */
  readonly indexById: ReadonlyMap<number, number>;
  /** Catalogue index by POP code. */
  readonly indexByCode: ReadonlyMap<string, number>;
  /** FNV-1a 32 of every id in catalogue order (4 little-endian bytes each). */
  readonly fingerprint: number;
}

/**
 * Builds the table of a catalogue. Throws a `RangeError` when the catalogue has more POPs than a
 * one-byte index can name (254: 0xFF means "direct" in the via field) or lists a POP twice.
 */
export function buildPopTable(pops: readonly PopInfo[]): PopTable {
  if (pops.length >= DIRECT) {
    throw new RangeError(
      `The POP catalogue has ${pops.length} POPs; ping locations index POPs with one byte, so ` +
        `at most ${DIRECT - 1} fit. Widen the index in a new ping-location format version.`,
    );
  }
  const ids = new Uint32Array(pops.length);
  const idBytes = new Uint8Array(4 * pops.length);
  const indexById = new Map<number, number>();
  const indexByCode = new Map<string, number>();
  pops.forEach((pop, index) => {
    if (indexById.has(pop.id)) {
      throw new RangeError(`The POP catalogue lists POP '${pop.code}' twice.`);
    }
    ids[index] = pop.id;
    writeU32(idBytes, 4 * index, pop.id);
    indexById.set(pop.id, index);
    indexByCode.set(pop.code, index);
  });
  return Object.freeze({
    size: pops.length,
    ids,
    codes: Object.freeze(pops.map((pop) => pop.code)),
    indexById,
    indexByCode,
    fingerprint: fnv1a32(idBytes, 0, idBytes.length),
  });
}

let catalogueTable: PopTable | undefined;

/** The table of the built-in {@link POP_CATALOGUE}, built on first use and shared. */
export function popTable(): PopTable {
  catalogueTable ??= buildPopTable(POP_CATALOGUE);
  return catalogueTable;
}
