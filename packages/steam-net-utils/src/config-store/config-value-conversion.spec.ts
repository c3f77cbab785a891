import {
  getConfigValueEntry,
  NETWORKING_CONFIG_CONNECTION_USER_DATA,
  NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND,
  NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
  NETWORKING_CONFIG_SDR_CLIENT_MIN_PINGS_BEFORE_PING_ACCURATE,
  NETWORKING_CONFIG_TIMEOUT_INITIAL,
  NETWORKING_CONFIG_TYPE_FLOAT as FLOAT,
  NETWORKING_CONFIG_TYPE_FUNCTION_PTR as PTR,
  NETWORKING_CONFIG_TYPE_INT32 as INT32,
  NETWORKING_CONFIG_TYPE_INT64 as INT64,
  NETWORKING_CONFIG_TYPE_STRING as STRING,
} from '../constants/index.js';
import {
  clampConfigValue,
  convertConfigArgument,
  INT32_MIN,
  INT64_MIN,
  MAX_CONFIG_STRING_BYTES,
  readConfigArgument,
  type StoredConfigValue,
} from './config-value-conversion.js';

function entryOf(id: number) {
  const entry = getConfigValueEntry(id);
  if (!entry) throw new Error(`no entry ${id}`);
  return entry;
}

/** The float just below 0.5. */
const JUST_BELOW_HALF = Math.fround(0.49999997);

describe('readConfigArgument: what pArg can point to for each declared data type', () => {
  it.each<[string, number, unknown, StoredConfigValue | undefined]>([
    ['an int32', INT32, 7, 7],
    ['an int32 (negative zero is zero)', INT32, -0, 0],
    ['not an int32: a fraction', INT32, 1.5, undefined],
    ['not an int32: out of range', INT32, 2 ** 31, undefined],
    ['not an int32: a bigint', INT32, 7n, undefined],
    ['not an int32: a string', INT32, '7', undefined],
    ['an int64', INT64, -(2n ** 63n), -(2n ** 63n)],
    ['not an int64: out of range', INT64, 2n ** 63n, undefined],
    ['not an int64: a number', INT64, 7, undefined],
    ['a float, rounded to single precision', FLOAT, 0.1, Math.fround(0.1)],
    ['a float beyond the float range (infinity)', FLOAT, 1e300, Infinity],
    ['not a float: a bigint', FLOAT, 1n, undefined],
    ['a string', STRING, 'iad', 'iad'],
    ['a string ending at its first NUL, as C reads it', STRING, 'ab\0cd', 'ab'],
    ['a string whose unpaired surrogate becomes U+FFFD', STRING, 'a\ud800', 'a\ufffd'],
    ['not a string: a number', STRING, 5, undefined],
    ['the null pointer (0n)', PTR, 0n, 0n],
    ['the null pointer (0)', PTR, 0, 0n],
    ['not a pointer the simulation can hold', PTR, 1n, undefined],
    ['nothing of the unknown data type 0', 0, 7, undefined],
    ['nothing of the unknown data type 6', 6, 7, undefined],
  ])('reads %s', (_label, dataType, argument, expected) => {
    expect(readConfigArgument(dataType, argument)).toBe(expected);
  });

  it(`accepts strings of exactly ${MAX_CONFIG_STRING_BYTES} UTF-8 bytes and rejects longer ones`, () => {
    expect(readConfigArgument(STRING, 'x'.repeat(MAX_CONFIG_STRING_BYTES))).toBe(
      'x'.repeat(MAX_CONFIG_STRING_BYTES),
    );
    expect(readConfigArgument(STRING, 'x'.repeat(MAX_CONFIG_STRING_BYTES + 1))).toBeUndefined();
    // Two-byte characters: half as many UTF-16 units as bytes, one byte over.
    const twoByteCharacters = (MAX_CONFIG_STRING_BYTES + 1) / 2;
    expect(readConfigArgument(STRING, 'é'.repeat(twoByteCharacters))).toBeUndefined();
    // The bound applies to what C sees: text after a NUL does not count.
    expect(readConfigArgument(STRING, `ok\0${'x'.repeat(10_000)}`)).toBe('ok');
  });
});

