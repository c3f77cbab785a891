/**
 * Copying native memory into JavaScript. A struct Steam hands over (a manual-dispatch callback, a
 * global callback's argument) lives only until it is freed or the callback returns, so it is
 * copied at once and decoded from the copy. `koffi.view` is not used: Electron forbids external
 * buffers, and a view would see the memory change after it is freed.
 */
import koffi from 'koffi';

import { type NativePointer } from './steam-api.js';

/** The largest struct this copies: a bigger size is a corrupt length, not a struct. */
export const MAX_NATIVE_COPY_BYTES = 1 << 16;

/**
 * A fresh copy of `size` bytes at `pointer`.
 *
 * @throws TypeError when `pointer` is not a non-null pointer (bigint); RangeError when `size` is
 *   not an integer from 0 to {@link MAX_NATIVE_COPY_BYTES}. The caller must know that `size` bytes
 *   are readable there: the copy itself cannot be checked.
 */
export function copyNativeBytes(pointer: NativePointer, size: number): Uint8Array {
  if (typeof pointer !== 'bigint' || pointer === 0n) {
    throw new TypeError(
      `copyNativeBytes: pointer must be a non-null native pointer, got ${String(pointer)}`,
    );
  }
  if (!Number.isInteger(size) || size < 0 || size > MAX_NATIVE_COPY_BYTES) {
    throw new RangeError(
      `copyNativeBytes: size must be an integer from 0 to ${MAX_NATIVE_COPY_BYTES}, got ${size}`,
    );
  }
  if (size === 0) {
    return new Uint8Array(0);
  }
  const copy = koffi.decode(pointer, 'uint8_t', size) as Uint8Array;
  // koffi returns a new typed array over its own buffer; slice() makes the independence explicit
  // should a future koffi return a view instead.
  return copy.slice();
}
