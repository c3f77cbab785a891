import { runInNewContext } from 'node:vm';

import {
  isUint8Array,
  typedArrayBytes,
  typedArrayElements,
  typedArrayIndexOf,
  typedArrayKind,
} from './typed-arrays.js';

describe('isUint8Array', () => {
  it('accepts Uint8Arrays, Buffers and a Uint8Array of another realm', () => {
    expect(isUint8Array(new Uint8Array(1))).toBe(true);
    expect(isUint8Array(Buffer.alloc(1))).toBe(true);
    expect(isUint8Array(runInNewContext('new Uint8Array(4)'))).toBe(true);
  });

  it('refuses other typed arrays and objects that fake the tag', () => {
    expect(isUint8Array(new Uint8ClampedArray(1))).toBe(false);
    expect(isUint8Array(new Int8Array(1))).toBe(false);
    expect(isUint8Array({ [Symbol.toStringTag]: 'Uint8Array', length: 512 })).toBe(false);
    expect(isUint8Array(new Proxy(new Uint8Array(512), {}))).toBe(false);
  });
});

describe('the engine’s measures', () => {
  it('name the kind, or undefined for what is no typed array', () => {
    expect(typedArrayKind(new Uint32Array(1))).toBe('Uint32Array');
    expect(typedArrayKind([1, 2])).toBeUndefined();
  });

  it('cannot be fooled by an own length property', () => {
    const short = new Uint8Array(16);
    Object.defineProperty(short, 'length', { value: 512 });
    expect(short.length).toBe(512);
    expect(typedArrayElements(short)).toBe(16);
    expect(typedArrayBytes(new Uint32Array(3))).toBe(12);
  });

  it('find an element with the prototype’s own indexOf', () => {
    expect(typedArrayIndexOf(Uint8Array.from([5, 0, 7]), 0)).toBe(1);
    expect(typedArrayIndexOf(Uint8Array.from([5, 7]), 0)).toBe(-1);
  });
});
