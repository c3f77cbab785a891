import {
  CONFIG_VALUE_TABLE,
  NETWORKING_CONFIG_CALLBACK_AUTH_STATUS_CHANGED,
  NETWORKING_CONFIG_CALLBACK_CONNECTION_STATUS_CHANGED,
  NETWORKING_CONFIG_CONNECTION_USER_DATA,
  NETWORKING_CONFIG_DUAL_WIFI_ENABLE,
  NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND,
  NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND,
  NETWORKING_CONFIG_LOG_LEVEL_MESSAGE,
  NETWORKING_CONFIG_MTU_DATA_SIZE,
  NETWORKING_CONFIG_MTU_PACKET_SIZE,
  NETWORKING_CONFIG_SCOPE_CONNECTION as CONNECTION,
  NETWORKING_CONFIG_SCOPE_FORCE_32BIT,
  NETWORKING_CONFIG_SCOPE_GLOBAL as GLOBAL,
  NETWORKING_CONFIG_SCOPE_LISTEN_SOCKET as LISTEN_SOCKET,
  NETWORKING_CONFIG_SCOPE_SOCKETS_INTERFACE as SOCKETS_INTERFACE,
  NETWORKING_CONFIG_SDR_CLIENT_CONSEC_PING_TIMEOUT_FAIL,
  NETWORKING_CONFIG_SDR_CLIENT_CONSEC_PING_TIMEOUT_FAIL_INITIAL,
  NETWORKING_CONFIG_SDR_CLIENT_FAKE_CLUSTER_PING,
  NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
  NETWORKING_CONFIG_SDR_CLIENT_LIMIT_PING_PROBES_TO_NEAREST_N,
  NETWORKING_CONFIG_SDR_CLIENT_MIN_PINGS_BEFORE_PING_ACCURATE,
  NETWORKING_CONFIG_SEND_BUFFER_SIZE,
  NETWORKING_CONFIG_SYMMETRIC_CONNECT,
  NETWORKING_CONFIG_TIMEOUT_INITIAL,
  NETWORKING_CONFIG_TYPE_FLOAT as FLOAT,
  NETWORKING_CONFIG_TYPE_FUNCTION_PTR as PTR,
  NETWORKING_CONFIG_TYPE_INT32 as INT32,
  NETWORKING_CONFIG_TYPE_INT64 as INT64,
  NETWORKING_CONFIG_TYPE_STRING as STRING,
  NETWORKING_GET_CONFIG_VALUE_BAD_SCOPE_OBJ as BAD_SCOPE_OBJ,
  NETWORKING_GET_CONFIG_VALUE_BAD_VALUE as BAD_VALUE,
  NETWORKING_GET_CONFIG_VALUE_BUFFER_TOO_SMALL as BUFFER_TOO_SMALL,
  NETWORKING_GET_CONFIG_VALUE_OK as OK,
  NETWORKING_GET_CONFIG_VALUE_OK_INHERITED as OK_INHERITED,
} from '../constants/index.js';
import { decodeConfigValueBytes, MAX_CONFIG_STRING_BYTES } from '../port/config-value-bytes.js';
import { ConfigStore } from './config-store.js';

/** The decoded value a `get` returns (throws if the bytes do not decode, so tests fail loudly). */
function valueOf(store: ConfigStore, id: number, scope = GLOBAL, object = 0) {
  const read = store.get(id, scope, object);
  const type = id === NETWORKING_CONFIG_MTU_DATA_SIZE ? INT32 : read.dataType;
  const value = decodeConfigValueBytes(type, read.bytes);
  if (value === undefined) throw new Error(`get(${id}) gave result ${read.result}, no value`);
  return value;
}

