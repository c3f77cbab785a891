/**
 * Steam's table of config values as one simulated Steam client has it: which values exist, what
 * `GetConfigValueInfo` says about them and the order and filter of
 * `IterateGenericEditableConfigValues`.
 */

import {
  CONFIG_VALUE_TABLE,
  type ConfigValueEntry,
  NETWORKING_CONFIG_INVALID,
} from '../constants/index.js';

/** What `GetConfigValueInfo` reports: Steam's name (`'TimeoutInitial'`), data type and scope. */
export interface ConfigValueInfo {
  readonly name: string;
  /** A `NetworkingConfigDataType`. */
  readonly dataType: number;
  /** `NETWORKING_CONFIG_SCOPE_GLOBAL` or `NETWORKING_CONFIG_SCOPE_CONNECTION`. */
  readonly scope: number;
}

/** Which build of the Steam client the simulation stands for. */
export interface ConfigValueCatalogOptions {
  /**
   * Whether the values that exist only in Steam's Windows builds (`DualWifi_Enable`, `ECN`) are
   * there. Default true: the simulation stands for the Windows client, the most common one. With
   * false it behaves like the Linux and macOS clients, where those ids are unknown values.
   */
  readonly windowsOnlyValues?: boolean;
}

/**
 * The config values of one simulated Steam client, in Steam's order (ascending id). Only the
 * values of Steam's own table are here: the computed `MTU_DataSize` is not (Steam special-cases
 * it), nor are the Windows-only values when the options leave them out.
 */
export class ConfigValueCatalog {
  readonly #ordered: readonly ConfigValueEntry[];
  readonly #indexById: ReadonlyMap<number, number>;

  /** A catalog for the client `options` describe. */
  constructor(options: ConfigValueCatalogOptions = {}) {
    const windowsOnlyValues = options.windowsOnlyValues ?? true;
    this.#ordered = CONFIG_VALUE_TABLE.filter(
      (entry) => entry.listed && (windowsOnlyValues || !entry.windowsOnly),
    ).sort((a, b) => a.id - b.id);
    this.#indexById = new Map(this.#ordered.map((entry, index) => [entry.id, index]));
  }

  /** The entry of `configValue` if Steam's table in this client holds it, else undefined. */
  entry(configValue: number): ConfigValueEntry | undefined {
    const index = this.#indexById.get(configValue);
    return index === undefined ? undefined : this.#ordered[index];
  }

  /**
   * `GetConfigValueInfo`: the value's Steam name, data type and scope, or undefined when Steam
   * returns NULL (the id is not in its table: unknown ids, `MTU_DataSize`, values of other
   * builds).
   */
  info(configValue: number): ConfigValueInfo | undefined {
    const entry = this.entry(configValue);
    return entry && { name: entry.steamName, dataType: entry.dataType, scope: entry.scope };
  }

  /**
   * `IterateGenericEditableConfigValues`: the first value after `current` in ascending id order
   * that Steam lists (`NETWORKING_CONFIG_INVALID` (0) starts from the lowest id), or
   * `NETWORKING_CONFIG_INVALID` at the end and when `current` is not in the table at all (Steam
   * then stops at once). Steam lists every value but pointers (callbacks), `SymmetricConnect`,
   * `LocalVirtualPort` and `ConnectionUserData`; the dev values (`IP_AllowWithoutAuth`,
   * `Unencrypted`, `SDRClient_FakeClusterPing`) only when `enumerateDevVars`.
   */
  iterate(current: number, enumerateDevVars: boolean): number {
    let start: number;
    if (current === NETWORKING_CONFIG_INVALID) {
      start = 0;
    } else {
      const index = this.#indexById.get(current);
      if (index === undefined) return NETWORKING_CONFIG_INVALID;
      start = index + 1;
    }
    for (let index = start; index < this.#ordered.length; index++) {
      const entry = this.#ordered[index];
      if (entry && entry.genericEditable && (enumerateDevVars || !entry.devOnly)) return entry.id;
    }
    return NETWORKING_CONFIG_INVALID;
  }
}

let defaultCatalog: ConfigValueCatalog | undefined;

function catalogFor(options: ConfigValueCatalogOptions | undefined): ConfigValueCatalog {
  if (options !== undefined) return new ConfigValueCatalog(options);
  defaultCatalog ??= new ConfigValueCatalog();
  return defaultCatalog;
}

/**
 * `GetConfigValueInfo` of the simulated client `options` describe (default: Windows): the Steam
 * name, data type and scope of `configValue`, or undefined when it is not in Steam's table.
 */
export function getConfigValueInfo(
  configValue: number,
  options?: ConfigValueCatalogOptions,
): ConfigValueInfo | undefined {
  return catalogFor(options).info(configValue);
}

/**
 * `IterateGenericEditableConfigValues` of the simulated client `options` describe (default:
 * Windows): see {@link ConfigValueCatalog.iterate}. Returns `NETWORKING_CONFIG_INVALID` (0) at
 * the end and for a `current` that is not in Steam's table.
 */
export function iterateGenericEditableConfigValues(
  current: number,
  enumerateDevVars: boolean,
  options?: ConfigValueCatalogOptions,
): number {
  return catalogFor(options).iterate(current, enumerateDevVars);
}
