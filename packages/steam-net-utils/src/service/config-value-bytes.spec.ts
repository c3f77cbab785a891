import {
  NETWORKING_CONFIG_TYPE_FLOAT,
  NETWORKING_CONFIG_TYPE_FUNCTION_PTR,
  NETWORKING_CONFIG_TYPE_INT32,
  NETWORKING_CONFIG_TYPE_INT64,
  NETWORKING_CONFIG_TYPE_STRING,
} from '../constants/index.js';
import { readConfigValueBytes } from './config-value-bytes.js';

function littleEndian(write: (view: DataView) => void, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  write(new DataView(bytes.buffer));
  return bytes;
}

describe('readConfigValueBytes', () => {
  it('reads a little-endian int32', () => {
    const bytes = littleEndian((view) => view.setInt32(0, -123456, true), 4);
    expect(readConfigValueBytes(NETWORKING_CONFIG_TYPE_INT32, bytes)).toBe(-123456);
  });

  it('reads the exact value of a little-endian float32', () => {
    const bytes = littleEndian((view) => view.setFloat32(0, 0.1, true), 4);
    expect(readConfigValueBytes(NETWORKING_CONFIG_TYPE_FLOAT, bytes)).toBe(Math.fround(0.1));
  });

  it('reads a little-endian int64 as a bigint', () => {
    const bytes = littleEndian((view) => view.setBigInt64(0, -(2n ** 62n), true), 8);
    expect(readConfigValueBytes(NETWORKING_CONFIG_TYPE_INT64, bytes)).toBe(-(2n ** 62n));
  });

  it('reads a string up to its NUL terminator, as UTF-8', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('Zürich'), 0, 0x41]);
    expect(readConfigValueBytes(NETWORKING_CONFIG_TYPE_STRING, bytes)).toBe('Zürich');
  });

  it('reads a string with no terminator to its end, invalid UTF-8 as U+FFFD', () => {
    expect(readConfigValueBytes(NETWORKING_CONFIG_TYPE_STRING, Uint8Array.from([0x61, 0xff]))).toBe(
      'a\ufffd',
    );
  });

  it('reads from a view at an offset into a larger buffer', () => {
    const big = new Uint8Array(12);
    new DataView(big.buffer).setInt32(8, 77, true);
    expect(readConfigValueBytes(NETWORKING_CONFIG_TYPE_INT32, big.subarray(8))).toBe(77);
  });

  it.each([
    [NETWORKING_CONFIG_TYPE_INT32, 3],
    [NETWORKING_CONFIG_TYPE_FLOAT, 0],
    [NETWORKING_CONFIG_TYPE_INT64, 7],
  ])('returns null for type %p with only %p bytes', (dataType, length) => {
    expect(readConfigValueBytes(dataType, new Uint8Array(length))).toBeNull();
  });

  it.each([NETWORKING_CONFIG_TYPE_FUNCTION_PTR, 0, 99])(
    'returns null for data type %p',
    (dataType) => {
      expect(readConfigValueBytes(dataType, new Uint8Array(8))).toBeNull();
    },
  );
});