describe('ConfigStore.set: failures change nothing', () => {
  it.each<[string, number, number | bigint | string | null]>([
    ['an int32', INT32, 1000],
    ['a string', STRING, '1000'],
    ['null', INT32, null],
  ])('refuses to set the read-only MTU_DataSize with %s', (_label, dataType, value) => {
    const store = new ConfigStore();
    expect(store.set(NETWORKING_CONFIG_MTU_DATA_SIZE, GLOBAL, 0, dataType, value)).toBe(false);
    expect(valueOf(store, NETWORKING_CONFIG_MTU_DATA_SIZE)).toBe(1200);
    expect(store.revision).toBe(0);
  });

  it.each<[string, number]>([
    ['INVALID', 0],
    ['the unused id 1', 1],
    ['the deleted id 35', 35],
    ['an unknown id', 5000],
    ['a negative id', -4],
    ['NaN', NaN],
  ])('refuses the unknown value %s, even with null', (_label, id) => {
    const store = new ConfigStore();
    expect(store.set(id, GLOBAL, 0, INT32, 1)).toBe(false);
    expect(store.set(id, GLOBAL, 0, INT32, null)).toBe(false);
    expect(store.revision).toBe(0);
  });

  it('refuses the Windows-only values in a non-Windows client', () => {
    const store = new ConfigStore({ windowsOnlyValues: false });
    expect(store.set(NETWORKING_CONFIG_DUAL_WIFI_ENABLE, GLOBAL, 0, INT32, 0)).toBe(false);
    expect(new ConfigStore().set(NETWORKING_CONFIG_DUAL_WIFI_ENABLE, GLOBAL, 0, INT32, 0)).toBe(
      true,
    );
  });

  it('refuses an argument it cannot convert and keeps the old value', () => {
    const store = new ConfigStore();
    expect(store.set(NETWORKING_CONFIG_TIMEOUT_INITIAL, GLOBAL, 0, STRING, 'soon')).toBe(false);
    expect(store.set(NETWORKING_CONFIG_TIMEOUT_INITIAL, GLOBAL, 0, INT64, 2n ** 40n)).toBe(false);
    expect(store.set(NETWORKING_CONFIG_TIMEOUT_INITIAL, GLOBAL, 0, PTR, 0n)).toBe(false);
    expect(store.set(NETWORKING_CONFIG_TIMEOUT_INITIAL, GLOBAL, 0, 99, 5)).toBe(false);
    expect(valueOf(store, NETWORKING_CONFIG_TIMEOUT_INITIAL)).toBe(10000);
    expect(store.revision).toBe(0);
  });

  it(`refuses a string argument longer than ${MAX_CONFIG_STRING_BYTES} UTF-8 bytes`, () => {
    const store = new ConfigStore();
    const id = NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER;
    expect(store.set(id, GLOBAL, 0, STRING, 'x'.repeat(MAX_CONFIG_STRING_BYTES + 1))).toBe(false);
    expect(store.set(id, GLOBAL, 0, STRING, 'x'.repeat(MAX_CONFIG_STRING_BYTES))).toBe(true);
    expect(store.get(id, GLOBAL, 0).bytes).toHaveLength(MAX_CONFIG_STRING_BYTES + 1);
  });
});

