import fc from 'fast-check';

import {
  CONFIG_VALUE_TABLE,
  getConfigValueEntry,
  NETWORKING_CONFIG_MTU_DATA_SIZE,
  NETWORKING_CONFIG_MTU_PACKET_SIZE,
  NETWORKING_CONFIG_SCOPE_CONNECTION as CONNECTION,
  NETWORKING_CONFIG_SCOPE_GLOBAL as GLOBAL,
  NETWORKING_GET_CONFIG_VALUE_OK as OK,
  NETWORKING_GET_CONFIG_VALUE_OK_INHERITED as OK_INHERITED,
} from '../constants/index.js';
import { encodeConfigValueBytes } from '../port/config-value-bytes.js';
import { clampConfigValue, convertConfigArgument } from './config-value-conversion.js';
import { ConfigStore } from './config-store.js';

/** Which connection handle a generated call names: one that is open, one closed, or any number. */
type ObjectChoice = { kind: 'open' } | { kind: 'closed' } | { kind: 'number'; value: number };

const ids = fc.oneof(
  fc.constantFrom(...CONFIG_VALUE_TABLE.map((entry) => entry.id), 0, 1, 35, 61, 998),
  fc.integer(),
  fc.double(),
);
const scopes = fc.oneof(fc.constantFrom(1, 2, 3, 4), fc.integer());
const objects: fc.Arbitrary<ObjectChoice> = fc.oneof(
  fc.constant({ kind: 'open' } as const),
  fc.constant({ kind: 'closed' } as const),
  fc.oneof(fc.integer(), fc.double()).map((value) => ({ kind: 'number', value }) as const),
);
const dataTypes = fc.oneof(fc.constantFrom(1, 2, 3, 4, 5), fc.integer());
const values = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
  fc.string(),
  fc.constantFrom(' 42', '-1e3', 'nan', 'inf', '0x1p4', '99999999999', '', 'x'.repeat(5000)),
);

/** Calls that mostly succeed: a table value, a scope that resolves, an argument of its declared type. */
const tableIds = fc.constantFrom(...CONFIG_VALUE_TABLE.filter((e) => e.listed).map((e) => e.id));
const likelyScopes = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(GLOBAL, CONNECTION) },
  { weight: 1, arbitrary: scopes },
);
const likelyObjects: fc.Arbitrary<ObjectChoice> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'open' } as const) },
  { weight: 1, arbitrary: objects },
);
const typedArguments = fc.oneof(
  fc.integer().map((v) => [1, v] as const),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((v) => [2, v] as const),
  fc.double().map((v) => [3, v] as const),
  fc
    .oneof(
      fc.string(),
      fc.integer().map(String),
      fc.double().map(String),
      fc.constantFrom(' 42x', 'nan', '-inf', '0x1.8p3', '1e40'),
    )
    .map((v) => [4, v] as const),
  fc.constant([5, 0n] as const),
  fc.tuple(dataTypes, values),
);

/** A store with one open and one closed connection, and the handle a choice names in it. */
function setUp(choice: ObjectChoice) {
  const store = new ConfigStore();
  const open = store.openConnection();
  const closed = store.openConnection();
  store.closeConnection(closed);
  const object = choice.kind === 'open' ? open : choice.kind === 'closed' ? closed : choice.value;
  return { store, open, object };
}

