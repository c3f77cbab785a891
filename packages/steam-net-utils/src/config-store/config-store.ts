/**
 * The simulation's networking config values with Steam's semantics (`SetConfigValue`,
 * `GetConfigValue`, `GetConfigValueInfo`, `IterateGenericEditableConfigValues`). The package's
 * docs/config-values.md lists every rule and every choice made where Steam's behaviour
 * cannot be reproduced.
 */

import {
  type ConfigValueEntry,
  NETWORKING_CONFIG_CONNECTION_USER_DATA,
  NETWORKING_CONFIG_MTU_DATA_SIZE,
  NETWORKING_CONFIG_MTU_PACKET_SIZE,
  NETWORKING_CONFIG_SCOPE_CONNECTION,
  NETWORKING_CONFIG_SCOPE_GLOBAL,
  NETWORKING_CONFIG_TYPE_FLOAT,
  NETWORKING_CONFIG_TYPE_INT32,
  NETWORKING_CONFIG_TYPE_INT64,
  NETWORKING_CONFIG_TYPE_STRING,
  NETWORKING_GET_CONFIG_VALUE_BAD_SCOPE_OBJ,
  NETWORKING_GET_CONFIG_VALUE_BAD_VALUE,
  NETWORKING_GET_CONFIG_VALUE_BUFFER_TOO_SMALL,
  NETWORKING_GET_CONFIG_VALUE_OK,
  NETWORKING_GET_CONFIG_VALUE_OK_INHERITED,
} from '../constants/index.js';
import {
  ConfigValueCatalog,
  type ConfigValueCatalogOptions,
  type ConfigValueInfo,
} from './config-value-catalog.js';
import { encodeConfigValueBytes } from '../port/config-value-bytes.js';
import {
  clampConfigValue,
  type ConfigArgument,
  convertConfigArgument,
  type StoredConfigValue,
} from './config-value-conversion.js';
import { ConnectionHandleRegistry } from './connection-handle-registry.js';
import { defaultValueOf } from './unpublished-defaults.js';

/**
 * `k_cbSteamNetworkingSocketsNoFragmentHeaderReserve`: what a packet keeps for headers;
 * `MTU_DataSize` is `max(0, MTU_PacketSize - 100)`.
 */
export const MTU_HEADER_RESERVE_BYTES = 100;

/** What one `GetConfigValue` call leaves behind, exactly as Steam's out-parameters would show it. */
export interface ConfigValueReadout {
  /** The returned `NetworkingGetConfigValueResult`. */
  readonly result: number;
  /**
   * `*pOutDataType` after the call, or undefined where Steam does not write it (an unknown value,
   * and `MTU_DataSize`, which Steam computes on a path that never sets it): a C caller would find
   * whatever it had put there.
   */
  readonly dataType: number | undefined;
  /**
   * `*cbResult` after the call: the size the value needs (0 on `BAD_SCOPE_OBJ`), or undefined
   * where Steam leaves it as the caller set it (an unknown value; `MTU_DataSize` at a bad scope).
   */
  readonly requiredBytes: number | undefined;
}

/** The outcome of {@link ConfigStore.get}. */
export interface ConfigValueRead {
  /** A `NetworkingGetConfigValueResult`. */
  readonly result: number;
  /** The value's `NetworkingConfigDataType`, or 0 where Steam does not report one. */
  readonly dataType: number;
  /** The value's bytes as Steam writes them, exactly `requiredBytes` long; empty on failure. */
  readonly bytes: Uint8Array;
}

/** Which Steam client the store simulates. */
export type ConfigStoreOptions = ConfigValueCatalogOptions;

/** Where a value lives at a scope: the global table, or one connection's own settings. */
type ScopeTarget =
  | { readonly kind: 'global' }
  | { readonly kind: 'connection'; readonly values: Map<number, StoredConfigValue> };

const GLOBAL_TARGET: ScopeTarget = Object.freeze({ kind: 'global' });

const TYPE_NAMES: Readonly<Record<number, string>> = {
  [NETWORKING_CONFIG_TYPE_INT32]: 'an int32 (read it with effectiveInt32)',
  [NETWORKING_CONFIG_TYPE_INT64]: 'an int64 (read it with effectiveInt64)',
  [NETWORKING_CONFIG_TYPE_FLOAT]: 'a float (read it with effectiveFloat)',
  [NETWORKING_CONFIG_TYPE_STRING]: 'a string (read it with effectiveString)',
};