describe('ConfigStore.set: conversion and silent clamping', () => {
  it.each<[string, number, number, number | bigint | string, number | bigint | string]>([
    [
      'an int32 value from a float, by floor(x + .5)',
      NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND,
      FLOAT,
      99.5,
      100,
    ],
    [
      'an int32 value from a string, by %d',
      NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND,
      STRING,
      ' 250ms',
      250,
    ],
    [
      'an int32 value from an int64 that fits',
      NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND,
      INT64,
      42n,
      42,
    ],
    ['a float value from an int32', NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND, INT32, 7, 7],
    [
      'a float value from a string, by %f',
      NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND,
      STRING,
      '2.5%',
      2.5,
    ],
    [
      'a string value from an int32, by %d',
      NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
      INT32,
      -3,
      '-3',
    ],
    [
      'a string value from a float, by %g',
      NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
      FLOAT,
      0.25,
      '0.25',
    ],
    [
      'a string value from an int64, by %lld',
      NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
      INT64,
      -(2n ** 63n),
      '-9223372036854775808',
    ],
    [
      'an int64 value from a string, by %lld',
      NETWORKING_CONFIG_CONNECTION_USER_DATA,
      STRING,
      '12345678901',
      12345678901n,
    ],
    ['an int64 value from a float', NETWORKING_CONFIG_CONNECTION_USER_DATA, FLOAT, -1.5, -1n],
  ])('sets %s', (_label, id, dataType, argument, expected) => {
    const store = new ConfigStore();
    expect(store.set(id, GLOBAL, 0, dataType, argument)).toBe(true);
    expect(valueOf(store, id)).toBe(expected);
  });

  it.each<[string, number, number, number | string, number]>([
    ['an int32 below its minimum', NETWORKING_CONFIG_TIMEOUT_INITIAL, INT32, -5, 0],
    ['an int32 above its maximum', NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND, INT32, 999999, 5000],
    ['a float above its maximum', NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND, FLOAT, 150, 100],
    ['a float below its minimum', NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND, FLOAT, -0.5, 0],
    [
      'a converted string above the maximum',
      NETWORKING_CONFIG_MTU_PACKET_SIZE,
      STRING,
      '99999',
      1300,
    ],
    [
      'a float too large for an int32, which becomes INT32_MIN and then the minimum',
      NETWORKING_CONFIG_SEND_BUFFER_SIZE,
      FLOAT,
      1e10,
      4096,
    ],
    [
      'a %d overflow, whose low 32 bits are negative, to the minimum',
      NETWORKING_CONFIG_TIMEOUT_INITIAL,
      STRING,
      '2147483648',
      0,
    ],
  ])('clamps %s and still returns true', (_label, id, dataType, argument, expected) => {
    const store = new ConfigStore();
    expect(store.set(id, GLOBAL, 0, dataType, argument)).toBe(true);
    expect(valueOf(store, id)).toBe(expected);
  });

  it('lets a NaN float through the clamp, as Steam comparisons do', () => {
    const store = new ConfigStore();
    expect(store.set(NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND, GLOBAL, 0, STRING, 'nan')).toBe(true);
    expect(store.effectiveFloat(NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND)).toBeNaN();
  });

  it('counts every successful set in revision, and nothing else', () => {
    const store = new ConfigStore();
    const connection = store.openConnection();
    store.set(NETWORKING_CONFIG_TIMEOUT_INITIAL, GLOBAL, 0, INT32, 1);
    store.set(NETWORKING_CONFIG_TIMEOUT_INITIAL, GLOBAL, 0, INT32, 1); // same value: still a set
    store.set(NETWORKING_CONFIG_TIMEOUT_INITIAL, CONNECTION, connection, INT32, null);
    store.set(NETWORKING_CONFIG_TIMEOUT_INITIAL, CONNECTION, 999, INT32, 1); // fails
    store.get(NETWORKING_CONFIG_TIMEOUT_INITIAL, GLOBAL, 0);
    store.closeConnection(connection);
    expect(store.revision).toBe(3);
  });
});

