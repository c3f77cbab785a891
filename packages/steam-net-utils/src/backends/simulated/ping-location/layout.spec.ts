import fc from 'fast-check';

import { fnv1a32, locationChecksum, writeU16, writeU32 } from './layout.js';

/** The checksum as its definition reads: two FNV-1a lanes over little-endian words. */
function referenceChecksum(bytes: Uint8Array, end: number): number {
  const lanes = [0x811c9dc5, 0x811c9dc5];
  for (let word = 0; word * 4 < end; word++) {
    const value =
      bytes[4 * word]! +
      bytes[4 * word + 1]! * 0x100 +
      bytes[4 * word + 2]! * 0x10000 +
      bytes[4 * word + 3]! * 0x1000000;
    const lane = word % 2;
    lanes[lane] = Number((BigInt((lanes[lane]! ^ value) >>> 0) * 0x01000193n) & 0xffffffffn);
  }
  return Number(BigInt(lanes[0]!) ^ ((BigInt(lanes[1]!) * 0x01000193n) & 0xffffffffn));
}

const view = (bytes: Uint8Array): DataView =>
  new DataView(bytes.buffer, bytes.byteOffset, bytes.length);

describe('fnv1a32', () => {
  it('gives the published FNV-1a 32 test vectors', () => {
    const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
    expect(fnv1a32(ascii(''), 0, 0)).toBe(0x811c9dc5);
    expect(fnv1a32(ascii('a'), 0, 1)).toBe(0xe40c292c);
    expect(fnv1a32(ascii('foobar'), 0, 6)).toBe(0xbf9cf968);
  });
});

describe('locationChecksum', () => {
  it('matches its definition for any used length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 112, maxLength: 112 }), fc.nat(28), (bytes, words) => {
        expect(locationChecksum(view(bytes), 4 * words)).toBe(referenceChecksum(bytes, 4 * words));
      }),
    );
  });

  it('changes when any single bit of the checked bytes changes', () => {
    const bytes = Uint8Array.from({ length: 108 }, (_, i) => (i * 37 + 11) & 0xff);
    const original = locationChecksum(view(bytes), 108);
    for (let bit = 0; bit < 108 * 8; bit++) {
      bytes[bit >> 3]! ^= 1 << (bit & 7);
      expect(locationChecksum(view(bytes), 108)).not.toBe(original);
      bytes[bit >> 3]! ^= 1 << (bit & 7);
    }
  });
});

describe('little-endian fields', () => {
  it('writes uint16 and uint32 values low byte first', () => {
    const bytes = new Uint8Array(8);
    writeU16(bytes, 0, 0xbeef);
    writeU32(bytes, 2, 0xdeadbeef);
    expect([...bytes.subarray(0, 6)]).toEqual([0xef, 0xbe, 0xef, 0xbe, 0xad, 0xde]);
  });
});