/**
 * Networking config values with Steam's semantics, for every backend that keeps its own (the
 * simulation, the beacons): global values, and per-connection values over a small registry of
 * connection handles that only the simulation opens.
 *
 * Scopes: GLOBAL always resolves (its scope object is ignored, as in Steam); CONNECTION resolves
 * for connection-scoped values and an open handle from {@link openConnection}. The simulation has
 * no sockets interfaces or listen sockets, so SOCKETS_INTERFACE and LISTEN_SOCKET never resolve,
 * like every other scope number: `set` returns false and `get` `BAD_SCOPE_OBJ`.
 *
 * A connection's value inherits the global one until set at the connection (`OK_INHERITED` until
 * then). Steam locks a few values (SymmetricConnect, LocalVirtualPort, Unencrypted, ...) once a
 * connection starts; simulated connections are scopes only and never start, so nothing is locked.
 *
 * The `set`/`getInto`/`get`/`info`/`iterate` methods take any numbers and never throw; the
 * `effective*` readers, meant for the simulation's own code, throw on misuse.
 */
export class ConfigStore {
  readonly #catalog: ConfigValueCatalog;
  readonly #connections = new ConnectionHandleRegistry();
  /** Values set at global scope; a value not here has its default. */
  readonly #globals = new Map<number, StoredConfigValue>();
  /** Each open connection's own settings (present from open to close). */
  readonly #connectionValues = new Map<number, Map<number, StoredConfigValue>>();
  #revision = 0;

  /** A store with every value at its default and no connections. */
  constructor(options: ConfigStoreOptions = {}) {
    this.#catalog = new ConfigValueCatalog(options);
  }

  /** Increments on every successful {@link set}: compare it to notice changes cheaply. */
  get revision(): number {
    return this.#revision;
  }

  /** A new simulated `HSteamNetConnection`: a nonzero uint32, with every value inherited. */
  openConnection(): number {
    const handle = this.#connections.open();
    this.#connectionValues.set(handle, new Map());
    return handle;
  }

  /**
   * Closes `handle`: its settings are dropped and the handle becomes invalid everywhere. Returns
   * true if it was open, false (and does nothing) otherwise.
   */
  closeConnection(handle: number): boolean {
    this.#connectionValues.delete(handle);
    return this.#connections.close(handle);
  }

  /** Whether `handle` is an open simulated connection. */
  isConnection(handle: number): boolean {
    return this.#connections.isOpen(handle);
  }

  /**
   * `SetConfigValue(configValue, scope, scopeObject, dataType, pArg)`: true when the value was
   * set. `value` is what `pArg` points to, declared as `dataType` (a number for INT32 and FLOAT,
   * a bigint for INT64, a string for STRING, `0`/`0n` for the null FUNCTION_PTR), or null for a
   * null `pArg`: reset to the default at global scope, inherit again at a connection. Returns
   * false, changing nothing, when:
   * - `configValue` is `MTU_DataSize` (read-only) or not in Steam's table;
   * - the scope does not resolve (see the class comment; a global-only value at connection scope);
   * - `value` cannot be converted (see `convertConfigArgument`), or does not match `dataType`;
   * - `value` is null for `ConnectionUserData` at a connection (it cannot be cleared there).
   * A converted number is silently clamped to the value's limits. Never throws.
   */
  set(
    configValue: number,
    scope: number,
    scopeObject: number,
    dataType: number,
    value: ConfigArgument,
  ): boolean {
    if (configValue === NETWORKING_CONFIG_MTU_DATA_SIZE) return false;
    const entry = this.#catalog.entry(configValue);
    if (!entry) return false;
    const target = this.#resolve(entry, scope, scopeObject);
    if (!target) return false;

    if (value === null) {
      if (target.kind === 'connection') {
        // Steam: once a connection has user data it cannot be cleared or inherited again.
        if (configValue === NETWORKING_CONFIG_CONNECTION_USER_DATA) return false;
        target.values.delete(configValue);
      } else {
        this.#globals.delete(configValue);
      }
      this.#revision++;
      return true;
    }

    const converted = convertConfigArgument(entry.dataType, dataType, value);
    if (converted === undefined) return false;
    const clamped = clampConfigValue(entry, converted);
    if (target.kind === 'connection') {
      target.values.set(configValue, clamped);
    } else {
      this.#globals.set(configValue, clamped);
    }
    this.#revision++;
    return true;
  }