describe('ConfigStore scopes', () => {
  it('sets a global-only value at global scope, ignoring the scope object', () => {
    const store = new ConfigStore();
    expect(store.set(NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND, GLOBAL, 12345, INT32, 80)).toBe(true);
    expect(store.get(NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND, GLOBAL, -7).result).toBe(OK);
    expect(valueOf(store, NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND)).toBe(80);
  });

  it('sets the default of a connection value at global scope: connections inherit it', () => {
    const store = new ConfigStore();
    const connection = store.openConnection();
    expect(store.set(NETWORKING_CONFIG_TIMEOUT_INITIAL, GLOBAL, 0, INT32, 3000)).toBe(true);
    expect(valueOf(store, NETWORKING_CONFIG_TIMEOUT_INITIAL, CONNECTION, connection)).toBe(3000);
  });

  it('refuses a global-only value at connection scope (set false, get BAD_SCOPE_OBJ)', () => {
    const store = new ConfigStore();
    const connection = store.openConnection();
    expect(
      store.set(NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND, CONNECTION, connection, INT32, 10),
    ).toBe(false);
    expect(store.get(NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND, CONNECTION, connection).result).toBe(
      BAD_SCOPE_OBJ,
    );
  });

  it.each<[string, (store: ConfigStore) => number]>([
    ['0', () => 0],
    ['a handle never opened', () => 4242],
    [
      'a closed handle',
      (store) => {
        const handle = store.openConnection();
        store.closeConnection(handle);
        return handle;
      },
    ],
  ])('refuses connection scope with %s', (_label, handleOf) => {
    const store = new ConfigStore();
    const handle = handleOf(store);
    expect(store.set(NETWORKING_CONFIG_TIMEOUT_INITIAL, CONNECTION, handle, INT32, 10)).toBe(false);
    expect(store.get(NETWORKING_CONFIG_TIMEOUT_INITIAL, CONNECTION, handle).result).toBe(
      BAD_SCOPE_OBJ,
    );
  });

  it.each<[string, number]>([
    ['SOCKETS_INTERFACE (no interface objects in the simulation)', SOCKETS_INTERFACE],
    ['LISTEN_SOCKET (no listen sockets in the simulation)', LISTEN_SOCKET],
    ['0', 0],
    ['5', 5],
    ['FORCE_32BIT', NETWORKING_CONFIG_SCOPE_FORCE_32BIT],
  ])('never resolves the scope %s', (_label, scope) => {
    const store = new ConfigStore();
    const connection = store.openConnection();
    for (const object of [0, 1, connection]) {
      expect(store.set(NETWORKING_CONFIG_TIMEOUT_INITIAL, scope, object, INT32, 10)).toBe(false);
      expect(store.get(NETWORKING_CONFIG_TIMEOUT_INITIAL, scope, object).result).toBe(
        BAD_SCOPE_OBJ,
      );
    }
  });

  it('does not lock values once a connection exists (simulated connections never start)', () => {
    const store = new ConfigStore();
    const connection = store.openConnection();
    expect(store.set(NETWORKING_CONFIG_SYMMETRIC_CONNECT, CONNECTION, connection, INT32, 1)).toBe(
      true,
    );
    expect(valueOf(store, NETWORKING_CONFIG_SYMMETRIC_CONNECT, CONNECTION, connection)).toBe(1);
  });
});

