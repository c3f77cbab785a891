import { describeValue } from '@relaylane/core';

import {
  checkBoolean,
  checkConfigString,
  checkFiniteNumber,
  checkFloat32,
  checkInt32,
  checkPingLocation,
  checkString,
  checkUint32,
} from './argument-checks.js';
import { MAX_CONFIG_STRING_BYTES } from './config-value-bytes.js';
import { thrownBy } from '../../../core/src/test-support/errors.js';

describe('integer checks', () => {
  it('checkUint32 accepts the whole uint32 range', () => {
    expect(checkUint32('f', 'p', 0, 'x')).toBe(0);
    expect(checkUint32('f', 'p', 0xffffffff, 'x')).toBe(0xffffffff);
  });

  it.each([-1, 2 ** 32, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'checkUint32 refuses %p with a RangeError',
    (value) => {
      const error = thrownBy<Error>(() => checkUint32('f', 'p', value, 'a thing'));
      expect(error).toBeInstanceOf(RangeError);
      expect(error.message).toBe(
        `f: p must be an integer from 0 to 4294967295 (a thing), got ${describeValue(value)}`,
      );
    },
  );

  it.each(['1', 1n, null, undefined, true, {}])(
    'checkUint32 refuses %p with a TypeError',
    (value) => {
      expect(thrownBy<Error>(() => checkUint32('f', 'p', value, 'x'))).toBeInstanceOf(TypeError);
    },
  );

  it('checkInt32 accepts the whole int32 range and refuses one beyond either end', () => {
    expect(checkInt32('f', 'p', -(2 ** 31), 'x')).toBe(-(2 ** 31));
    expect(checkInt32('f', 'p', 2 ** 31 - 1, 'x')).toBe(2 ** 31 - 1);
    expect(thrownBy<Error>(() => checkInt32('f', 'p', -(2 ** 31) - 1, 'x'))).toBeInstanceOf(
      RangeError,
    );
    expect(thrownBy<Error>(() => checkInt32('f', 'p', 2 ** 31, 'x'))).toBeInstanceOf(RangeError);
  });
});

describe('number checks', () => {
  it('checkFiniteNumber accepts negative fractions and refuses NaN and infinities', () => {
    expect(checkFiniteNumber('f', 'p', -0.5, 'x')).toBe(-0.5);
    expect(thrownBy<Error>(() => checkFiniteNumber('f', 'p', Number.NaN, 'x'))).toBeInstanceOf(
      RangeError,
    );
    expect(thrownBy<Error>(() => checkFiniteNumber('f', 'p', -Infinity, 'x'))).toBeInstanceOf(
      RangeError,
    );
    expect(thrownBy<Error>(() => checkFiniteNumber('f', 'p', '1', 'x'))).toBeInstanceOf(TypeError);
  });

  it('checkFloat32 accepts the largest float and refuses what would round to infinity', () => {
    const FLT_MAX = 3.4028234663852886e38;
    expect(checkFloat32('f', 'p', FLT_MAX, 'x')).toBe(FLT_MAX);
    expect(checkFloat32('f', 'p', -FLT_MAX, 'x')).toBe(-FLT_MAX);
    expect(thrownBy<Error>(() => checkFloat32('f', 'p', 3.5e38, 'x'))).toBeInstanceOf(RangeError);
    expect(thrownBy<Error>(() => checkFloat32('f', 'p', Number.MAX_VALUE, 'x'))).toBeInstanceOf(
      RangeError,
    );
  });
});

describe('boolean and string checks', () => {
  it('checkBoolean refuses truthy and falsy stand-ins', () => {
    expect(checkBoolean('f', 'p', false, 'x')).toBe(false);
    expect(thrownBy<Error>(() => checkBoolean('f', 'p', 0, 'x'))).toBeInstanceOf(TypeError);
    expect(thrownBy<Error>(() => checkBoolean('f', 'p', 'true', 'x'))).toBeInstanceOf(TypeError);
  });

  it('checkString accepts any string, NUL included', () => {
    expect(checkString('f', 'p', 'a\0b', 'x')).toBe('a\0b');
    expect(thrownBy<Error>(() => checkString('f', 'p', new String('a'), 'x'))).toBeInstanceOf(
      TypeError,
    );
  });

  it('checkConfigString refuses a NUL character and a string longer than the limit, naming the method', () => {
    expect(checkConfigString('f', 'p', 'fra')).toBe('fra');
    expect(thrownBy<Error>(() => checkConfigString('f', 'p', 'fra\0'))).toBeInstanceOf(RangeError);
    const limit = 'x'.repeat(MAX_CONFIG_STRING_BYTES);
    expect(checkConfigString('f', 'p', limit)).toBe(limit);
    const tooLong = thrownBy<Error>(() => checkConfigString('f', 'p', `${limit}x`));
    expect(tooLong).toBeInstanceOf(RangeError);
    expect(tooLong.message).toMatch(/^f: p must be/);
    // Counted in UTF-8 bytes: a third as many 3-byte characters already exceed it.
    const euros = '€'.repeat(Math.floor(MAX_CONFIG_STRING_BYTES / 3) + 1);
    expect(thrownBy<Error>(() => checkConfigString('f', 'p', euros))).toBeInstanceOf(RangeError);
    expect(thrownBy<Error>(() => checkConfigString('f', 'p', 5))).toBeInstanceOf(TypeError);
  });
});

describe('checkPingLocation', () => {
  it('returns the array itself, unchanged (no copy)', () => {
    const location = new Uint8Array(512).fill(7);
    expect(checkPingLocation('f', 'location', location)).toBe(location);
    expect(location).toEqual(new Uint8Array(512).fill(7));
  });

  it('accepts a 512-byte view into a larger buffer', () => {
    const view = new Uint8Array(1024).subarray(100, 612);
    expect(checkPingLocation('f', 'location', view)).toBe(view);
  });

  it.each([0, 1, 511, 513, 4096])('refuses %p bytes with a RangeError', (length) => {
    const error = thrownBy<Error>(() => checkPingLocation('f', 'location', new Uint8Array(length)));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toContain(`got a Uint8Array of ${length} byte${length === 1 ? '' : 's'}`);
  });

  it('measures with the engine: an own length of 512 does not make 16 bytes a location', () => {
    const short = new Uint8Array(16);
    Object.defineProperty(short, 'length', { value: 512 });
    expect(thrownBy(() => checkPingLocation('f', 'location', short), RangeError).message).toContain(
      'must be a Uint8Array of exactly 512 bytes',
    );
  });

  it('refuses a plain array of 512 numbers with a TypeError', () => {
    expect(
      thrownBy<Error>(() => checkPingLocation('f', 'location', new Array(512).fill(0))),
    ).toBeInstanceOf(TypeError);
  });
});
