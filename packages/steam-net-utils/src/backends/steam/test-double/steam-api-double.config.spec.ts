/**
 * Config values through the test double, with the project's table defined in it: Steam's
 * GetConfigValue protocol (the two-call size query, BufferTooSmall, BadValue, BadScopeObj,
 * inheritance), SetConfigValue's conversions and clamping, info and iteration.
 */
import koffi from 'koffi';

import { CONFIG_VALUE_TABLE } from '../../../constants/index.js';
import { encodeConfigValueStruct } from '../native/structs.js';
import { type DoubleFixture, startDouble } from './test-support/double-fixture.js';
import { distrustNativePointer, trustNativePointer } from '../native/trusted-pointers.js';

const TIMEOUT_INITIAL = 24;
const FAKE_PACKET_LOSS_SEND = 2;
const MTU_PACKET_SIZE = 32;
const MTU_DATA_SIZE = 33;
const CONNECTION_USER_DATA = 40;
const STUN_SERVER_LIST = 103;
const GLOBAL = 1;
const CONNECTION = 4;
const INT32 = 1;
const INT64 = 2;
const FLOAT = 3;
const STRING = 4;
const PTR = 5;

let f: DoubleFixture;
beforeEach(() => {
  f = startDouble();
});
afterEach(() => {
  f.api.unload();
});

/** GetConfigValue with Steam's two-call protocol: size first, then the value. */
function read(
  configValue: number,
  scope = GLOBAL,
  object: number | bigint = 0,
): { result: number; type: number; bytes: Uint8Array } {
  const type = Int32Array.of(-99);
  const size = new BigUint64Array(1);
  const first = f.api.GetConfigValue(f.self, configValue, scope, object, type, null, size);
  if (first !== -3) return { result: first, type: type[0]!, bytes: new Uint8Array(0) };
  const bytes = new Uint8Array(Number(size[0]));
  const result = f.api.GetConfigValue(f.self, configValue, scope, object, type, bytes, size);
  return { result, type: type[0]!, bytes };
}

function int32(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset).getInt32(0, true);
}

function float(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset).getFloat32(0, true);
}

function arg(dataType: number, value: number | bigint | string): Uint8Array {
  if (dataType === STRING) return new TextEncoder().encode(`${String(value)}\0`);
  const bytes = new Uint8Array(dataType === INT64 || dataType === PTR ? 8 : 4);
  const view = new DataView(bytes.buffer);
  if (dataType === INT32) view.setInt32(0, value as number, true);
  else if (dataType === FLOAT) view.setFloat32(0, value as number, true);
  else view.setBigInt64(0, value as bigint, true);
  return bytes;
}

describe('GetConfigValueInfo', () => {
  it("names every listed value of the project's table with its type and scope", () => {
    for (const entry of CONFIG_VALUE_TABLE) {
      if (!entry.listed || entry.windowsOnly) continue;
      const type = new Int32Array(1);
      const scope = new Int32Array(1);
      const name = f.api.GetConfigValueInfo(f.self, entry.id, type, scope);
      expect({ id: entry.id, name, type: type[0], scope: scope[0] }).toEqual({
        id: entry.id,
        name: entry.steamName,
        type: entry.dataType,
        scope: entry.scope,
      });
    }
  });

  it.each([0, 1, 35, 12345, -5, MTU_DATA_SIZE])(
    'answers %p with NULL and leaves the outputs alone',
    (id) => {
      const type = Int32Array.of(7);
      const scope = Int32Array.of(7);
      expect(f.api.GetConfigValueInfo(f.self, id, type, scope)).toBeNull();
      expect([type[0], scope[0]]).toEqual([7, 7]);
    },
  );
});