describe('ConfigStore inheritance, OK and OK_INHERITED', () => {
  it('reports OK at global scope even for a value never set', () => {
    const store = new ConfigStore();
    expect(store.get(NETWORKING_CONFIG_TIMEOUT_INITIAL, GLOBAL, 0).result).toBe(OK);
  });

  it('reports OK_INHERITED at a connection until set there, then OK', () => {
    const store = new ConfigStore();
    const connection = store.openConnection();
    expect(store.get(NETWORKING_CONFIG_TIMEOUT_INITIAL, CONNECTION, connection).result).toBe(
      OK_INHERITED,
    );
    store.set(NETWORKING_CONFIG_TIMEOUT_INITIAL, CONNECTION, connection, INT32, 2500);
    const read = store.get(NETWORKING_CONFIG_TIMEOUT_INITIAL, CONNECTION, connection);
    expect(read.result).toBe(OK);
    expect(decodeConfigValueBytes(INT32, read.bytes)).toBe(2500);
  });

  it('follows global changes while inheriting, and not once set at the connection', () => {
    const store = new ConfigStore();
    const inheriting = store.openConnection();
    const own = store.openConnection();
    store.set(NETWORKING_CONFIG_TIMEOUT_INITIAL, CONNECTION, own, INT32, 1111);
    store.set(NETWORKING_CONFIG_TIMEOUT_INITIAL, GLOBAL, 0, INT32, 2222);
    expect(valueOf(store, NETWORKING_CONFIG_TIMEOUT_INITIAL, CONNECTION, inheriting)).toBe(2222);
    expect(valueOf(store, NETWORKING_CONFIG_TIMEOUT_INITIAL, CONNECTION, own)).toBe(1111);
  });

  it('resets a global value to its default with null (any data type)', () => {
    const store = new ConfigStore();
    store.set(NETWORKING_CONFIG_TIMEOUT_INITIAL, GLOBAL, 0, INT32, 1);
    expect(store.set(NETWORKING_CONFIG_TIMEOUT_INITIAL, GLOBAL, 0, 99, null)).toBe(true);
    const read = store.get(NETWORKING_CONFIG_TIMEOUT_INITIAL, GLOBAL, 0);
    expect(read.result).toBe(OK);
    expect(decodeConfigValueBytes(INT32, read.bytes)).toBe(10000);
  });

  it('makes a connection inherit again with null', () => {
    const store = new ConfigStore();
    const connection = store.openConnection();
    store.set(NETWORKING_CONFIG_TIMEOUT_INITIAL, CONNECTION, connection, INT32, 1);
    store.set(NETWORKING_CONFIG_TIMEOUT_INITIAL, GLOBAL, 0, INT32, 4000);
    expect(store.set(NETWORKING_CONFIG_TIMEOUT_INITIAL, CONNECTION, connection, INT32, null)).toBe(
      true,
    );
    const read = store.get(NETWORKING_CONFIG_TIMEOUT_INITIAL, CONNECTION, connection);
    expect(read.result).toBe(OK_INHERITED);
    expect(decodeConfigValueBytes(INT32, read.bytes)).toBe(4000);
  });

  it('sets ConnectionUserData at a connection but refuses to clear it there', () => {
    const store = new ConfigStore();
    const connection = store.openConnection();
    const id = NETWORKING_CONFIG_CONNECTION_USER_DATA;
    expect(store.set(id, CONNECTION, connection, INT64, 77n)).toBe(true);
    expect(store.set(id, CONNECTION, connection, INT64, null)).toBe(false);
    expect(store.get(id, CONNECTION, connection).result).toBe(OK);
    expect(valueOf(store, id, CONNECTION, connection)).toBe(77n);
    expect(store.set(id, GLOBAL, 0, INT64, null)).toBe(true); // the global default can be reset
    expect(valueOf(store, id)).toBe(-1n);
  });

  it('drops a closed connection’s settings', () => {
    const store = new ConfigStore();
    const connection = store.openConnection();
    store.set(NETWORKING_CONFIG_TIMEOUT_INITIAL, CONNECTION, connection, INT32, 1);
    expect(store.closeConnection(connection)).toBe(true);
    expect(store.isConnection(connection)).toBe(false);
    expect(store.closeConnection(connection)).toBe(false);
    const next = store.openConnection();
    expect(store.get(NETWORKING_CONFIG_TIMEOUT_INITIAL, CONNECTION, next).result).toBe(
      OK_INHERITED,
    );
  });
});

