import {
  type NETWORKING_CONFIG_SCOPE_CONNECTION,
  type NETWORKING_CONFIG_SCOPE_GLOBAL,
} from './networking-config-scope.js';
import {
  type NETWORKING_CONFIG_TYPE_FLOAT,
  type NETWORKING_CONFIG_TYPE_FUNCTION_PTR,
  type NETWORKING_CONFIG_TYPE_INT32,
  type NETWORKING_CONFIG_TYPE_INT64,
  type NETWORKING_CONFIG_TYPE_STRING,
} from './networking-config-data-type.js';
import { type NetworkingConfigValue } from './networking-config-value.js';

/** The key of a real config value in {@link NetworkingConfigValue} (not `INVALID`, not the 32-bit forcer). */
export type ConfigValueKey = Exclude<
  keyof typeof NetworkingConfigValue,
  'INVALID' | 'VALUE_FORCE32BIT'
>;

/** The id of a real config value. */
export type ConfigValueId = (typeof NetworkingConfigValue)[ConfigValueKey];

/**
 * The scope Steam reports for a config value (`GetConfigValueInfo`): `GLOBAL` for a global-only
 * value, `CONNECTION` for a value that can also be set per connection (and per listen socket or
 * interface), whose global setting is the default. Steam never reports the other two scopes.
 */
export type ConfigValueScope =
  typeof NETWORKING_CONFIG_SCOPE_GLOBAL | typeof NETWORKING_CONFIG_SCOPE_CONNECTION;

/**
 * Where an entry's default and limits come from:
 * - `'gns'`: Valve's open-source GameNetworkingSockets, whose config code Steam shares;
 * - `'sdk-docs'`: the value lives in Steam's closed relay code, and the default is the one the
 *   Steamworks SDK documents (no limits are published);
 * - `'unpublished'`: closed code with no published default: `defaultValue` is `null` and there
 *   are no limits.
 */
export type ConfigValueDefaultSource = 'gns' | 'sdk-docs' | 'unpublished';

/** What every entry of the config value table has, whatever its data type. */
export interface ConfigValueEntryBase {
  /** The id: a {@link NetworkingConfigValue}. */
  readonly id: ConfigValueId;
  /** The GodotSteam constant name, e.g. `'NETWORKING_CONFIG_TIMEOUT_INITIAL'`. */
  readonly name: `NETWORKING_CONFIG_${ConfigValueKey}`;
  /**
   * Steam's name, as `GetConfigValueInfo` returns it: the SDK enumerator without its
   * `k_ESteamNetworkingConfig_` prefix, e.g. `'TimeoutInitial'`.
   */
  readonly steamName: string;
  /** The scope Steam reports. */
  readonly scope: ConfigValueScope;
  /**
   * A dev value: `IterateGenericEditableConfigValues` lists it only when asked to enumerate dev
   * values. Players should not be able to change it in production.
   */
  readonly devOnly: boolean;
  /**
   * Whether `IterateGenericEditableConfigValues` lists it at all (when `devOnly`, only with dev
   * values). Never for pointers, the symmetric-connect flag, the virtual port, the connection's
   * user data and the read-only MTU data size.
   */
  readonly genericEditable: boolean;
  /** Only `MTU_DATA_SIZE`: computed from the packet size, every attempt to set it fails. */
  readonly readOnly: boolean;
  /**
   * Whether Steam's own table holds the value: `GetConfigValueInfo` names it and iteration can
   * continue from it. Only the computed `MTU_DATA_SIZE` is not listed.
   */
  readonly listed: boolean;
  /** The value exists only in Steam's Windows builds (dual wifi, ECN). */
  readonly windowsOnly: boolean;
  /** Where `defaultValue`, `min` and `max` come from. */
  readonly defaultSource: ConfigValueDefaultSource;
}

/**
 * A 32-bit integer value. Setting it clamps silently to [`min`, `max`] when they are given.
 * `defaultValue` is `null` only when the default is unpublished.
 */
export interface Int32ConfigValueEntry extends ConfigValueEntryBase {
  readonly dataType: typeof NETWORKING_CONFIG_TYPE_INT32;
  readonly defaultValue: number | null;
  readonly min?: number;
  readonly max?: number;
}

/** A 32-bit float value. Setting it clamps silently to [`min`, `max`] when they are given. */
export interface FloatConfigValueEntry extends ConfigValueEntryBase {
  readonly dataType: typeof NETWORKING_CONFIG_TYPE_FLOAT;
  readonly defaultValue: number;
  readonly min?: number;
  readonly max?: number;
}

/** A 64-bit integer value, as a `bigint`; Steam applies no limits to these. */
export interface Int64ConfigValueEntry extends ConfigValueEntryBase {
  readonly dataType: typeof NETWORKING_CONFIG_TYPE_INT64;
  readonly defaultValue: bigint;
}

/** A string value. */
export interface StringConfigValueEntry extends ConfigValueEntryBase {
  readonly dataType: typeof NETWORKING_CONFIG_TYPE_STRING;
  readonly defaultValue: string;
}

/** A pointer value (the callbacks); its default is the null pointer. */
export interface PointerConfigValueEntry extends ConfigValueEntryBase {
  readonly dataType: typeof NETWORKING_CONFIG_TYPE_FUNCTION_PTR;
  readonly defaultValue: null;
}

/** One entry of the config value table; `dataType` tells which kind. */
export type ConfigValueEntry =
  | Int32ConfigValueEntry
  | FloatConfigValueEntry
  | Int64ConfigValueEntry
  | StringConfigValueEntry
  | PointerConfigValueEntry;