describe('GetConfigValue', () => {
  it('answers a size query (no buffer) with BufferTooSmall and the size, then the value', () => {
    const type = new Int32Array(1);
    const size = new BigUint64Array(1);
    expect(f.api.GetConfigValue(f.self, TIMEOUT_INITIAL, GLOBAL, 0, type, null, size)).toBe(-3);
    expect([type[0], size[0]]).toEqual([INT32, 4n]);
    const bytes = new Uint8Array(4);
    expect(f.api.GetConfigValue(f.self, TIMEOUT_INITIAL, GLOBAL, 0, type, bytes, size)).toBe(1);
    expect(int32(bytes)).toBe(10000);
  });

  it('answers a buffer that is too small with BufferTooSmall and writes nothing into it', () => {
    f.api.SetGlobalConfigValueString(f.self, STUN_SERVER_LIST, 'stun.example.org:3478');
    const bytes = new Uint8Array(8).fill(0xee);
    const size = BigUint64Array.of(8n);
    expect(f.api.GetConfigValue(f.self, STUN_SERVER_LIST, GLOBAL, 0, null, bytes, size)).toBe(-3);
    expect(size[0]).toBe(22n);
    expect(bytes.every((b) => b === 0xee)).toBe(true);
  });

  it('answers an unknown value with BadValue, touching neither output', () => {
    const type = Int32Array.of(-99);
    const size = BigUint64Array.of(0n);
    expect(f.api.GetConfigValue(f.self, 12345, GLOBAL, 0, type, null, size)).toBe(-1);
    expect([type[0], size[0]]).toEqual([-99, 0n]);
  });

  it('reads an int64 default (ConnectionUserData: -1)', () => {
    const { result, type, bytes } = read(CONNECTION_USER_DATA);
    expect([result, type]).toEqual([1, INT64]);
    expect(new DataView(bytes.buffer).getBigInt64(0, true)).toBe(-1n);
  });

  it('reads a string value NUL-terminated', () => {
    f.api.SetGlobalConfigValueString(f.self, STUN_SERVER_LIST, 'stun.example.org');
    expect(read(STUN_SERVER_LIST)).toEqual({
      result: 1,
      type: STRING,
      bytes: new TextEncoder().encode('stun.example.org\0'),
    });
  });

  it('computes the read-only MTU_DataSize from MTU_PacketSize without writing the type', () => {
    expect(int32(read(MTU_DATA_SIZE).bytes)).toBe(1200);
    expect(read(MTU_DATA_SIZE).type).toBe(-99);
    f.api.SetGlobalConfigValueInt32(f.self, MTU_PACKET_SIZE, 1000);
    expect(int32(read(MTU_DATA_SIZE).bytes)).toBe(900);
    expect(f.api.SetGlobalConfigValueInt32(f.self, MTU_DATA_SIZE, 5)).toBe(false);
  });

  it('answers a scripted BufferTooSmall on the first call, then the model answers', () => {
    f.double.script('GetConfigValue', { returns: -3, bytes: new Uint8Array(4), aux: INT32 });
    const size = new BigUint64Array(1);
    const bytes = new Uint8Array(4);
    expect(f.api.GetConfigValue(f.self, TIMEOUT_INITIAL, GLOBAL, 0, null, null, size)).toBe(-3);
    expect(size[0]).toBe(4n);
    expect(f.api.GetConfigValue(f.self, TIMEOUT_INITIAL, GLOBAL, 0, null, bytes, size)).toBe(1);
    expect(int32(bytes)).toBe(10000);
  });
});

describe('connection scope', () => {
  it('answers a connection that does not exist with BadScopeObj and a size of 0', () => {
    const size = BigUint64Array.of(4n);
    expect(
      f.api.GetConfigValue(
        f.self,
        TIMEOUT_INITIAL,
        CONNECTION,
        0xdeadbeef,
        null,
        new Uint8Array(4),
        size,
      ),
    ).toBe(-2);
    expect(size[0]).toBe(0n);
    expect(f.api.SetConnectionConfigValueInt32(f.self, 0xdeadbeef, TIMEOUT_INITIAL, 5)).toBe(false);
  });

  it('inherits the global value until the connection sets its own, and again once it is cleared', () => {
    const connection = f.double.openConnection();
    expect(read(TIMEOUT_INITIAL, CONNECTION, connection).result).toBe(2);
    expect(f.api.SetConnectionConfigValueInt32(f.self, connection, TIMEOUT_INITIAL, 777)).toBe(
      true,
    );
    expect(read(TIMEOUT_INITIAL, CONNECTION, connection)).toMatchObject({ result: 1 });
    expect(int32(read(TIMEOUT_INITIAL, CONNECTION, connection).bytes)).toBe(777);
    expect(int32(read(TIMEOUT_INITIAL).bytes)).toBe(10000);
    expect(f.api.SetConfigValue(f.self, TIMEOUT_INITIAL, CONNECTION, connection, INT32, null)).toBe(
      true,
    );
    expect(read(TIMEOUT_INITIAL, CONNECTION, connection).result).toBe(2);
  });

  it('refuses a global-only value at connection scope', () => {
    const connection = f.double.openConnection();
    expect(f.api.SetConnectionConfigValueFloat(f.self, connection, FAKE_PACKET_LOSS_SEND, 1)).toBe(
      false,
    );
    expect(read(FAKE_PACKET_LOSS_SEND, CONNECTION, connection).result).toBe(-2);
  });

  it('forgets a closed connection', () => {
    const connection = f.double.openConnection();
    expect(f.double.closeConnection(connection)).toBe(true);
    expect(read(TIMEOUT_INITIAL, CONNECTION, connection).result).toBe(-2);
  });
});