describe('ConfigStore.getInto: the pResult / cbResult protocol', () => {
  const cases: [string, number, (store: ConfigStore) => void, number, number][] = [
    ['an int32', NETWORKING_CONFIG_TIMEOUT_INITIAL, () => undefined, INT32, 4],
    ['a float', NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND, () => undefined, FLOAT, 4],
    ['an int64', NETWORKING_CONFIG_CONNECTION_USER_DATA, () => undefined, INT64, 8],
    ['a pointer', NETWORKING_CONFIG_CALLBACK_AUTH_STATUS_CHANGED, () => undefined, PTR, 8],
    [
      'a string (UTF-8 length + 1)',
      NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
      (store) =>
        store.set(NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER, GLOBAL, 0, STRING, 'fra€'),
      STRING,
      7,
    ],
    [
      'an empty string (just the NUL)',
      NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
      () => undefined,
      STRING,
      1,
    ],
  ];

  it.each(cases)(
    'asks for the size of %s with a null buffer',
    (_label, id, prepare, dataType, size) => {
      const store = new ConfigStore();
      prepare(store);
      expect(store.getInto(id, GLOBAL, 0, null)).toEqual({
        result: BUFFER_TOO_SMALL,
        dataType,
        requiredBytes: size,
      });
    },
  );

  it.each(cases)('fills an exactly sized buffer with %s', (_label, id, prepare, dataType, size) => {
    const store = new ConfigStore();
    prepare(store);
    const buffer = new Uint8Array(size).fill(0xaa);
    expect(store.getInto(id, GLOBAL, 0, buffer)).toEqual({
      result: OK,
      dataType,
      requiredBytes: size,
    });
    expect(buffer).toEqual(store.get(id, GLOBAL, 0).bytes);
  });

  it.each(cases)(
    'leaves a buffer one byte short untouched for %s',
    (_label, id, prepare, dataType, size) => {
      const store = new ConfigStore();
      prepare(store);
      const buffer = new Uint8Array(size - 1).fill(0xaa);
      expect(store.getInto(id, GLOBAL, 0, buffer)).toEqual({
        result: BUFFER_TOO_SMALL,
        dataType,
        requiredBytes: size,
      });
      expect(buffer.every((byte) => byte === 0xaa)).toBe(true);
    },
  );

  it.each(cases)(
    'writes %s at the start of a larger buffer and leaves the rest',
    (_label, id, prepare, dataType, size) => {
      const store = new ConfigStore();
      prepare(store);
      const buffer = new Uint8Array(size + 3).fill(0xaa);
      expect(store.getInto(id, GLOBAL, 0, buffer)).toEqual({
        result: OK,
        dataType,
        requiredBytes: size,
      });
      expect(Array.from(buffer.subarray(size))).toEqual([0xaa, 0xaa, 0xaa]);
    },
  );

  it('reports OK_INHERITED only once the value is copied out', () => {
    const store = new ConfigStore();
    const connection = store.openConnection();
    expect(
      store.getInto(NETWORKING_CONFIG_TIMEOUT_INITIAL, CONNECTION, connection, null).result,
    ).toBe(BUFFER_TOO_SMALL);
    expect(
      store.getInto(NETWORKING_CONFIG_TIMEOUT_INITIAL, CONNECTION, connection, new Uint8Array(4))
        .result,
    ).toBe(OK_INHERITED);
  });

  it('writes nothing for an unknown value: BAD_VALUE, no data type, no size', () => {
    const store = new ConfigStore();
    const buffer = new Uint8Array(8).fill(0xaa);
    expect(store.getInto(5000, GLOBAL, 0, buffer)).toEqual({
      result: BAD_VALUE,
      dataType: undefined,
      requiredBytes: undefined,
    });
    expect(buffer.every((byte) => byte === 0xaa)).toBe(true);
  });

  it('writes the data type but a size of 0 when the scope does not resolve', () => {
    const store = new ConfigStore();
    expect(
      store.getInto(NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND, CONNECTION, 1, new Uint8Array(4)),
    ).toEqual({
      result: BAD_SCOPE_OBJ,
      dataType: FLOAT,
      requiredBytes: 0,
    });
  });
});

describe('ConfigStore: MTU_DataSize', () => {
  it('is MTU_PacketSize - 100, without a data type', () => {
    const store = new ConfigStore();
    expect(store.getInto(NETWORKING_CONFIG_MTU_DATA_SIZE, GLOBAL, 0, new Uint8Array(4))).toEqual({
      result: OK,
      dataType: undefined,
      requiredBytes: 4,
    });
    expect(store.get(NETWORKING_CONFIG_MTU_DATA_SIZE, GLOBAL, 0).dataType).toBe(0);
    expect(valueOf(store, NETWORKING_CONFIG_MTU_DATA_SIZE)).toBe(1200);
    store.set(NETWORKING_CONFIG_MTU_PACKET_SIZE, GLOBAL, 0, INT32, 576);
    expect(valueOf(store, NETWORKING_CONFIG_MTU_DATA_SIZE)).toBe(476);
  });

  it('follows the packet size at the scope asked, with its OK / OK_INHERITED', () => {
    const store = new ConfigStore();
    const connection = store.openConnection();
    expect(store.get(NETWORKING_CONFIG_MTU_DATA_SIZE, CONNECTION, connection).result).toBe(
      OK_INHERITED,
    );
    store.set(NETWORKING_CONFIG_MTU_PACKET_SIZE, CONNECTION, connection, INT32, 200);
    expect(store.get(NETWORKING_CONFIG_MTU_DATA_SIZE, CONNECTION, connection).result).toBe(OK);
    expect(valueOf(store, NETWORKING_CONFIG_MTU_DATA_SIZE, CONNECTION, connection)).toBe(100);
    expect(valueOf(store, NETWORKING_CONFIG_MTU_DATA_SIZE)).toBe(1200);
  });

  it('uses the int32 buffer protocol', () => {
    const store = new ConfigStore();
    expect(store.getInto(NETWORKING_CONFIG_MTU_DATA_SIZE, GLOBAL, 0, new Uint8Array(3))).toEqual({
      result: BUFFER_TOO_SMALL,
      dataType: undefined,
      requiredBytes: 4,
    });
  });

  it('leaves the size untouched at a scope that does not resolve', () => {
    const store = new ConfigStore();
    expect(
      store.getInto(NETWORKING_CONFIG_MTU_DATA_SIZE, CONNECTION, 77, new Uint8Array(4)),
    ).toEqual({
      result: BAD_SCOPE_OBJ,
      dataType: undefined,
      requiredBytes: undefined,
    });
  });
});

