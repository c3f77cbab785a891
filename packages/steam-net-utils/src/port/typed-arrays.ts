/**
 * Typed arrays as the engine knows them: the `%TypedArray%.prototype` getters, read once at load
 * (before any caller code could replace them on the prototype) and called on the value. An own
 * `length` property or a subclass overriding it cannot make a 16-byte array pass for a 512-byte
 * one, and an array from another realm (an iframe, jsdom, a `vm` context) is recognised like a
 * local one, which `instanceof` would not do. The service's argument checks and the Steam
 * binding's checks before native code both measure with these.
 */

const TYPED_ARRAY_PROTOTYPE = Object.getPrototypeOf(Uint8Array.prototype) as object;

function intrinsic<T>(key: PropertyKey, part: 'get' | 'value'): T {
  const found = Object.getOwnPropertyDescriptor(TYPED_ARRAY_PROTOTYPE, key)?.[part] as
    T | undefined;
  if (found === undefined) {
    throw new Error(
      `%TypedArray%.prototype has no ${String(key)} (${part}): not a JavaScript engine Relaylane supports`,
    );
  }
  return found;
}

const tag = intrinsic<(this: unknown) => string | undefined>(Symbol.toStringTag, 'get');
const length = intrinsic<(this: ArrayBufferView) => number>('length', 'get');
const byteLength = intrinsic<(this: ArrayBufferView) => number>('byteLength', 'get');
const indexOf = intrinsic<(this: ArrayBufferView, value: number) => number>('indexOf', 'value');

/**
 * The typed array kind of `value` (`'Uint8Array'`, `'Uint32Array'`... also for a subclass such as
 * Node's Buffer, and for an array from another realm), or undefined when it is no typed array.
 */
export function typedArrayKind(value: unknown): string | undefined {
  return tag.call(value);
}

/** True when `value` is a `Uint8Array` (from any realm, subclasses included). */
export function isUint8Array(value: unknown): value is Uint8Array {
  return tag.call(value) === 'Uint8Array';
}

/** The element count of a typed array, as the engine knows it (own properties cannot change it). */
export function typedArrayElements(view: ArrayBufferView): number {
  return length.call(view);
}

/** The size in bytes of a typed array, as the engine knows it (own properties cannot change it). */
export function typedArrayBytes(view: ArrayBufferView): number {
  return byteLength.call(view);
}

/** The index of the first element equal to `value`, or -1 (the prototype's own `indexOf`). */
export function typedArrayIndexOf(view: ArrayBufferView, value: number): number {
  return indexOf.call(view, value);
}
