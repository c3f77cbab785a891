import fc from 'fast-check';

import {
  NETWORKING_CONFIG_TYPE_FLOAT as FLOAT,
  NETWORKING_CONFIG_TYPE_FUNCTION_PTR as PTR,
  NETWORKING_CONFIG_TYPE_INT32 as INT32,
  NETWORKING_CONFIG_TYPE_INT64 as INT64,
  NETWORKING_CONFIG_TYPE_STRING as STRING,
} from '../constants/index.js';
import { decodeConfigValueBytes, encodeConfigValueBytes } from './config-value-bytes.js';

describe('encodeConfigValueBytes', () => {
  it.each<[string, number, number | bigint | string, number[]]>([
    ['int32 as 4 little-endian bytes', INT32, -2, [0xfe, 0xff, 0xff, 0xff]],
    ['float as 4 little-endian bytes', FLOAT, 1, [0x00, 0x00, 0x80, 0x3f]],
    ['int64 as 8 little-endian bytes', INT64, 0x0102030405060708n, [8, 7, 6, 5, 4, 3, 2, 1]],
    ['a pointer as 8 bytes', PTR, 0n, [0, 0, 0, 0, 0, 0, 0, 0]],
    ['a string as UTF-8 and one NUL', STRING, 'é!', [0xc3, 0xa9, 0x21, 0x00]],
    ['the empty string as one NUL', STRING, '', [0x00]],
  ])('writes %s', (_label, dataType, value, bytes) => {
    expect(Array.from(encodeConfigValueBytes(dataType, value))).toEqual(bytes);
  });

  it('throws TypeError for a value of the wrong kind or an unknown data type', () => {
    expect(() => encodeConfigValueBytes(INT32, 1n)).toThrow(TypeError);
    expect(() => encodeConfigValueBytes(STRING, 1)).toThrow(TypeError);
    expect(() => encodeConfigValueBytes(9, 1)).toThrow(/not a NetworkingConfigDataType/);
  });
});

describe('decodeConfigValueBytes', () => {
  it.each<[string, number, number[], number | bigint | string | undefined]>([
    ['int32', INT32, [0xfe, 0xff, 0xff, 0xff], -2],
    ['float', FLOAT, [0x00, 0x00, 0xc0, 0x3f], 1.5],
    ['int64 (signed)', INT64, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], -1n],
    [
      'pointer (unsigned address)',
      PTR,
      [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
      2n ** 64n - 1n,
    ],
    ['string up to the first NUL', STRING, [0x61, 0x00, 0x62, 0x00], 'a'],
    ['string with malformed UTF-8 (U+FFFD)', STRING, [0xff, 0x00], '\ufffd'],
    ['nothing: int32 of 3 bytes', INT32, [1, 2, 3], undefined],
    ['nothing: float of 8 bytes', FLOAT, [0, 0, 0, 0, 0, 0, 0, 0], undefined],
    ['nothing: int64 of 4 bytes', INT64, [0, 0, 0, 0], undefined],
    ['nothing: string without a terminator', STRING, [0x61], undefined],
    ['nothing: empty string bytes', STRING, [], undefined],
    ['nothing: unknown data type', 0, [0, 0, 0, 0], undefined],
  ])('reads %s', (_label, dataType, bytes, expected) => {
    expect(decodeConfigValueBytes(dataType, Uint8Array.from(bytes))).toBe(expected);
  });

  it('reads a view into a larger buffer at its own offset', () => {
    const backing = Uint8Array.from([9, 9, 0x2a, 0, 0, 0, 9]);
    expect(decodeConfigValueBytes(INT32, backing.subarray(2, 6))).toBe(42);
  });

  it('inverts encodeConfigValueBytes for every kind of value', () => {
    const typed = fc.oneof(
      fc.integer().map((v) => [INT32, v] as const),
      fc.float().map((v) => [FLOAT, v] as const),
      fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((v) => [INT64, v] as const),
      fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map((v) => [PTR, v] as const),
      fc
        .string({ unit: 'binary' })
        .filter((s) => !s.includes('\0'))
        .map((v) => [STRING, v] as const),
    );
    fc.assert(
      fc.property(typed, ([dataType, value]) => {
        expect(decodeConfigValueBytes(dataType, encodeConfigValueBytes(dataType, value))).toBe(
          value,
        );
      }),
    );
  });
});