describe('ConfigStore.get: the two-call query', () => {
  it('returns exactly the bytes of the value', () => {
    const store = new ConfigStore();
    store.set(NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER, GLOBAL, 0, STRING, 'iad');
    expect(store.get(NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER, GLOBAL, 0)).toEqual({
      result: OK,
      dataType: STRING,
      bytes: Uint8Array.from([0x69, 0x61, 0x64, 0]),
    });
  });

  it('returns no bytes and data type 0 for an unknown value', () => {
    expect(new ConfigStore().get(61, GLOBAL, 0)).toEqual({
      result: BAD_VALUE,
      dataType: 0,
      bytes: new Uint8Array(0),
    });
  });

  it('returns no bytes, with the data type, for a bad scope', () => {
    expect(new ConfigStore().get(NETWORKING_CONFIG_TIMEOUT_INITIAL, LISTEN_SOCKET, 1)).toEqual({
      result: BAD_SCOPE_OBJ,
      dataType: INT32,
      bytes: new Uint8Array(0),
    });
  });

  it('reports pointer values as 8 zero bytes, settable only to the null pointer', () => {
    const store = new ConfigStore();
    const id = NETWORKING_CONFIG_CALLBACK_CONNECTION_STATUS_CHANGED;
    const connection = store.openConnection();
    expect(store.set(id, GLOBAL, 0, PTR, 1n)).toBe(false);
    expect(store.set(id, GLOBAL, 0, INT64, 0n)).toBe(false);
    expect(store.set(id, CONNECTION, connection, PTR, 0n)).toBe(true);
    expect(store.get(id, CONNECTION, connection)).toEqual({
      result: OK,
      dataType: PTR,
      bytes: new Uint8Array(8),
    });
  });

  it('starts every value of the table at its default, unpublished ones at the simulation’s', () => {
    const store = new ConfigStore();
    for (const entry of CONFIG_VALUE_TABLE.filter((e) => e.listed && e.defaultValue !== null)) {
      expect(store.get(entry.id, GLOBAL, 0).result).toBe(OK);
      expect(valueOf(store, entry.id)).toBe(entry.defaultValue);
    }
    expect(valueOf(store, NETWORKING_CONFIG_SDR_CLIENT_CONSEC_PING_TIMEOUT_FAIL_INITIAL)).toBe(2);
    expect(valueOf(store, NETWORKING_CONFIG_SDR_CLIENT_CONSEC_PING_TIMEOUT_FAIL)).toBe(4);
    expect(valueOf(store, NETWORKING_CONFIG_SDR_CLIENT_MIN_PINGS_BEFORE_PING_ACCURATE)).toBe(10);
    expect(valueOf(store, NETWORKING_CONFIG_SDR_CLIENT_LIMIT_PING_PROBES_TO_NEAREST_N)).toBe(0);
  });
});

describe('ConfigStore.info and iterate', () => {
  it('answer for the client the options describe', () => {
    expect(new ConfigStore().info(NETWORKING_CONFIG_TIMEOUT_INITIAL)).toEqual({
      name: 'TimeoutInitial',
      dataType: INT32,
      scope: CONNECTION,
    });
    expect(new ConfigStore().info(NETWORKING_CONFIG_MTU_DATA_SIZE)).toBeUndefined();
    expect(new ConfigStore().iterate(0, false)).toBe(NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND);
    expect(new ConfigStore({ windowsOnlyValues: false }).iterate(38, false)).toBe(41);
  });
});