describe('ConfigStore properties', () => {
  it('never throws from set, getInto or get, whatever the arguments', () => {
    fc.assert(
      fc.property(
        ids,
        scopes,
        objects,
        dataTypes,
        values,
        fc.nat({ max: 16 }),
        (id, scope, choice, dataType, value, size) => {
          const { store, object } = setUp(choice);
          store.set(id, scope, object, dataType, value);
          store.getInto(id, scope, object, new Uint8Array(size));
          store.getInto(id, scope, object, null);
          store.get(id, scope, object);
          store.info(id);
          store.iterate(id, size % 2 === 0);
        },
      ),
    );
  });

  it('reads back after a successful set exactly the converted, clamped value, as set at that scope', () => {
    fc.assert(
      fc.property(
        tableIds,
        likelyScopes,
        likelyObjects,
        typedArguments,
        (id, scope, choice, [dataType, value]) => {
          const { store, object } = setUp(choice);
          fc.pre(value !== null && store.set(id, scope, object, dataType, value));
          const entry = getConfigValueEntry(id);
          if (!entry) throw new Error(`set succeeded for ${id}, which is not in the table`);
          const converted = convertConfigArgument(entry.dataType, dataType, value);
          if (converted === undefined)
            throw new Error('set succeeded for an argument that does not convert');
          const expected = encodeConfigValueBytes(
            entry.dataType,
            clampConfigValue(entry, converted),
          );
          const read = store.get(id, scope, object);
          expect(read.result).toBe(OK);
          expect(read.dataType).toBe(entry.dataType);
          // Bytes, not numbers: NaN and -0 compare exactly this way.
          expect(read.bytes).toEqual(expected);
          expect(store.revision).toBe(1);
        },
      ),
    );
  });

  it('changes nothing when set fails', () => {
    fc.assert(
      fc.property(ids, scopes, objects, dataTypes, values, (id, scope, choice, dataType, value) => {
        const { store, open } = setUp(choice);
        const object = choice.kind === 'open' ? open : choice.kind === 'number' ? choice.value : 0;
        const before = [store.get(id, GLOBAL, 0), store.get(id, CONNECTION, open)];
        fc.pre(!store.set(id, scope, object, dataType, value));
        expect(store.revision).toBe(0);
        expect([store.get(id, GLOBAL, 0), store.get(id, CONNECTION, open)]).toEqual(before);
      }),
    );
  });

  it('after null, reads the default globally and the global value, inherited, at a connection', () => {
    const connectionIds = fc.constantFrom(
      ...CONFIG_VALUE_TABLE.filter(
        (e) =>
          e.listed && e.scope === CONNECTION && e.name !== 'NETWORKING_CONFIG_CONNECTION_USER_DATA',
      ).map((e) => e.id),
    );
    fc.assert(
      fc.property(
        connectionIds,
        dataTypes,
        values,
        values,
        (id, dataType, globalValue, ownValue) => {
          const store = new ConfigStore();
          const connection = store.openConnection();
          const defaults = store.get(id, GLOBAL, 0);
          store.set(id, GLOBAL, 0, dataType, globalValue);
          store.set(id, CONNECTION, connection, dataType, ownValue);
          const global = store.get(id, GLOBAL, 0);
          expect(store.set(id, CONNECTION, connection, dataType, null)).toBe(true);
          expect(store.get(id, CONNECTION, connection)).toEqual({
            ...global,
            result: OK_INHERITED,
          });
          expect(store.set(id, GLOBAL, 0, dataType, null)).toBe(true);
          expect(store.get(id, GLOBAL, 0)).toEqual(defaults);
        },
      ),
    );
  });

  it('keeps MTU_DataSize read-only and equal to max(0, MTU_PacketSize - 100)', () => {
    fc.assert(
      fc.property(scopes, objects, dataTypes, values, (scope, choice, dataType, value) => {
        const { store, object } = setUp(choice);
        expect(store.set(NETWORKING_CONFIG_MTU_DATA_SIZE, scope, object, dataType, value)).toBe(
          false,
        );
        store.set(NETWORKING_CONFIG_MTU_PACKET_SIZE, scope, object, dataType, value);
        const read = store.get(NETWORKING_CONFIG_MTU_DATA_SIZE, scope, object);
        if (read.result > 0) {
          const packet = store.get(NETWORKING_CONFIG_MTU_PACKET_SIZE, scope, object);
          const view = (bytes: Uint8Array) =>
            new DataView(bytes.buffer, bytes.byteOffset).getInt32(0, true);
          expect(view(read.bytes)).toBe(Math.max(0, view(packet.bytes) - 100));
          expect(read.result).toBe(packet.result);
        }
      }),
    );
  });
});