describe('convertConfigArgument: Steam conversions into each type', () => {
  it.each<[string, number, unknown, StoredConfigValue | undefined]>([
    ['int32 as is', INT32, -7, -7],
    ['int64 that fits', INT64, -(2n ** 31n), INT32_MIN],
    ['int64 that does not fit: fails', INT64, 2n ** 31n, undefined],
    ['float 2.5 by floor(x + .5): 3', FLOAT, 2.5, 3],
    ['float -2.5 by floor(x + .5): -2', FLOAT, -2.5, -2],
    ['float just below 0.5: 1, the sum being single precision', FLOAT, JUST_BELOW_HALF, 1],
    ['float 8388609: 8388610, the sum rounding to even', FLOAT, 8388609, 8388610],
    ['float 2^31 (out of range): INT32_MIN', FLOAT, 2 ** 31, INT32_MIN],
    ['float NaN: INT32_MIN', FLOAT, NaN, INT32_MIN],
    ['string by %d', STRING, ' 42x', 42],
    ['string without digits: fails', STRING, 'x42', undefined],
    ['pointer: fails', PTR, 0n, undefined],
  ])('into int32: %s', (_label, dataType, argument, expected) => {
    expect(convertConfigArgument(INT32, dataType, argument)).toBe(expected);
  });

  it.each<[string, number, unknown, StoredConfigValue | undefined]>([
    ['int32', INT32, -5, -5n],
    ['int64 as is', INT64, 2n ** 62n, 2n ** 62n],
    ['float just below 0.5: 1 (the sum is single precision here too)', FLOAT, JUST_BELOW_HALF, 1n],
    ['float 2^31', FLOAT, 2 ** 31, 2n ** 31n],
    ['float 1e20 (out of range): INT64_MIN', FLOAT, 1e20, INT64_MIN],
    ['float NaN: INT64_MIN', FLOAT, NaN, INT64_MIN],
    ['string by %lld', STRING, '-99999999999', -99999999999n],
    ['empty string: fails', STRING, '', undefined],
    ['pointer: fails', PTR, 0n, undefined],
  ])('into int64: %s', (_label, dataType, argument, expected) => {
    expect(convertConfigArgument(INT64, dataType, argument)).toBe(expected);
  });

  it.each<[string, number, unknown, StoredConfigValue | undefined]>([
    ['int32 rounded to the nearest float', INT32, 16777217, 16777216],
    [
      'int64 rounded once to the nearest float',
      INT64,
      2n ** 60n + 2n ** 36n + 1n,
      2 ** 60 + 2 ** 37,
    ],
    ['float as is', FLOAT, 0.1, Math.fround(0.1)],
    ['string by %f', STRING, '1.5', 1.5],
    ['string "nan"', STRING, 'nan', NaN],
    ['string without a number: fails', STRING, 'x', undefined],
    ['pointer: fails', PTR, 0n, undefined],
  ])('into float: %s', (_label, dataType, argument, expected) => {
    expect(convertConfigArgument(FLOAT, dataType, argument)).toBe(expected);
  });

  it.each<[string, number, unknown, StoredConfigValue | undefined]>([
    ['int32 by %d', INT32, -12, '-12'],
    ['int64 by %lld', INT64, 2n ** 63n - 1n, '9223372036854775807'],
    ['float by %g', FLOAT, 1e6, '1e+06'],
    ['float 0.1 by %g', FLOAT, 0.1, '0.1'],
    ['string as is', STRING, 'iad', 'iad'],
    ['pointer: fails', PTR, 0n, undefined],
  ])('into string: %s', (_label, dataType, argument, expected) => {
    expect(convertConfigArgument(STRING, dataType, argument)).toBe(expected);
  });

  it.each<[string, number, unknown, StoredConfigValue | undefined]>([
    ['pointer', PTR, 0n, 0n],
    ['int32: fails', INT32, 0, undefined],
    ['int64: fails', INT64, 0n, undefined],
    ['float: fails', FLOAT, 0, undefined],
    ['string: fails', STRING, '0', undefined],
  ])('into pointer: %s', (_label, dataType, argument, expected) => {
    expect(convertConfigArgument(PTR, dataType, argument)).toBe(expected);
  });

  it('fails for an unknown target type and for an argument that does not match its declared type', () => {
    expect(convertConfigArgument(6, INT32, 1)).toBeUndefined();
    expect(convertConfigArgument(INT32, INT32, '1')).toBeUndefined();
    expect(convertConfigArgument(STRING, INT64, 1)).toBeUndefined();
  });
});

describe('clampConfigValue: Steam silently limits int32 and float values', () => {
  it.each<[string, number, StoredConfigValue, StoredConfigValue]>([
    ['int32 below its minimum', NETWORKING_CONFIG_TIMEOUT_INITIAL, -5, 0],
    ['int32 within its limits', NETWORKING_CONFIG_TIMEOUT_INITIAL, 5, 5],
    ['float above its maximum', NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND, 150, 100],
    ['float below its minimum', NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND, -1, 0],
    ['float infinity', NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND, Infinity, 100],
    [
      'float NaN, which compares false both ways and stays',
      NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND,
      NaN,
      NaN,
    ],
    [
      'int32 without limits',
      NETWORKING_CONFIG_SDR_CLIENT_MIN_PINGS_BEFORE_PING_ACCURATE,
      -123456789,
      -123456789,
    ],
    ['int64 (never limited)', NETWORKING_CONFIG_CONNECTION_USER_DATA, -(2n ** 63n), -(2n ** 63n)],
    ['string (never limited)', NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER, 'x', 'x'],
  ])('%s', (_label, id, value, expected) => {
    expect(clampConfigValue(entryOf(id), value)).toBe(expected);
  });
});