describe('ConfigStore effective readers', () => {
  it('read the global value, or a connection’s own or inherited one', () => {
    const store = new ConfigStore();
    const inheriting = store.openConnection();
    const own = store.openConnection();
    store.set(NETWORKING_CONFIG_LOG_LEVEL_MESSAGE, GLOBAL, 0, INT32, 6);
    store.set(NETWORKING_CONFIG_LOG_LEVEL_MESSAGE, CONNECTION, own, INT32, 8);
    expect(store.effectiveInt32(NETWORKING_CONFIG_LOG_LEVEL_MESSAGE)).toBe(6);
    expect(store.effectiveInt32(NETWORKING_CONFIG_LOG_LEVEL_MESSAGE, inheriting)).toBe(6);
    expect(store.effectiveInt32(NETWORKING_CONFIG_LOG_LEVEL_MESSAGE, own)).toBe(8);
  });

  it('read a global-only value the same for every connection', () => {
    const store = new ConfigStore();
    const connection = store.openConnection();
    store.set(NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND, GLOBAL, 0, INT32, 120);
    expect(store.effectiveInt32(NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND, connection)).toBe(120);
  });

  it('read each data type', () => {
    const store = new ConfigStore();
    const connection = store.openConnection();
    store.set(NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND, GLOBAL, 0, FLOAT, 12.5);
    store.set(NETWORKING_CONFIG_SDR_CLIENT_FAKE_CLUSTER_PING, GLOBAL, 0, STRING, 'fra=20');
    store.set(NETWORKING_CONFIG_CONNECTION_USER_DATA, CONNECTION, connection, INT64, 9n);
    expect(store.effectiveFloat(NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND)).toBe(12.5);
    expect(store.effectiveString(NETWORKING_CONFIG_SDR_CLIENT_FAKE_CLUSTER_PING)).toBe('fra=20');
    expect(store.effectiveInt64(NETWORKING_CONFIG_CONNECTION_USER_DATA, connection)).toBe(9n);
    expect(store.effectiveInt64(NETWORKING_CONFIG_CONNECTION_USER_DATA)).toBe(-1n);
    expect(store.effectiveInt32(NETWORKING_CONFIG_SDR_CLIENT_MIN_PINGS_BEFORE_PING_ACCURATE)).toBe(
      10,
    );
  });

  it('compute MTU_DataSize from the packet size', () => {
    const store = new ConfigStore();
    const connection = store.openConnection();
    store.set(NETWORKING_CONFIG_MTU_PACKET_SIZE, CONNECTION, connection, INT32, 1000);
    expect(store.effectiveInt32(NETWORKING_CONFIG_MTU_DATA_SIZE)).toBe(1200);
    expect(store.effectiveInt32(NETWORKING_CONFIG_MTU_DATA_SIZE, connection)).toBe(900);
  });

  it('throw RangeError for an unknown value or a connection that is not open', () => {
    const store = new ConfigStore({ windowsOnlyValues: false });
    expect(() => store.effectiveInt32(5000)).toThrow(RangeError);
    expect(() => store.effectiveInt32(NETWORKING_CONFIG_DUAL_WIFI_ENABLE)).toThrow(
      /not a config value/,
    );
    expect(() => store.effectiveInt32(NETWORKING_CONFIG_TIMEOUT_INITIAL, 31337)).toThrow(
      /connection 31337 is not an open connection of this store/,
    );
  });

  it('throw TypeError naming the right reader for a value of another type', () => {
    const store = new ConfigStore();
    expect(() => store.effectiveInt32(NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND)).toThrow(
      /effectiveFloat/,
    );
    expect(() => store.effectiveString(NETWORKING_CONFIG_TIMEOUT_INITIAL)).toThrow(TypeError);
    expect(() => store.effectiveInt64(NETWORKING_CONFIG_CALLBACK_AUTH_STATUS_CHANGED)).toThrow(
      /pointer/,
    );
  });
});
