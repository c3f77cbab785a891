/**
 * The wrong values the hostile-input suite passes, by family, each with whether the binding must
 * refuse it for a parameter of a given kind. Values are made fresh for every call (a detached
 * buffer, a revoked Proxy), and buffers are allocated off V8's heap (`new ArrayBuffer`), where the
 * address sanitizer sees their bounds.
 */
import vm from 'node:vm';

import { type NativeArgumentKind } from '../../native/native-arguments.js';

/** The families, one child process each. */
export const HOSTILE_FAMILIES = ['types', 'numbers', 'buffers', 'strings', 'traps'] as const;
export type HostileFamily = (typeof HOSTILE_FAMILIES)[number];

/** What a parameter is, as far as the values below care. */
export interface ParameterShape {
  readonly kind: NativeArgumentKind;
  readonly nullable: boolean;
  /** For buffers the fewest bytes, for typed arrays the fewest elements. */
  readonly minimum: number;
  readonly arrayType?: string | undefined;
}

/** One wrong value. */
export interface HostileValue {
  readonly family: HostileFamily;
  readonly label: string;
  /** Makes the value (fresh each call). */
  make(): unknown;
  /**
   * Whether a parameter of `shape` must refuse it (a TypeError or RangeError naming the function).
   * False: the value is legal there, and the call may go through.
   */
  mustRefuse(shape: ParameterShape): boolean;
}

const NUMBER_KINDS: readonly NativeArgumentKind[] = ['int32', 'uint32', 'float', 'intptr'];

/** An off-heap Uint8Array of `bytes` bytes, filled with `fill`. */
export function offHeapBytes(bytes: number, fill = 0x41): Uint8Array {
  return new Uint8Array(new ArrayBuffer(bytes)).fill(fill);
}

/** A Uint8Array whose buffer has been transferred away (0 bytes, detached). */
function detached(bytes: number): Uint8Array {
  const array = offHeapBytes(bytes);
  structuredClone(array.buffer, { transfer: [array.buffer] });
  return array;
}

/** The bytes a parameter of `shape` needs at least (1 for a C string's terminator). */
function neededBytes(shape: ParameterShape): number {
  if (shape.kind === 'typedArray') return shape.minimum * elementBytes(shape.arrayType);
  if (shape.kind === 'cString') return 1;
  return shape.minimum;
}

function elementBytes(arrayType: string | undefined): number {
  const constructor = (globalThis as Record<string, unknown>)[arrayType ?? 'Uint8Array'] as {
    BYTES_PER_ELEMENT?: number;
  };
  return constructor.BYTES_PER_ELEMENT ?? 1;
}

/** An array of the parameter's own element type with `elements` elements, off V8's heap. */
function ofType(shape: ParameterShape, elements: number): ArrayBufferView {
  const constructor = (globalThis as Record<string, unknown>)[shape.arrayType ?? 'Uint8Array'] as {
    new (buffer: ArrayBuffer): ArrayBufferView;
    BYTES_PER_ELEMENT: number;
  };
  return new constructor(new ArrayBuffer(elements * constructor.BYTES_PER_ELEMENT));
}

/** A view the binding accepts for this parameter, with a NUL last for a C string. */
function legalView(shape: ParameterShape, make: (bytes: number) => Uint8Array): ArrayBufferView {
  if (shape.kind === 'typedArray') {
    const elements = Math.max(shape.minimum, 1);
    const bytes = make(elements * elementBytes(shape.arrayType));
    const constructor = (globalThis as Record<string, unknown>)[shape.arrayType!] as {
      new (buffer: ArrayBufferLike, offset: number, length: number): ArrayBufferView;
    };
    return new constructor(bytes.buffer, bytes.byteOffset, elements);
  }
  const bytes = make(Math.max(neededBytes(shape), 1));
  if (shape.kind === 'cString') bytes[bytes.length - 1] = 0;
  return bytes;
}

const isKind =
  (...kinds: NativeArgumentKind[]) =>
  (shape: ParameterShape): boolean =>
    kinds.includes(shape.kind);
const always = (): boolean => true;
/** Whether `bytes` bytes are a legal value of a `buffer` parameter of `shape`. */
const fitsBuffer = (shape: ParameterShape, bytes: number): boolean =>
  shape.kind === 'buffer' && shape.minimum <= bytes;
/** Refused unless the parameter takes null. */
const unlessNullable = (shape: ParameterShape): boolean => !shape.nullable;

function withFamily(
  family: HostileFamily,
  values: readonly Omit<HostileValue, 'family'>[],
): HostileValue[] {
  return values.map((value) => ({ ...value, family }));
}

