import { describeValue, typeNameOf } from './describe-value.js';

class Lobby {}
class UserService {}
function onStatus(): void {}

describe('describeValue', () => {
  it.each<[string, unknown, string]>([
    ['undefined', undefined, 'undefined'],
    ['null', null, 'null'],
    ['a negative number', -1, '-1'],
    ['negative zero, apart from zero', -0, '-0'],
    ['zero', 0, '0'],
    ['NaN', Number.NaN, 'NaN'],
    ['an infinity', Number.NEGATIVE_INFINITY, '-Infinity'],
    ['a bigint, apart from a number', 5n, 'the bigint 5n'],
    ['a boolean', true, 'true'],
    ['a short string, quoted', 'abc', 'the string "abc"'],
    ['the empty string', '', 'the string ""'],
    ['control characters, escaped', 'a\nb', 'the string "a\\nb"'],
    ['a 40-character string, whole', 'x'.repeat(40), `the string "${'x'.repeat(40)}"`],
    [
      'a longer string, by its length and start',
      'x'.repeat(41),
      'a string of 41 characters starting "xxxxxxxxxxxxxxxxxxxx…"',
    ],
    ['a symbol, by its description', Symbol('token'), 'the symbol Symbol(token)'],
    ['a symbol without description', Symbol(), 'a symbol'],
    ['a named function', onStatus, 'the function onStatus'],
    ['an anonymous function', [() => 1][0], 'an anonymous function'],
    ['a class, apart from a function', Lobby, 'the class Lobby'],
    ['an anonymous class', [class {}][0], 'an anonymous class'],
    ['an array, by its length', [1, 2], 'an array of 2 elements'],
    ['a one-element array, in the singular', [1], 'an array of 1 element'],
    ['a Uint8Array, in bytes', new Uint8Array(3), 'a Uint8Array of 3 bytes'],
    ['a Buffer, as the Uint8Array it is', Buffer.alloc(2), 'a Uint8Array of 2 bytes'],
    ['another typed array, in elements', new Float64Array(2), 'a Float64Array of 2 elements'],
    ['an Int8Array, with "an"', new Int8Array(1), 'an Int8Array of 1 element'],
    ['a Map, by its size', new Map([[1, 2]]), 'a Map of 1 entry'],
    ['a Set, by its size', new Set([1, 2, 3]), 'a Set of 3 elements'],
    ['an ArrayBuffer, in bytes', new ArrayBuffer(8), 'an ArrayBuffer of 8 bytes'],
    ['a DataView, in bytes', new DataView(new ArrayBuffer(4)), 'a DataView of 4 bytes'],
    ['a plain object', { length: 512 }, 'an object'],
    ['a null-prototype object', Object.create(null), 'an object'],
    ['an instance, by its class', new Lobby(), 'a Lobby object'],
    ['an instance of a class starting with U', new UserService(), 'a UserService object'],
    ['an Error, by its class', new TypeError('x'), 'a TypeError object'],
  ])('describes %s', (_case, value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });

  it('shows at most 20 characters of a long string, so a huge input cannot flood the message', () => {
    const described = describeValue('y'.repeat(1_048_576));
    expect(described).toBe('a string of 1048576 characters starting "yyyyyyyyyyyyyyyyyyyy…"');
  });

  it('does not cut a surrogate pair in half at the end of the shown start', () => {
    const text = `${'a'.repeat(19)}😀${'b'.repeat(30)}`;
    expect(describeValue(text)).toBe(`a string of 51 characters starting "${'a'.repeat(19)}…"`);
  });

  it('shortens a long symbol description', () => {
    expect(describeValue(Symbol('s'.repeat(100)))).toBe(`the symbol Symbol(${'s'.repeat(20)}…)`);
  });

  it('describes a revoked proxy without throwing', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(describeValue(proxy)).toBe('an object');
    const fn = Proxy.revocable(() => {}, {});
    fn.revoke();
    expect(describeValue(fn.proxy)).toBe('an anonymous function');
    const array = Proxy.revocable<unknown[]>([], {});
    array.revoke();
    expect(describeValue(array.proxy)).toBe('an object');
  });

  it('describes a proxy whose traps throw without throwing', () => {
    const hostile = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error('trap');
        },
        getOwnPropertyDescriptor() {
          throw new Error('trap');
        },
      },
    );
    expect(describeValue(hostile)).toBe('an object');
  });

  it('runs none of the value’s getters or toString', () => {
    const touched: string[] = [];
    class Sneaky {
      get length(): number {
        touched.push('length');
        return 1;
      }
      toString(): string {
        touched.push('toString');
        return 'sneaky';
      }
    }
    const fake = {
      get size(): number {
        touched.push('size');
        throw new Error('getter');
      },
      [Symbol.toStringTag]: 'Uint8Array',
    };
    const renamed = function named(): void {};
    Object.defineProperty(renamed, 'name', {
      get: () => {
        touched.push('name');
        return 'x';
      },
    });
    expect(describeValue(new Sneaky())).toBe('a Sneaky object');
    expect(describeValue(fake)).toBe('an object');
    expect(describeValue(renamed)).toBe('an anonymous function');
    expect(touched).toEqual([]);
  });

  it('is not fooled by an object posing as a Map or a typed array', () => {
    const posing: object = Object.create(Map.prototype);
    expect(describeValue(posing)).toBe('a Map object');
    expect(describeValue({ [Symbol.toStringTag]: 'Uint8Array', length: 3 })).toBe('an object');
  });
});

describe('typeNameOf', () => {
  it.each<[unknown, string]>([
    [new Lobby(), 'Lobby'],
    [{}, 'Object'],
    [Object.create(null), 'Object'],
    [[], 'Array'],
    [onStatus, 'Function'],
    [3, 'number'],
    [null, 'null'],
    [undefined, 'undefined'],
  ])('names the type of %p %p', (value, expected) => {
    expect(typeNameOf(value)).toBe(expected);
  });

  it('never throws, even for a revoked proxy', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(typeNameOf(proxy)).toBe('Object');
  });
});