  /**
   * One `GetConfigValue(configValue, scope, scopeObject, &dataType, pResult, &cbResult)` call,
   * with `buffer` as `pResult` (null for a NULL `pResult`) and its length as the input
   * `*cbResult`. Steam's rules:
   * - unknown value: `BAD_VALUE`, nothing written;
   * - otherwise the data type is written first, then a scope that does not resolve gives
   *   `BAD_SCOPE_OBJ` with `*cbResult = 0`;
   * - a null or too small buffer gives `BUFFER_TOO_SMALL` and leaves it untouched; a large enough
   *   one gets the value's bytes at its start; either way `*cbResult` becomes the size needed
   *   (4 for int32 and float, 8 for int64 and pointers, UTF-8 length + 1 for strings);
   * - `OK` when the value was set at that scope (always at global scope), `OK_INHERITED` when a
   *   connection inherits it;
   * - `MTU_DataSize` is `max(0, MTU_PacketSize - 100)` at the scope asked, with the packet size's
   *   `OK`/`OK_INHERITED`/`BAD_SCOPE_OBJ`, and its data type is not written.
   * Never throws.
   */
  getInto(
    configValue: number,
    scope: number,
    scopeObject: number,
    buffer: Uint8Array | null,
  ): ConfigValueReadout {
    if (configValue === NETWORKING_CONFIG_MTU_DATA_SIZE)
      return this.#getMtuDataSize(scope, scopeObject, buffer);
    const entry = this.#catalog.entry(configValue);
    if (!entry) {
      return {
        result: NETWORKING_GET_CONFIG_VALUE_BAD_VALUE,
        dataType: undefined,
        requiredBytes: undefined,
      };
    }
    const dataType = entry.dataType;
    const target = this.#resolve(entry, scope, scopeObject);
    if (!target)
      return { result: NETWORKING_GET_CONFIG_VALUE_BAD_SCOPE_OBJ, dataType, requiredBytes: 0 };
    const { value, setHere } = this.#read(entry, target);
    const result = copyOut(encodeConfigValueBytes(entry.dataType, value), buffer, setHere);
    return { ...result, dataType };
  }

  /**
   * `GetConfigValue` as a caller who does not know the size uses it: a first call with a NULL
   * buffer to learn the size, a second with a buffer of exactly that size. Returns the second
   * call's result with the value's exact bytes (decode them with `decodeConfigValueBytes`), or the
   * first call's failure (`BAD_VALUE`, `BAD_SCOPE_OBJ`) with no bytes. `dataType` is 0 where Steam
   * does not report one (unknown values, `MTU_DataSize`). Never throws.
   */
  get(configValue: number, scope: number, scopeObject: number): ConfigValueRead {
    const sizing = this.getInto(configValue, scope, scopeObject, null);
    if (
      sizing.result !== NETWORKING_GET_CONFIG_VALUE_BUFFER_TOO_SMALL ||
      sizing.requiredBytes === undefined
    ) {
      return { result: sizing.result, dataType: sizing.dataType ?? 0, bytes: new Uint8Array(0) };
    }
    const buffer = new Uint8Array(sizing.requiredBytes);
    const read = this.getInto(configValue, scope, scopeObject, buffer);
    const succeeded = read.result > 0;
    return {
      result: read.result,
      dataType: read.dataType ?? 0,
      bytes: succeeded ? buffer.subarray(0, read.requiredBytes) : new Uint8Array(0),
    };
  }

  /** `GetConfigValueInfo`: name, data type and scope, or undefined when Steam returns NULL. */
  info(configValue: number): ConfigValueInfo | undefined {
    return this.#catalog.info(configValue);
  }

  /** `IterateGenericEditableConfigValues`: the next listed value after `current`, 0 at the end. */
  iterate(current: number, enumerateDevVars: boolean): number {
    return this.#catalog.iterate(current, enumerateDevVars);
  }