describe('SetConfigValue', () => {
  it('sets and clamps int32 and float values silently', () => {
    expect(f.api.SetGlobalConfigValueInt32(f.self, TIMEOUT_INITIAL, -5)).toBe(true);
    expect(int32(read(TIMEOUT_INITIAL).bytes)).toBe(0);
    expect(f.api.SetGlobalConfigValueFloat(f.self, FAKE_PACKET_LOSS_SEND, 12.5)).toBe(true);
    expect(float(read(FAKE_PACKET_LOSS_SEND).bytes)).toBe(12.5);
    expect(f.api.SetGlobalConfigValueFloat(f.self, FAKE_PACKET_LOSS_SEND, 150)).toBe(true);
    expect(float(read(FAKE_PACKET_LOSS_SEND).bytes)).toBe(100);
  });

  it.each([
    ['a float, rounded half up', FLOAT, 12.5, true, 13],
    ['a numeric string', STRING, '42', true, 42],
    ['an int64 that fits', INT64, 7n, true, 7],
    ['an int64 that does not fit', INT64, 2n ** 40n, false, 10000],
    ['a string that is not a number', STRING, 'abc', false, 10000],
    ['a pointer', PTR, 1n, false, 10000],
  ] as const)(
    'converts %s into an int32 value (or refuses)',
    (_what, dataType, value, accepted, after) => {
      // A pointer reaches the double only if the binding trusts it (it would be called through).
      if (dataType === PTR) trustNativePointer(value);
      try {
        expect(
          f.api.SetConfigValue(f.self, TIMEOUT_INITIAL, GLOBAL, 0, dataType, arg(dataType, value)),
        ).toBe(accepted);
      } finally {
        if (dataType === PTR) distrustNativePointer(value);
      }
      expect(int32(read(TIMEOUT_INITIAL).bytes)).toBe(after);
    },
  );

  it('converts a number into a string value', () => {
    f.api.SetGlobalConfigValueInt32(f.self, STUN_SERVER_LIST, 3478);
    expect(new TextDecoder().decode(read(STUN_SERVER_LIST).bytes)).toBe('3478\0');
  });

  it('resets a global value to its default with a NULL argument', () => {
    f.api.SetGlobalConfigValueInt32(f.self, TIMEOUT_INITIAL, 5);
    expect(f.api.SetConfigValue(f.self, TIMEOUT_INITIAL, GLOBAL, 0, INT32, null)).toBe(true);
    expect(int32(read(TIMEOUT_INITIAL).bytes)).toBe(10000);
  });

  it('refuses an unknown value and an unknown scope', () => {
    expect(f.api.SetGlobalConfigValueInt32(f.self, 12345, 1)).toBe(false);
    expect(f.api.SetConfigValue(f.self, TIMEOUT_INITIAL, 9, 0, INT32, arg(INT32, 1))).toBe(false);
  });

  it('takes a SteamNetworkingConfigValue_t; the binding refuses a string one (a raw address)', () => {
    expect(
      f.api.SetConfigValueStruct(
        f.self,
        encodeConfigValueStruct(TIMEOUT_INITIAL, INT32, 4321),
        GLOBAL,
        0,
      ),
    ).toBe(true);
    expect(int32(read(TIMEOUT_INITIAL).bytes)).toBe(4321);
    const text = Buffer.from('turn.example.org\0');
    const option = encodeConfigValueStruct(STUN_SERVER_LIST, STRING, koffi.address(text));
    expect(() => f.api.SetConfigValueStruct(f.self, option, GLOBAL, 0)).toThrow(
      /opt must not carry a String/,
    );
    const untrusted = encodeConfigValueStruct(TIMEOUT_INITIAL, PTR, 0x1234n);
    expect(() => f.api.SetConfigValueStruct(f.self, untrusted, GLOBAL, 0)).toThrow(
      /opt must hold NULL or a callback Relaylane registered/,
    );
    expect(int32(read(TIMEOUT_INITIAL).bytes)).toBe(4321);
  });

  it('answers a scripted refusal without setting anything', () => {
    f.double.script('SetGlobalConfigValueInt32', { returns: false });
    expect(f.api.SetGlobalConfigValueInt32(f.self, TIMEOUT_INITIAL, 5)).toBe(false);
    expect(int32(read(TIMEOUT_INITIAL).bytes)).toBe(10000);
  });
});

describe('IterateGenericEditableConfigValues', () => {
  function walk(dev: boolean): number[] {
    const ids: number[] = [];
    for (
      let id = f.api.IterateGenericEditableConfigValues(f.self, 0, dev);
      id !== 0 && ids.length < 500;
    ) {
      ids.push(id);
      id = f.api.IterateGenericEditableConfigValues(f.self, id, dev);
    }
    return ids;
  }

  it("walks the table's generic editable values in id order, dev values only when asked", () => {
    const expected = (dev: boolean): number[] =>
      CONFIG_VALUE_TABLE.filter(
        (e) =>
          e.genericEditable &&
          e.listed &&
          !e.windowsOnly &&
          e.dataType !== PTR &&
          (dev || !e.devOnly),
      ).map((e) => e.id);
    expect(walk(false)).toEqual(expected(false));
    expect(walk(true)).toEqual(expected(true));
    expect(walk(true).length).toBeGreaterThan(walk(false).length);
  });

  it('ends after a value that is not in the table', () => {
    expect(f.api.IterateGenericEditableConfigValues(f.self, 12345, true)).toBe(0);
    expect(f.api.IterateGenericEditableConfigValues(f.self, MTU_DATA_SIZE, true)).toBe(0);
  });

  it('is empty with an empty table', () => {
    f.double.reset({ configTable: false });
    f.api.InitFlat(null);
    expect(f.api.IterateGenericEditableConfigValues(f.double.interfaceAddress, 0, true)).toBe(0);
  });
});
