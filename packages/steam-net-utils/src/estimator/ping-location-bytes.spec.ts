import fc from 'fast-check';

import {
  RECORD_COUNT,
  RECORD_DIRECT,
  RECORD_DIRECT_EXTRA,
  RECORD_POP,
  RECORD_ROUTE,
  RECORD_SIZE,
  RECORD_VIA,
  RECORD_VIA_EXTRA,
  RECORD_RELAY_POP,
} from './location-record.js';
import {
  PING_LOCATION_BYTE_SIZE,
  pingLocationFromBytes,
  pingLocationToBytes,
  scanPingLocationBytes,
  writePingLocationBytes,
} from './ping-location-bytes.js';
import { parse } from './ping-location-text.js';
import { PingLocation, type PingLocationEntryInput } from './ping-location.js';
import { popIdFromCode } from './pop-id.js';
import {
  anyLocationCode,
  entryInputs,
  VALVE_SIDE_CODES,
} from './test-support/location-arbitraries.js';
import { REAL_PING_LOCATIONS } from './test-support/real-ping-locations.js';

const id = popIdFromCode;

function location(text: string): PingLocation {
  const result = parse(text);
  if (!result.ok) throw new Error(`'${text}' did not parse: ${result.reason}`);
  return result;
}

const realLocations = REAL_PING_LOCATIONS.map(({ text }) => location(text));

// ---------------------------------------------------------------------------------------------
// An independent writer of the documented layout (DataView, little-endian), for bytes that the
// production writer would never produce.

const NO_ROUTE = 0xffff;

/** FNV-1a 32 of `bytes[0, end)`, written out from its definition. */
function fnv1a32(bytes: Uint8Array, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < end; i++) {
    hash ^= bytes[i]!;
    // hash × 16777619 mod 2^32, without losing bits to floating point.
    hash = (hash + (hash << 1) + (hash << 4) + (hash << 7) + (hash << 8) + (hash << 24)) >>> 0;
  }
  return hash >>> 0;
}

interface RawEntry {
  readonly popId: number;
  readonly direct?: number;
  readonly directExtra?: number;
  readonly via?: number;
  readonly viaExtra?: number;
  readonly relayPopId?: number;
}

interface RawOptions {
  readonly magic?: readonly [number, number];
  readonly version?: number;
  /** The count byte (default: the number of entries). */
  readonly count?: number;
}

/** The end of the checksummed bytes for the count in byte 3. */
const usedEnd = (bytes: Uint8Array): number => 4 + 16 * bytes[3]!;

/** Writes the FNV-1a checksum for the count in byte 3 at its documented place. */
function fixChecksum(bytes: Uint8Array): Uint8Array {
  const end = usedEnd(bytes);
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).setUint32(
    end,
    fnv1a32(bytes, end),
    true,
  );
  return bytes;
}

/** 512 bytes laid out as the file comment says, with a correct checksum. */
function rawBytes(entries: readonly RawEntry[], options: RawOptions = {}): Uint8Array {
  const bytes = new Uint8Array(PING_LOCATION_BYTE_SIZE);
  const view = new DataView(bytes.buffer);
  const [m0, m1] = options.magic ?? [0x52, 0x4c];
  bytes[0] = m0;
  bytes[1] = m1;
  bytes[2] = options.version ?? 2;
  bytes[3] = options.count ?? entries.length;
  entries.forEach((entry, k) => {
    const at = 4 + 16 * k;
    view.setUint32(at, entry.popId, true);
    view.setUint16(at + 4, entry.direct ?? NO_ROUTE, true);
    view.setUint16(at + 6, entry.directExtra ?? 0, true);
    view.setUint16(at + 8, entry.via ?? NO_ROUTE, true);
    view.setUint16(at + 10, entry.viaExtra ?? 0, true);
    view.setUint32(at + 12, entry.relayPopId ?? 0, true);
  });
  return fixChecksum(bytes);
}

/** A POP id that packs `characters` (any char codes) in Valve's byte order. */
function rawPopId(characters: string): number {
  const c = (k: number): number => characters.charCodeAt(k) || 0;
  return ((c(0) << 16) | (c(1) << 8) | c(2) | (c(3) << 24)) >>> 0;
}

/** Three entries that make a valid location: the base the rejection cases change one thing of. */
const VALID_RAW: readonly RawEntry[] = [
  { popId: id('fra'), direct: 10, directExtra: 1 },
  { popId: id('ams'), direct: 30, directExtra: 3, via: 20, viaExtra: 1, relayPopId: id('fra') },
  { popId: id('sto2'), via: 40, viaExtra: 4 },
];

