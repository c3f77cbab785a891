import { thrownBy } from '../../../core/src/test-support/errors.js';
import {
  derivedFrom,
  PreparedPingLocation,
  preparedPingLocationBytes,
  preparedPingLocationOfOwnBytes,
} from './prepared-ping-location.js';

function pattern(seed: number): Uint8Array {
  return Uint8Array.from({ length: 512 }, (_, i) => (i * 7 + seed) & 0xff);
}

describe('PreparedPingLocation', () => {
  it('keeps a private copy: later changes to the source array do not reach it', () => {
    const source = pattern(1);
    const prepared = PreparedPingLocation.from(source);
    source.fill(0);
    expect(preparedPingLocationBytes(prepared)).toEqual(pattern(1));
    expect(preparedPingLocationBytes(prepared)).not.toBe(source);
  });

  it('hands out fresh copies only', () => {
    const prepared = PreparedPingLocation.from(pattern(2));
    const copy = prepared.toBytes();
    copy.fill(9);
    expect(prepared.toBytes()).toEqual(pattern(2));
    expect(prepared.toBytes()).not.toBe(prepared.toBytes());
  });

  it('copies a view into a larger buffer from its own offset', () => {
    const big = new Uint8Array(600).fill(3);
    big.set(pattern(4), 50);
    expect(PreparedPingLocation.from(big.subarray(50, 562)).toBytes()).toEqual(pattern(4));
  });

  it.each([
    ['a plain array', new Array(512).fill(0), TypeError],
    ['a string', 'rl1 fra=5', TypeError],
    ['511 bytes', new Uint8Array(511), RangeError],
    ['513 bytes', new Uint8Array(513), RangeError],
  ])('refuses %s with a %p naming the function', (_, value, ErrorClass) => {
    const error = thrownBy<Error>(() => PreparedPingLocation.from(value as Uint8Array));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.message).toContain('PreparedPingLocation.from: location must be');
  });

  it("prepares a caller's own fresh bytes without a copy, checked the same way", () => {
    const own = pattern(7);
    expect(preparedPingLocationBytes(preparedPingLocationOfOwnBytes(own))).toBe(own);
    expect(thrownBy<Error>(() => preparedPingLocationOfOwnBytes(new Uint8Array(3)))).toBeInstanceOf(
      RangeError,
    );
  });
});

describe('derivedFrom', () => {
  it('derives once per key, from the prepared bytes', () => {
    const prepared = PreparedPingLocation.from(pattern(5));
    const key = {};
    const derive = jest.fn((bytes: Uint8Array) => bytes[0]! + 1000);
    expect(derivedFrom(prepared, key, derive)).toBe(pattern(5)[0]! + 1000);
    expect(derivedFrom(prepared, key, derive)).toBe(pattern(5)[0]! + 1000);
    expect(derive).toHaveBeenCalledTimes(1);
  });

  it('keeps one derived value: another key derives again and replaces it', () => {
    const prepared = PreparedPingLocation.from(pattern(6));
    const first = {};
    const second = {};
    const derive = jest.fn(() => Symbol('derived'));
    const a = derivedFrom(prepared, first, derive);
    const b = derivedFrom(prepared, second, derive);
    expect(a).not.toBe(b);
    expect(derivedFrom(prepared, second, derive)).toBe(b);
    expect(derivedFrom(prepared, first, derive)).not.toBe(a);
    expect(derive).toHaveBeenCalledTimes(3);
  });
});