  /**
   * The int32 value the simulation acts on: the global value, or with `connection` that
   * connection's (its own if set, else inherited; global-only values are the global value).
   * `MTU_DATA_SIZE` is computed from the packet size. Throws RangeError for an unknown config
   * value or a `connection` that is not open, TypeError for a value that is not an int32.
   */
  effectiveInt32(configValue: number, connection?: number): number {
    if (configValue === NETWORKING_CONFIG_MTU_DATA_SIZE) {
      const packetSize = this.effectiveInt32(NETWORKING_CONFIG_MTU_PACKET_SIZE, connection);
      return Math.max(0, packetSize - MTU_HEADER_RESERVE_BYTES);
    }
    // The store keeps int32 values as numbers (convertConfigArgument and the table guarantee it).
    return this.#effective(
      'effectiveInt32',
      configValue,
      NETWORKING_CONFIG_TYPE_INT32,
      connection,
    ) as number;
  }

  /** Like {@link effectiveInt32}, for int64 values (`ConnectionUserData`), as a bigint. */
  effectiveInt64(configValue: number, connection?: number): bigint {
    return this.#effective(
      'effectiveInt64',
      configValue,
      NETWORKING_CONFIG_TYPE_INT64,
      connection,
    ) as bigint;
  }

  /**
   * Like {@link effectiveInt32}, for float values (already single precision; NaN when set to NaN,
   * which Steam's clamping lets through).
   */
  effectiveFloat(configValue: number, connection?: number): number {
    return this.#effective(
      'effectiveFloat',
      configValue,
      NETWORKING_CONFIG_TYPE_FLOAT,
      connection,
    ) as number;
  }

  /** Like {@link effectiveInt32}, for string values. */
  effectiveString(configValue: number, connection?: number): string {
    return this.#effective(
      'effectiveString',
      configValue,
      NETWORKING_CONFIG_TYPE_STRING,
      connection,
    ) as string;
  }

  #effective(
    reader: string,
    configValue: number,
    expectedType: number,
    connection: number | undefined,
  ): StoredConfigValue {
    const entry = this.#catalog.entry(configValue);
    if (!entry) {
      throw new RangeError(
        `ConfigStore.${reader}: configValue ${configValue} is not a config value of this store's Steam client; pass a NetworkingConfigValue such as NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND.`,
      );
    }
    if (entry.dataType !== expectedType) {
      throw new TypeError(
        `ConfigStore.${reader}: ${entry.name} holds ${TYPE_NAMES[entry.dataType] ?? 'a pointer, which the simulation does not read'}.`,
      );
    }
    if (connection === undefined) return this.#globalValue(entry);
    const values = this.#connectionValues.get(connection);
    if (!values) {
      throw new RangeError(
        `ConfigStore.${reader}: connection ${connection} is not an open connection of this store; pass a handle from openConnection() that has not been closed, or omit it to read the global value.`,
      );
    }
    // A global-only value has no per-connection setting: the global one applies everywhere.
    return this.#read(
      entry,
      entry.scope === NETWORKING_CONFIG_SCOPE_CONNECTION
        ? { kind: 'connection', values }
        : GLOBAL_TARGET,
    ).value;
  }

  /** Steam's `EvaluateScopeConfigValue`: where `entry` lives at that scope, or undefined. */
  #resolve(entry: ConfigValueEntry, scope: number, scopeObject: number): ScopeTarget | undefined {
    if (scope === NETWORKING_CONFIG_SCOPE_GLOBAL) return GLOBAL_TARGET;
    if (scope !== NETWORKING_CONFIG_SCOPE_CONNECTION) return undefined;
    if (entry.scope !== NETWORKING_CONFIG_SCOPE_CONNECTION) return undefined;
    const values = this.#connectionValues.get(scopeObject);
    return values && { kind: 'connection', values };
  }

  /** The value at `target`, and whether it was set there (global values always are). */
  #read(
    entry: ConfigValueEntry,
    target: ScopeTarget,
  ): { readonly value: StoredConfigValue; readonly setHere: boolean } {
    if (target.kind === 'connection') {
      const own = target.values.get(entry.id);
      if (own !== undefined) return { value: own, setHere: true };
      return { value: this.#globalValue(entry), setHere: false };
    }
    return { value: this.#globalValue(entry), setHere: true };
  }

  #globalValue(entry: ConfigValueEntry): StoredConfigValue {
    return this.#globals.get(entry.id) ?? defaultValueOf(entry);
  }

  #getMtuDataSize(
    scope: number,
    scopeObject: number,
    buffer: Uint8Array | null,
  ): ConfigValueReadout {
    const packetEntry = this.#catalog.entry(NETWORKING_CONFIG_MTU_PACKET_SIZE);
    const target = packetEntry && this.#resolve(packetEntry, scope, scopeObject);
    if (!packetEntry || !target) {
      // Steam reads the packet size into a size variable of its own: the caller's is untouched.
      return {
        result: NETWORKING_GET_CONFIG_VALUE_BAD_SCOPE_OBJ,
        dataType: undefined,
        requiredBytes: undefined,
      };
    }
    const { value, setHere } = this.#read(packetEntry, target);
    const dataSize = Math.max(0, (value as number) - MTU_HEADER_RESERVE_BYTES);
    const result = copyOut(
      encodeConfigValueBytes(NETWORKING_CONFIG_TYPE_INT32, dataSize),
      buffer,
      setHere,
    );
    return { ...result, dataType: undefined };
  }
}

/** Steam's `ReturnConfigValueTyped`: copy if it fits, report the size needed either way. */
function copyOut(
  bytes: Uint8Array,
  buffer: Uint8Array | null,
  setHere: boolean,
): { readonly result: number; readonly requiredBytes: number } {
  if (buffer === null || buffer.length < bytes.length) {
    return { result: NETWORKING_GET_CONFIG_VALUE_BUFFER_TOO_SMALL, requiredBytes: bytes.length };
  }
  buffer.set(bytes);
  return {
    result: setHere ? NETWORKING_GET_CONFIG_VALUE_OK : NETWORKING_GET_CONFIG_VALUE_OK_INHERITED,
    requiredBytes: bytes.length,
  };
}