/** An `ArrayBuffer` that can grow and shrink (ES2024; Node 20 has it). */
interface ResizableArrayBuffer extends ArrayBuffer {
  resize(byteLength: number): void;
}

function resizableBuffer(byteLength: number, maxByteLength: number): ResizableArrayBuffer {
  const Resizable = ArrayBuffer as unknown as new (
    byteLength: number,
    options: { maxByteLength: number },
  ) => ResizableArrayBuffer;
  return new Resizable(byteLength, { maxByteLength });
}

/** Wrong JavaScript types: each is refused by every kind that does not take it. */
const TYPES: readonly HostileValue[] = withFamily('types', [
  { label: 'undefined', make: () => undefined, mustRefuse: always },
  { label: 'null', make: () => null, mustRefuse: unlessNullable },
  { label: 'true', make: () => true, mustRefuse: (shape) => shape.kind !== 'bool' },
  { label: "'1'", make: () => '1', mustRefuse: (shape) => shape.kind !== 'cString' },
  { label: 'Symbol()', make: () => Symbol('hostile'), mustRefuse: always },
  { label: '{}', make: () => ({}), mustRefuse: always },
  { label: '[]', make: () => [], mustRefuse: always },
  { label: '[1, 2, 3, 0]', make: () => [1, 2, 3, 0], mustRefuse: always },
  { label: 'a function', make: () => () => 1, mustRefuse: always },
  { label: 'new Number(1)', make: () => new Number(1), mustRefuse: always },
  { label: 'new Boolean(false)', make: () => new Boolean(false), mustRefuse: always },
  { label: 'new String("x")', make: () => new String('x'), mustRefuse: always },
  { label: 'a Date', make: () => new Date(0), mustRefuse: always },
  { label: 'a Promise', make: () => Promise.resolve(1), mustRefuse: always },
]);

/** Numbers and bigints out of place or out of range. */
const NUMBERS: readonly HostileValue[] = withFamily('numbers', [
  { label: 'NaN', make: () => NaN, mustRefuse: always },
  { label: 'Infinity', make: () => Infinity, mustRefuse: always },
  { label: '-Infinity', make: () => -Infinity, mustRefuse: always },
  { label: '1.5', make: () => 1.5, mustRefuse: (shape) => shape.kind !== 'float' },
  { label: '-0', make: () => -0, mustRefuse: (shape) => !NUMBER_KINDS.includes(shape.kind) },
  {
    label: '-1',
    make: () => -1,
    mustRefuse: (shape) => !isKind('int32', 'float', 'intptr')(shape),
  },
  {
    label: '2^31',
    make: () => 2 ** 31,
    mustRefuse: (shape) => !isKind('uint32', 'float', 'intptr')(shape),
  },
  {
    label: '2^32 (one past the last uint32 handle)',
    make: () => 2 ** 32,
    mustRefuse: (shape) => !isKind('float', 'intptr')(shape),
  },
  {
    label: '-(2^31) - 1',
    make: () => -(2 ** 31) - 1,
    mustRefuse: (shape) => !isKind('float', 'intptr')(shape),
  },
  { label: '2^53', make: () => 2 ** 53, mustRefuse: (shape) => shape.kind !== 'float' },
  { label: '1e39 (beyond float)', make: () => 1e39, mustRefuse: always },
  {
    label: 'Number.MIN_VALUE',
    make: () => Number.MIN_VALUE,
    mustRefuse: (shape) => shape.kind !== 'float',
  },
  { label: '0n', make: () => 0n, mustRefuse: (shape) => !isKind('uint64', 'intptr')(shape) },
  { label: '1n', make: () => 1n, mustRefuse: (shape) => !isKind('uint64', 'intptr')(shape) },
  { label: '-1n', make: () => -1n, mustRefuse: (shape) => shape.kind !== 'intptr' },
  { label: '2n^63n', make: () => 2n ** 63n, mustRefuse: (shape) => shape.kind !== 'uint64' },
  { label: '2n^64n', make: () => 2n ** 64n, mustRefuse: always },
  {
    label: '0xdeadbeefn',
    make: () => 0xdeadbeefn,
    mustRefuse: (shape) => !isKind('uint64', 'intptr')(shape),
  },
]);

