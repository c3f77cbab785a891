import koffi from 'koffi';

import { copyNativeBytes, MAX_NATIVE_COPY_BYTES } from './native-memory.js';

describe('copyNativeBytes', () => {
  it('copies native memory into an independent array', () => {
    const memory = koffi.alloc('uint8_t', 4);
    try {
      koffi.encode(memory, koffi.array('uint8_t', 4), [1, 2, 3, 4]);
      const copy = copyNativeBytes(memory, 4);
      koffi.encode(memory, koffi.array('uint8_t', 4), [9, 9, 9, 9]);
      expect([...copy]).toEqual([1, 2, 3, 4]);
    } finally {
      koffi.free(memory);
    }
  });

  it('copies nothing for size 0', () => {
    expect(copyNativeBytes(0x1000n, 0)).toEqual(new Uint8Array(0));
  });

  it.each([
    ['a null pointer', null, 4, TypeError],
    ['a number pointer', 4096, 4, TypeError],
    ['a zero pointer', 0n, 4, TypeError],
    ['a negative size', 0x1000n, -1, RangeError],
    ['a size beyond the limit', 0x1000n, MAX_NATIVE_COPY_BYTES + 1, RangeError],
  ])('refuses %s', (_what, pointer, size, kind) => {
    expect(() => copyNativeBytes(pointer as bigint, size)).toThrow(kind);
  });
});