/**
 * Scans `bytes` into the middle slot of a pool of three records filled with garbage; checks that
 * nothing outside the slot and nothing of `bytes` changed, and that a failure leaves a count of 0.
 * Returns the scan's answer.
 */
function scanInPool(bytes: Uint8Array): boolean {
  const pool = new Int32Array(3 * RECORD_SIZE).fill(0x5a5a5a5a);
  pool[RECORD_SIZE + RECORD_COUNT] = 7;
  const before = bytes instanceof Uint8Array ? Uint8Array.from(bytes) : undefined;
  const ok = scanPingLocationBytes(bytes, pool, RECORD_SIZE);
  expect(typeof ok).toBe('boolean');
  for (let i = 0; i < pool.length; i++) {
    if (i >= RECORD_SIZE && i < 2 * RECORD_SIZE) continue;
    if (pool[i] !== 0x5a5a5a5a) throw new Error(`the scan wrote word ${i}, outside its record`);
  }
  if (before !== undefined) expect(bytes).toEqual(before);
  if (!ok) expect(pool[RECORD_SIZE + RECORD_COUNT]).toBe(0);
  return ok;
}

/** `bytes` is not a location, by both readers. */
function expectRejected(bytes: Uint8Array): void {
  expect(pingLocationFromBytes(bytes)).toBeUndefined();
  expect(scanInPool(bytes)).toBe(false);
}

// ---------------------------------------------------------------------------------------------
// Arbitraries: locations from fromEntries, with via POP ids.

const relayPopIdArbitrary: fc.Arbitrary<number | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(...VALVE_SIDE_CODES).map(id),
  fc.integer({ min: 0, max: 0xffffffff }),
);

function withViaPopIds(
  codes: fc.Arbitrary<string>,
  lengths?: { minLength?: number; maxLength?: number },
): fc.Arbitrary<PingLocationEntryInput[]> {
  return fc
    .tuple(
      entryInputs(codes, lengths),
      fc.array(relayPopIdArbitrary, { minLength: 12, maxLength: 12 }),
    )
    .map(([entries, relayPopIds]) =>
      entries.map((entry, k) => ({ ...entry, relayPopId: relayPopIds[k] })),
    );
}

const locationWithVias: fc.Arbitrary<PingLocation> = fc
  .oneof(
    withViaPopIds(fc.constantFrom(...VALVE_SIDE_CODES)),
    withViaPopIds(anyLocationCode, { minLength: 0 }),
  )
  .map((entries) => PingLocation.fromEntries(entries));

/** Valid bytes: real strings and generated locations. */
const validBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.constantFrom(...realLocations).map(pingLocationToBytes),
  locationWithVias.map(pingLocationToBytes),
);

// ---------------------------------------------------------------------------------------------