/** Buffers: short, long, detached, shared, resizable, from another realm, with a lying length. */
const BUFFERS: readonly HostileValue[] = withFamily('buffers', [
  {
    label: 'an empty Uint8Array',
    make: () => offHeapBytes(0),
    mustRefuse: (shape) => shape.kind !== 'buffer' || shape.minimum > 0,
  },
  {
    label: 'a detached Uint8Array',
    make: () => detached(4096),
    mustRefuse: (shape) => shape.kind !== 'buffer' || shape.minimum > 0,
  },
  {
    label: 'a Uint8Array 1 MiB long',
    make: () => offHeapBytes(1 << 20, 0),
    mustRefuse: (shape) => shape.kind !== 'buffer' && shape.kind !== 'cString',
  },
  {
    label: 'an ArrayBuffer (not a view)',
    make: () => new ArrayBuffer(4096),
    mustRefuse: always,
  },
  {
    label: 'a DataView of 4096 bytes',
    make: () => new DataView(new ArrayBuffer(4096)),
    mustRefuse: always,
  },
  {
    label: 'an Int8Array of 4096 bytes',
    make: () => new Int8Array(new ArrayBuffer(4096)),
    mustRefuse: always,
  },
  {
    label: 'a Node Buffer of 4096 zero bytes',
    make: () => Buffer.alloc(4096),
    mustRefuse: (shape) => shape.kind !== 'buffer' && shape.kind !== 'cString',
  },
]);

/**
 * Buffers sized for the parameter they are given to (so made per shape): the ones the binding
 * must refuse (short, spoofed length, the wrong element type) and the legal ones in unusual
 * memory (shared, resizable, another realm, an offset view).
 */
export function buffersFor(shape: ParameterShape): HostileValue[] {
  if (shape.kind !== 'buffer' && shape.kind !== 'typedArray' && shape.kind !== 'cString') return [];
  const needed = neededBytes(shape);
  const values: Omit<HostileValue, 'family'>[] = [
    {
      label: 'shared memory, big enough',
      make: () => legalView(shape, (bytes) => new Uint8Array(new SharedArrayBuffer(bytes))),
      mustRefuse: () => false,
    },
    {
      label: 'a resizable buffer, big enough',
      make: () => legalView(shape, (bytes) => new Uint8Array(resizableBuffer(bytes, bytes * 4))),
      mustRefuse: () => false,
    },
    {
      label: 'a resizable buffer shrunk under a length-tracking view',
      make: () => {
        const buffer = resizableBuffer(Math.max(needed, 1) * 4, needed * 8 + 8);
        const view = new Uint8Array(buffer);
        buffer.resize(Math.max(needed - 1, 0));
        return view;
      },
      mustRefuse: (s) => s.kind !== 'buffer' || s.minimum > 0,
    },
    {
      label: 'another realm, big enough',
      make: () =>
        legalView(shape, (bytes) => vm.runInNewContext(`new Uint8Array(${bytes})`) as Uint8Array),
      mustRefuse: () => false,
    },
    {
      label: 'a view at an offset, big enough',
      make: () =>
        legalView(shape, (bytes) => new Uint8Array(new ArrayBuffer(bytes + 16), 16, bytes)),
      mustRefuse: () => false,
    },
  ];
  if (needed > 0) {
    values.push(
      {
        label: `one byte short (${needed - 1} of ${needed})`,
        make: () =>
          shape.kind === 'typedArray'
            ? ofType(shape, Math.max(shape.minimum - 1, 0))
            : offHeapBytes(needed - 1, 0x41),
        mustRefuse: () => true,
      },
      {
        label: 'short, with an own length property claiming 1 MiB',
        make: () => {
          const view =
            shape.kind === 'typedArray'
              ? ofType(shape, Math.max(shape.minimum - 1, 0))
              : offHeapBytes(needed - 1, 0x41);
          Object.defineProperty(view, 'length', { value: 1 << 20 });
          Object.defineProperty(view, 'byteLength', { value: 1 << 20 });
          return view;
        },
        mustRefuse: () => true,
      },
      {
        label: 'short, of a subclass whose length getter lies',
        make: () => {
          class Lying extends Uint8Array {
            override get length(): number {
              return 1 << 20;
            }
            override get byteLength(): number {
              return 1 << 20;
            }
          }
          return new Lying(new ArrayBuffer(needed - 1));
        },
        mustRefuse: () => true,
      },
    );
  }
  if (shape.kind === 'typedArray') {
    values.push({
      label: `a Uint8Array in place of a ${shape.arrayType ?? 'typed array'}, big enough`,
      make: () => offHeapBytes(Math.max(needed, 1) * 8, 0),
      mustRefuse: () => shape.arrayType !== 'Uint8Array',
    });
  }
  return withFamily('buffers', values);
}

/** The most bytes a C string may have (the binding's MAX_NATIVE_STRING_BYTES). */
const STRING_LIMIT = 1 << 20;

