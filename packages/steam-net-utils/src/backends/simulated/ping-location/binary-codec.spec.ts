import fc from 'fast-check';

import { popIdFromCode } from '../../../estimator/pop-id.js';
import { decodePingLocation, encodePingLocation } from './binary-codec.js';
import { checksumOffset, MAX_PING_LOCATION_ENTRIES, PING_LOCATION_SIZE } from './layout.js';
import { type PingLocationData } from './ping-location-data.js';
import { popTable } from './pop-table.js';
import {
  CATALOGUE_IDS,
  pingLocationDataArbitrary,
  resealChecksum,
} from './test-support/ping-location-arbitraries.js';

const id = popIdFromCode;
const SAMPLE: PingLocationData = {
  entries: [
    { popId: id('fra'), pingMs: 12 },
    { popId: id('ams'), pingMs: 15, relayPopId: id('fra') },
    { popId: id('par'), pingMs: 15 },
  ],
  anchor: { hubIndex: 37, accessMs: 3 },
};

function encoded(data: PingLocationData = SAMPLE): Uint8Array {
  const bytes = new Uint8Array(PING_LOCATION_SIZE);
  encodePingLocation(data, bytes);
  return bytes;
}

/** The offset of entry k's field, from the documented layout. */
const entryField = (k: number, offset: number): number => 12 + 8 * k + offset;

describe('encodePingLocation / decodePingLocation round trip', () => {
  it('decodes exactly the data it encoded', () => {
    fc.assert(
      fc.property(pingLocationDataArbitrary(), (data) => {
        expect(decodePingLocation(encoded(data))).toEqual(data);
      }),
    );
  });

  it('re-encodes a decoded location to the same bytes', () => {
    fc.assert(
      fc.property(pingLocationDataArbitrary(), (data) => {
        const bytes = encoded(data);
        expect(encoded(decodePingLocation(bytes)!)).toEqual(bytes);
      }),
    );
  });
});

describe('the documented layout', () => {
  it('writes magic, version, count, the anchor, entries, checksum and zero padding', () => {
    const bytes = encoded();
    const view = new DataView(bytes.buffer);
    expect([bytes[0], bytes[1], bytes[2], bytes[3]]).toEqual([0x52, 0x4c, 1, 3]);
    expect(view.getUint32(4, true)).toBe(popTable().fingerprint);
    expect(view.getUint16(8, true)).toBe(37);
    expect(view.getUint16(10, true)).toBe(3);
    expect(view.getUint32(entryField(1, 0), true)).toBe(id('ams'));
    expect(bytes[entryField(1, 4)]).toBe(popTable().indexById.get(id('ams')));
    expect(bytes[entryField(1, 5)]).toBe(popTable().indexById.get(id('fra')));
    expect(bytes[entryField(0, 5)]).toBe(0xff);
    expect(view.getUint16(entryField(1, 6), true)).toBe(15);
    expect(bytes.subarray(checksumOffset(3) + 4).every((b) => b === 0)).toBe(true);
  });

  it('marks a location without an anchor with 0xFFFF in both anchor fields', () => {
    const bytes = encoded({ entries: SAMPLE.entries });
    expect([...bytes.subarray(8, 12)]).toEqual([0xff, 0xff, 0xff, 0xff]);
  });

  it('overwrites every byte of the output, including old padding', () => {
    const bytes = new Uint8Array(PING_LOCATION_SIZE).fill(0xaa);
    encodePingLocation({ entries: [] }, bytes);
    expect(decodePingLocation(bytes)).toEqual({ entries: [] });
  });
});

describe('encodePingLocation refuses invalid data (programmer error)', () => {
  const many = CATALOGUE_IDS.slice(0, MAX_PING_LOCATION_ENTRIES + 1).map((popId) => ({
    popId,
    pingMs: 10,
  }));
  const cases: [string, unknown][] = [
    ['more than 12 entries', { entries: many }],
    ['a POP outside the catalogue', { entries: [{ popId: id('zzzz'), pingMs: 1 }] }],
    ['a negative ping', { entries: [{ popId: id('fra'), pingMs: -1 }] }],
    ['a ping above 65534', { entries: [{ popId: id('fra'), pingMs: 65535 }] }],
    ['a fractional ping', { entries: [{ popId: id('fra'), pingMs: 1.5 }] }],
    [
      'a relay equal to its POP',
      { entries: [{ popId: id('fra'), pingMs: 1, relayPopId: id('fra') }] },
    ],
    ['an unknown relay', { entries: [{ popId: id('fra'), pingMs: 1, relayPopId: id('zzzz') }] }],
    [
      'a duplicate POP',
      {
        entries: [
          { popId: id('fra'), pingMs: 1 },
          { popId: id('fra'), pingMs: 2 },
        ],
      },
    ],
    [
      'entries out of ping order',
      {
        entries: [
          { popId: id('fra'), pingMs: 2 },
          { popId: id('ams'), pingMs: 1 },
        ],
      },
    ],
    [
      'equal pings out of POP id order',
      {
        entries: [
          { popId: id('fra'), pingMs: 1 },
          { popId: id('ams'), pingMs: 1 },
        ],
      },
    ],
    ['an anchor hub of 65535', { entries: [], anchor: { hubIndex: 65535, accessMs: 0 } }],
    ['an anchor access of -1', { entries: [], anchor: { hubIndex: 0, accessMs: -1 } }],
    ['entries that are not an array', { entries: 'fra=1' }],
  ];

  it.each(cases)('throws a RangeError for %s and writes nothing', (_, data) => {
    const out = new Uint8Array(PING_LOCATION_SIZE).fill(7);
    expect(() => encodePingLocation(data as PingLocationData, out)).toThrow(RangeError);
    expect(out.every((b) => b === 7)).toBe(true);
  });

  it('throws a TypeError naming the parameter when out is not 512 bytes', () => {
    expect(() => encodePingLocation(SAMPLE, new Uint8Array(511))).toThrow(
      /encodePingLocation's parameter 'out'.*511 bytes/,
    );
  });
});