describe('ping location bytes: round trip', () => {
  it.each(REAL_PING_LOCATIONS.map(({ text, source }) => [source, text]))(
    'keeps every entry and the text of the real string from: %s',
    (_source, text) => {
      const original = location(text);
      const bytes = pingLocationToBytes(original);
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect(bytes.length).toBe(512);
      const back = pingLocationFromBytes(bytes)!;
      expect(back).toBeDefined();
      expect(back.entries()).toStrictEqual(original.entries());
      expect(back.size).toBe(12);
      expect(String(back)).toBe(text);
    },
  );

  it('keeps every entry, via POP ids included, of any location from fromEntries', () => {
    fc.assert(
      fc.property(locationWithVias, (original) => {
        const back = pingLocationFromBytes(pingLocationToBytes(original));
        expect(back).toBeDefined();
        expect(back!.entries()).toStrictEqual(original.entries());
        expect(String(back)).toBe(String(original));
        // The bytes of the copy are the bytes of the original.
        expect(pingLocationToBytes(back!)).toEqual(pingLocationToBytes(original));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a via POP id that is not a location code, and one that needs all 32 bits', () => {
    const original = PingLocation.fromEntries([
      { popId: id('fra'), via: { ms: 5, extra: 0 }, relayPopId: 0xffffffff },
      { popId: id('ams'), via: { ms: 6, extra: 0 }, relayPopId: 1 },
      { popId: id('sto2'), via: { ms: 7, extra: 0 }, relayPopId: id('sto2') },
    ]);
    const back = pingLocationFromBytes(pingLocationToBytes(original))!;
    expect(back.entries().map((entry) => entry.relayPopId)).toEqual([0xffffffff, 1, id('sto2')]);
  });

  it('round-trips the empty location: 4 header bytes, a checksum, zeros', () => {
    const bytes = pingLocationToBytes(PingLocation.EMPTY);
    expect([...bytes.subarray(0, 4)]).toEqual([0x52, 0x4c, 2, 0]);
    expect(new DataView(bytes.buffer).getUint32(4, true)).toBe(fnv1a32(bytes, 4));
    expect(bytes.subarray(8).every((byte) => byte === 0)).toBe(true);
    const back = pingLocationFromBytes(bytes)!;
    expect(back).toBeDefined();
    expect(back.size).toBe(0);
    expect(back.entries()).toEqual([]);
  });

  it('writes into a dirty buffer exactly what it writes into a fresh one, padding zeroed', () => {
    fc.assert(
      fc.property(locationWithVias, fc.integer({ min: 1, max: 255 }), (original, dirt) => {
        const out = new Uint8Array(PING_LOCATION_BYTE_SIZE).fill(dirt);
        writePingLocationBytes(original, out);
        expect(out).toEqual(pingLocationToBytes(original));
        const end = 4 + 16 * original.size + 4;
        expect(out.subarray(end).every((byte) => byte === 0)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('writes only bytes 0..511 of a larger buffer', () => {
    const original = realLocations[0]!;
    const out = new Uint8Array(600).fill(0xee);
    writePingLocationBytes(original, out);
    expect(out.subarray(0, 512)).toEqual(pingLocationToBytes(original));
    expect(out.subarray(512).every((byte) => byte === 0xee)).toBe(true);
  });

  it('is what an independent writer of the documented layout writes', () => {
    const original = PingLocation.fromEntries([
      { popId: id('fra'), direct: { ms: 10, extra: 1 } },
      {
        popId: id('ams'),
        direct: { ms: 30, extra: 3 },
        via: { ms: 20, extra: 1 },
        relayPopId: id('fra'),
      },
      { popId: id('sto2'), via: { ms: 40, extra: 4 } },
    ]);
    expect(pingLocationToBytes(original)).toEqual(rawBytes(VALID_RAW));
    expect(pingLocationFromBytes(rawBytes(VALID_RAW))!.entries()).toStrictEqual(original.entries());
  });
});

describe('ping location bytes: layout', () => {
  // Entry 1 has every field set to values whose two or four bytes all differ.
  const sto2 = rawPopId('sto2');
  const ams = rawPopId('ams');
  const laidOut = PingLocation.fromEntries([
    {
      popId: sto2,
      direct: { ms: 0x1234, extra: 0x0102 },
      via: { ms: 0x0304, extra: 0x0506 },
      relayPopId: ams,
    },
    { popId: ams, direct: { ms: 10, extra: 1 } },
  ]);
  const bytes = pingLocationToBytes(laidOut);

  it('starts with the magic R L, version 2 and the entry count', () => {
    expect([...bytes.subarray(0, 4)]).toEqual([0x52, 0x4c, 2, 2]);
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('RL');
  });

  it('writes entries in route order, 16 bytes each, every field little-endian', () => {
    expect(sto2).toBe(0x3273746f);
    expect(ams).toBe(0x00616d73);
    // Entry 0: ams, direct 10+1, no via.
    expect([...bytes.subarray(4, 20)]).toEqual([
      0x73,
      0x6d,
      0x61,
      0x00, // POP id
      0x0a,
      0x00,
      0x01,
      0x00, // direct ms, extra
      0xff,
      0xff,
      0x00,
      0x00, // via: none, extra 0
      0x00,
      0x00,
      0x00,
      0x00, // via POP id: none
    ]);
    // Entry 1: sto2, direct 0x1234+0x0102, via 0x0304+0x0506 through ams.
    expect([...bytes.subarray(20, 36)]).toEqual([
      0x6f,
      0x74,
      0x73,
      0x32, // POP id ('o', 't', 's' in the low bytes, '2' in the top one)
      0x34,
      0x12,
      0x02,
      0x01, // direct ms, extra
      0x04,
      0x03,
      0x06,
      0x05, // via ms, extra
      0x73,
      0x6d,
      0x61,
      0x00, // via POP id
    ]);
  });

  it('puts the FNV-1a checksum of bytes [0, 4 + 16n) right after the entries, then zeros', () => {
    const view = new DataView(bytes.buffer);
    expect(view.getUint32(36, true)).toBe(fnv1a32(bytes, 36));
    expect(bytes.subarray(40).every((byte) => byte === 0)).toBe(true);
    // FNV-1a of nothing is its offset basis; of "a", the published test vector.
    expect(fnv1a32(new Uint8Array(0), 0)).toBe(0x811c9dc5);
    expect(fnv1a32(new Uint8Array([0x61]), 1)).toBe(0xe40c292c);
  });

  it('puts the checksum of a real 12-entry location at byte 196', () => {
    const real = pingLocationToBytes(realLocations[0]!);
    expect(real[3]).toBe(12);
    expect(new DataView(real.buffer).getUint32(196, true)).toBe(fnv1a32(real, 196));
    expect(real.subarray(200).every((byte) => byte === 0)).toBe(true);
    // 'lhr=57+5' first.
    expect(new DataView(real.buffer).getUint32(4, true)).toBe(id('lhr'));
    expect(new DataView(real.buffer).getUint16(8, true)).toBe(57);
    expect(new DataView(real.buffer).getUint16(10, true)).toBe(5);
  });
});

describe('ping location bytes: what is not a location', () => {
  const valid = pingLocationToBytes(realLocations[0]!);

  it('accepts the base cases that the rejections below each change one thing of', () => {
    expect(scanInPool(valid)).toBe(true);
    expect(scanInPool(rawBytes(VALID_RAW))).toBe(true);
  });

  it.each([
    ['an Array of the same bytes', (): unknown => [...valid]],
    ['an ArrayBuffer', (): unknown => valid.slice().buffer],
    ['a DataView', (): unknown => new DataView(valid.slice().buffer)],
    ['a Uint8ClampedArray', (): unknown => new Uint8ClampedArray(valid)],
    ['an Int8Array', (): unknown => new Int8Array(valid)],
    ['a Uint16Array of 512', (): unknown => Uint16Array.from(valid)],
    ['an array-like object', (): unknown => ({ ...valid, length: 512 })],
    ['null', (): unknown => null],
    ['undefined', (): unknown => undefined],
    ['a string', (): unknown => String(realLocations[0])],
    ['a number', (): unknown => 512],
  ])('refuses %s, without throwing', (_what, make) => {
    const value = make() as Uint8Array;
    expect(pingLocationFromBytes(value)).toBeUndefined();
    expect(scanInPool(value)).toBe(false);
  });

  it('accepts a Node Buffer (a Uint8Array subclass) exactly as the Uint8Array it copies', () => {
    const buffer = Buffer.from(valid);
    expect(buffer).toBeInstanceOf(Uint8Array);
    expect(pingLocationFromBytes(buffer)!.entries()).toStrictEqual(realLocations[0]!.entries());
    expect(scanInPool(buffer)).toBe(true);
    // And refuses one exactly when it refuses the same bytes.
    const broken = Buffer.from(valid);
    broken[5] = broken[5]! ^ 1;
    expectRejected(broken);
    expectRejected(Buffer.alloc(512));
  });

  it('reads a 512-byte view into a larger buffer at any offset', () => {
    const backing = new Uint8Array(1024).fill(0xcc);
    backing.set(valid, 3);
    const view = backing.subarray(3, 3 + 512);
    expect(pingLocationFromBytes(view)!.entries()).toStrictEqual(realLocations[0]!.entries());
  });

  it.each([0, 1, 8, 511, 513, 1024])('refuses %i bytes', (length) => {
    const bytes = new Uint8Array(length);
    bytes.set(valid.subarray(0, Math.min(length, 512)));
    expectRejected(bytes);
  });

  it('refuses all zeros', () => {
    expectRejected(new Uint8Array(512));
  });

  it.each([
    ['magic "LR"', { magic: [0x4c, 0x52] as const }],
    ['magic "rl"', { magic: [0x72, 0x6c] as const }],
    ['magic "R\\0"', { magic: [0x52, 0] as const }],
    ['version 0', { version: 0 }],
    ['version 1', { version: 1 }],
    ['version 3', { version: 3 }],
    ['version 255', { version: 255 }],
  ])('refuses %s, even with a correct checksum', (_what, options) => {
    expectRejected(rawBytes(VALID_RAW, options));
  });

  it('refuses a count of 13 (or more), even with 13 well-formed entries and their checksum', () => {
    const thirteen = Array.from({ length: 13 }, (_, k): RawEntry => ({
      popId: rawPopId(`p${String.fromCharCode(0x61 + k)}a`),
      direct: k,
    }));
    expect(scanInPool(rawBytes(thirteen.slice(0, 12)))).toBe(true);
    expectRejected(rawBytes(thirteen));
    for (const count of [13, 14, 100, 255]) {
      const bytes = new Uint8Array(512);
      bytes.set([0x52, 0x4c, 2, count]);
      expectRejected(count * 16 + 8 <= 512 ? fixChecksum(bytes) : bytes);
    }
  });

  it('refuses a count that says fewer or more entries than were written', () => {
    expectRejected(rawBytes(VALID_RAW, { count: 2 }));
    expectRejected(rawBytes(VALID_RAW, { count: 4 }));
  });

  /** Every single-bit flip of bytes [0, 4 + 16n + 4) of `bytes`: the ones still accepted. */
  function flipsStillAccepted(bytes: Uint8Array): string[] {
    const accepted: string[] = [];
    const end = usedEnd(bytes) + 4;
    const record = new Int32Array(RECORD_SIZE);
    for (let at = 0; at < end; at++) {
      for (let bit = 0; bit < 8; bit++) {
        const flipped = Uint8Array.from(bytes);
        flipped[at] = flipped[at]! ^ (1 << bit);
        const ok = scanPingLocationBytes(flipped, record, 0);
        if (ok || pingLocationFromBytes(flipped) !== undefined) {
          accepted.push(`byte ${at} bit ${bit}: ${String(pingLocationFromBytes(flipped))}`);
        } else {
          expect(record[RECORD_COUNT]).toBe(0);
        }
      }
    }
    return accepted;
  }

  it('refuses every single flipped bit of the used bytes of a real location (1600 flips)', () => {
    expect(usedEnd(valid) + 4).toBe(200);
    expect(flipsStillAccepted(valid)).toEqual([]);
  });

  it('refuses every single flipped bit of a location with via POP ids and unused routes', () => {
    expect(flipsStillAccepted(rawBytes(VALID_RAW))).toEqual([]);
    expect(flipsStillAccepted(pingLocationToBytes(PingLocation.EMPTY))).toEqual([]);
  });

  it('refuses a non-zero byte anywhere in the padding', () => {
    for (const bytes of [valid, rawBytes(VALID_RAW), pingLocationToBytes(PingLocation.EMPTY)]) {
      for (let at = usedEnd(bytes) + 4; at < 512; at++) {
        for (const value of [1, 0x80]) {
          const padded = Uint8Array.from(bytes);
          padded[at] = value;
          expect(pingLocationFromBytes(padded)).toBeUndefined();
        }
      }
      const last = Uint8Array.from(bytes);
      last[511] = 1;
      expectRejected(last);
    }
  });

  it('refuses a POP named twice, with a correct checksum', () => {
    const twice = [VALID_RAW[0]!, VALID_RAW[1]!, { ...VALID_RAW[2]!, popId: id('fra') }];
    expectRejected(rawBytes(twice));
    // Adjacent, with the same route.
    expectRejected(
      rawBytes([
        { popId: id('fra'), direct: 10 },
        { popId: id('fra'), direct: 10 },
      ]),
    );
  });

  it('refuses entries out of route order (the via route counting), with a correct checksum', () => {
    expectRejected(rawBytes([VALID_RAW[0]!, VALID_RAW[2]!, VALID_RAW[1]!]));
    // ams's direct route (5) would sort it first, but its via route (20) is its route.
    expectRejected(
      rawBytes([
        { popId: id('fra'), direct: 10 },
        { popId: id('ams'), direct: 5, via: 9 },
      ]),
    );
    // Equal routes are in order.
    expect(
      scanInPool(
        rawBytes([
          { popId: id('fra'), direct: 10 },
          { popId: id('ams'), direct: 5, via: 10 },
        ]),
      ),
    ).toBe(true);
  });

  it('refuses an entry with neither route', () => {
    expectRejected(rawBytes([VALID_RAW[0]!, { popId: id('ams') }]));
    expectRejected(rawBytes([{ popId: id('ams') }]));
  });

  it('refuses an extra on a route that is not there', () => {
    expectRejected(rawBytes([{ popId: id('fra'), directExtra: 1, via: 10 }]));
    expectRejected(rawBytes([{ popId: id('fra'), direct: 10, viaExtra: 1 }]));
    expect(scanInPool(rawBytes([{ popId: id('fra'), direct: 10, directExtra: 1 }]))).toBe(true);
  });

  it('refuses an extra of 65535, above the largest the text can carry', () => {
    expectRejected(rawBytes([{ popId: id('fra'), direct: 10, directExtra: 0xffff }]));
    expectRejected(rawBytes([{ popId: id('fra'), via: 10, viaExtra: 0xffff }]));
    const largest = pingLocationFromBytes(
      rawBytes([{ popId: id('fra'), direct: 0xfffe, directExtra: 0xfffe }]),
    );
    expect(String(largest)).toBe('fra=65534+65534');
  });

  it('refuses a via POP id without a via route', () => {
    expectRejected(rawBytes([{ popId: id('fra'), direct: 10, relayPopId: id('ams') }]));
    expectRejected(rawBytes([{ popId: id('fra'), direct: 10, relayPopId: 1 }]));
  });

  it.each([
    ['ab', rawPopId('ab')],
    ['FRA', rawPopId('FRA')],
    ['Fra', rawPopId('Fra')],
    ['frA', rawPopId('frA')],
    ['1ab', rawPopId('1ab')],
    ['fra-', rawPopId('fra-')],
    ['a', rawPopId('a')],
    ['the empty code (0)', 0],
    ['a\\0bc (a zero inside)', rawPopId('a\0bc')],
  ])('refuses the POP id of %s', (_code, popId) => {
    expectRejected(rawBytes([{ popId, direct: 10 }]));
    expectRejected(rawBytes([VALID_RAW[0]!, { popId, direct: 50 }]));
  });
});

describe('scanPingLocationBytes: fuzzed', () => {
  /** Checks one scan: never throws, a boolean, and accepted bytes are exactly a location's. */
  function checkScan(bytes: Uint8Array): void {
    let ok = false;
    expect(() => {
      ok = scanInPool(bytes);
    }).not.toThrow();
    const decoded = pingLocationFromBytes(bytes);
    expect(decoded !== undefined).toBe(ok);
    // Every accepted byte array is the one form of its location (no other bytes mean it).
    if (decoded !== undefined) expect(pingLocationToBytes(decoded)).toEqual(bytes);
  }

  it('never throws on random 512-byte arrays, with or without a valid header', () => {
    const header = fc
      .tuple(
        fc.uint8Array({ minLength: 512, maxLength: 512 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 512 }),
      )
      .map(([bytes, count, zeroFrom]) => {
        bytes.set([0x52, 0x4c, 2, count]);
        // Zero the tail from somewhere, so that the padding check is sometimes passed.
        bytes.fill(0, Math.max(zeroFrom, 8 + 16 * count));
        return fixChecksum(bytes);
      });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ minLength: 512, maxLength: 512 }), header), (bytes) => {
        checkScan(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random mutations of valid bytes, checksum fixed or not', () => {
    const mutation = fc.tuple(fc.integer({ min: 0, max: 511 }), fc.integer({ min: 0, max: 255 }));
    fc.assert(
      fc.property(
        validBytes,
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        fc.boolean(),
        (valid, mutations, nearEntries, fix) => {
          const bytes = Uint8Array.from(valid);
          for (const [at, value] of mutations) {
            // Mostly within the used bytes, where the field checks are.
            bytes[nearEntries ? at % (usedEnd(valid) + 4) : at] = value;
          }
          if (fix && bytes[3]! <= 12) fixChecksum(bytes);
          checkScan(bytes);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on values that are not byte arrays at all', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(scanInPool(value as Uint8Array)).toBe(false);
        expect(pingLocationFromBytes(value as Uint8Array)).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('leaves a record it accepted like the text reader leaves one: count, routes, POPs', () => {
    for (const original of realLocations) {
      const record = new Int32Array(RECORD_SIZE).fill(99);
      expect(scanPingLocationBytes(pingLocationToBytes(original), record, 0)).toBe(true);
      expect(record[RECORD_COUNT]).toBe(12);
      original.entries().forEach((entry, k) => {
        expect(record[RECORD_ROUTE + k]).toBe(entry.routeMs);
        expect(record[RECORD_POP + k]! >>> 0).toBe(entry.popId);
        expect(record[RECORD_DIRECT + k]).toBe(entry.direct?.ms ?? -1);
        expect(record[RECORD_DIRECT_EXTRA + k]).toBe(entry.direct?.extra ?? 0);
        expect(record[RECORD_VIA + k]).toBe(entry.via?.ms ?? -1);
        expect(record[RECORD_VIA_EXTRA + k]).toBe(entry.via?.extra ?? 0);
        expect(record[RECORD_RELAY_POP + k]).toBe(0);
      });
    }
  });
});