/** Strings: NUL inside, lone surrogates, and strings around the 1 MiB limit. */
const STRINGS: readonly HostileValue[] = withFamily('strings', [
  { label: "''", make: () => '', mustRefuse: (shape) => shape.kind !== 'cString' },
  { label: "'a\\0b' (NUL inside)", make: () => 'a\0b', mustRefuse: always },
  { label: "'\\0'", make: () => '\0', mustRefuse: always },
  {
    label: 'a lone high surrogate',
    make: () => 'x\ud800y',
    mustRefuse: (shape) => shape.kind !== 'cString',
  },
  {
    label: 'a lone low surrogate',
    make: () => '\udc00',
    mustRefuse: (shape) => shape.kind !== 'cString',
  },
  {
    label: 'exactly 1 MiB of ASCII',
    make: () => 'x'.repeat(STRING_LIMIT),
    mustRefuse: (shape) => shape.kind !== 'cString',
  },
  { label: '1 MiB + 1 of ASCII', make: () => 'x'.repeat(STRING_LIMIT + 1), mustRefuse: always },
  {
    label: '1 MiB + 3 bytes of 3-byte characters',
    make: () => '€'.repeat(Math.floor(STRING_LIMIT / 3) + 1),
    mustRefuse: always,
  },
  {
    label: "'🦀' × 300",
    make: () => '🦀'.repeat(300),
    mustRefuse: (shape) => shape.kind !== 'cString',
  },
  {
    label: 'a Uint8Array without a NUL',
    make: () => offHeapBytes(64, 0x41),
    mustRefuse: (shape) => !fitsBuffer(shape, 64),
  },
  {
    label: 'a Uint8Array with a NUL past 1 MiB',
    make: () => {
      const bytes = offHeapBytes(STRING_LIMIT + 2, 0x41);
      bytes[STRING_LIMIT + 1] = 0;
      return bytes;
    },
    mustRefuse: (shape) => shape.kind !== 'buffer',
  },
]);

/** Objects that run code when read or converted: none may be read, converted or trusted. */
const TRAPS: readonly HostileValue[] = withFamily('traps', [
  {
    label: '{ valueOf() { return 1 } }',
    make: () => ({ valueOf: () => 1 }),
    mustRefuse: always,
  },
  {
    label: '{ valueOf() { throw } }',
    make: () => ({
      valueOf: () => {
        throw new Error('valueOf trap ran');
      },
    }),
    mustRefuse: always,
  },
  {
    label: '{ toString() { throw } }',
    make: () => ({
      toString: () => {
        throw new Error('toString trap ran');
      },
    }),
    mustRefuse: always,
  },
  {
    label: '{ [Symbol.toPrimitive]() { throw } }',
    make: () => ({
      [Symbol.toPrimitive]: () => {
        throw new Error('toPrimitive trap ran');
      },
    }),
    mustRefuse: always,
  },
  {
    label: 'a Proxy of a 4096-byte Uint8Array',
    make: () => new Proxy(offHeapBytes(4096, 0), {}),
    mustRefuse: always,
  },
  {
    label: 'a Proxy that throws on every trap',
    make: () =>
      new Proxy(
        {},
        {
          get: () => {
            throw new Error('get trap ran');
          },
          getPrototypeOf: () => {
            throw new Error('getPrototypeOf trap ran');
          },
          has: () => {
            throw new Error('has trap ran');
          },
          ownKeys: () => {
            throw new Error('ownKeys trap ran');
          },
        },
      ),
    mustRefuse: always,
  },
  {
    label: 'a revoked Proxy',
    make: () => {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    },
    mustRefuse: always,
  },
  {
    label: 'a DataView whose constructor and byteLength throw',
    make: () => {
      const view = new DataView(new ArrayBuffer(8));
      Object.defineProperty(view, 'constructor', {
        get: () => {
          throw new Error('constructor trap ran');
        },
      });
      Object.defineProperty(view, 'byteLength', {
        get: () => {
          throw new Error('byteLength trap ran');
        },
      });
      return view;
    },
    mustRefuse: always,
  },
  {
    label: 'a Uint8Array with a throwing indexOf',
    make: () => {
      const bytes = offHeapBytes(64, 0x41);
      Object.defineProperty(bytes, 'indexOf', {
        value: () => {
          throw new Error('indexOf trap ran');
        },
      });
      return bytes;
    },
    mustRefuse: (shape) => !fitsBuffer(shape, 64),
  },
]);

/** The values of `family` to pass to a parameter of `shape`. */
export function hostileValues(family: HostileFamily, shape: ParameterShape): HostileValue[] {
  switch (family) {
    case 'types':
      return [...TYPES];
    case 'numbers':
      return [...NUMBERS];
    case 'buffers':
      return [...BUFFERS, ...buffersFor(shape)];
    case 'strings':
      return [...STRINGS];
    case 'traps':
      return [...TRAPS];
  }
}