describe('decodePingLocation refuses anything else, without throwing', () => {
  it('returns undefined for all zeros (no data)', () => {
    expect(decodePingLocation(new Uint8Array(PING_LOCATION_SIZE))).toBeUndefined();
  });

  it('returns undefined for a wrong size or a value that is not a Uint8Array', () => {
    const bytes = encoded();
    expect(decodePingLocation(bytes.subarray(0, 511))).toBeUndefined();
    const longer = new Uint8Array(513);
    longer.set(bytes);
    expect(decodePingLocation(longer)).toBeUndefined();
    expect(decodePingLocation([...bytes] as unknown as Uint8Array)).toBeUndefined();
    expect(decodePingLocation(undefined as unknown as Uint8Array)).toBeUndefined();
  });

  it('reads a location at any offset of a larger buffer', () => {
    const buffer = new Uint8Array(PING_LOCATION_SIZE + 3);
    buffer.set(encoded(), 3);
    expect(decodePingLocation(buffer.subarray(3))).toEqual(SAMPLE);
  });

  // Each tamper keeps the checksum right, so only the named rule can reject it.
  const tampers: [string, (bytes: Uint8Array, view: DataView) => void][] = [
    ['a wrong magic', (b) => (b[1] = 0x4d)],
    ['another version', (b) => (b[2] = 2)],
    ['more than 12 entries', (b) => (b[3] = 13)],
    ['another catalogue fingerprint', (b, v) => v.setUint32(4, v.getUint32(4, true) ^ 1, true)],
    ['a half-present anchor', (b, v) => v.setUint16(10, 0xffff, true)],
    ['an index that does not match the POP id', (b) => (b[entryField(0, 4)]! += 1)],
    ['an index beyond the catalogue', (b) => (b[entryField(0, 4)] = 0xfe)],
    ['a relay equal to its POP', (b) => (b[entryField(1, 5)] = b[entryField(1, 4)]!)],
    ['a relay beyond the catalogue', (b) => (b[entryField(1, 5)] = 0xfe)],
    ['a ping of 0xFFFF', (b, v) => v.setUint16(entryField(2, 6), 0xffff, true)],
    ['entries out of order', (b, v) => v.setUint16(entryField(0, 6), 16, true)],
    [
      'a duplicate POP',
      (b) => {
        b.copyWithin(entryField(2, 0), entryField(1, 0), entryField(1, 6));
        b[entryField(2, 5)] = 0xff;
      },
    ],
  ];

  it.each(tampers)('returns undefined for %s', (_, tamper) => {
    const bytes = encoded();
    tamper(bytes, new DataView(bytes.buffer));
    resealChecksum(bytes);
    expect(decodePingLocation(bytes)).toBeUndefined();
  });

  it('returns undefined for a bad checksum', () => {
    const bytes = encoded();
    bytes[checksumOffset(3)]! ^= 0x10;
    expect(decodePingLocation(bytes)).toBeUndefined();
  });

  it('returns undefined for a nonzero padding byte', () => {
    const bytes = encoded();
    bytes[PING_LOCATION_SIZE - 1] = 1;
    expect(decodePingLocation(bytes)).toBeUndefined();
  });

  it('returns undefined for every single flipped bit of a valid location', () => {
    const bytes = encoded();
    for (let bit = 0; bit < PING_LOCATION_SIZE * 8; bit++) {
      bytes[bit >> 3]! ^= 1 << (bit & 7);
      expect(decodePingLocation(bytes)).toBeUndefined();
      bytes[bit >> 3]! ^= 1 << (bit & 7);
    }
    expect(decodePingLocation(bytes)).toEqual(SAMPLE);
  });

  it('returns undefined for random bytes, even with a valid header', () => {
    const header = encoded().subarray(0, 8);
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: PING_LOCATION_SIZE, maxLength: PING_LOCATION_SIZE }),
        fc.boolean(),
        (bytes, withHeader) => {
          if (withHeader) bytes.set(header);
          expect(decodePingLocation(bytes)).toBeUndefined();
        },
      ),
    );
  });
});
