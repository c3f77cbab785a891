/**
 * Steam's networking config values for the backends that keep their own (the simulation, the
 * beacons): the store with Steam's
 * set/get semantics, the value catalog (info and iteration), the byte layout of values and the
 * C-style conversions behind them. See docs/config-values.md for every rule and choice.
 */
export { formatPrintfG } from './c-number-formatting.js';
export { scanFloat32, scanInt32, scanInt64 } from './c-number-parsing.js';
export {
  ConfigValueCatalog,
  type ConfigValueCatalogOptions,
  type ConfigValueInfo,
  getConfigValueInfo,
  iterateGenericEditableConfigValues,
} from './config-value-catalog.js';
export {
  clampConfigValue,
  type ConfigArgument,
  convertConfigArgument,
  MAX_CONFIG_STRING_BYTES,
  readConfigArgument,
  roundFloatToInt32,
  roundFloatToInt64,
  NULL_POINTER_VALUE,
  type StoredConfigValue,
} from './config-value-conversion.js';
export { ConnectionHandleRegistry } from './connection-handle-registry.js';
export { bigintToFloat32, FLOAT32_MAX, roundRationalToFloat32 } from './float32-rounding.js';
export {
  type ConfigValueRead,
  type ConfigValueReadout,
  MTU_HEADER_RESERVE_BYTES,
  ConfigStore,
  type ConfigStoreOptions,
} from './config-store.js';
export { UNPUBLISHED_DEFAULTS, defaultValueOf } from './unpublished-defaults.js';
