/**
 * The defaults the simulation uses where Steam's are not published, and the default of every
 * config value as the simulated store starts with it.
 */

import {
  type ConfigValueEntry,
  NETWORKING_CONFIG_SDR_CLIENT_CONSEC_PING_TIMEOUT_FAIL,
  NETWORKING_CONFIG_SDR_CLIENT_CONSEC_PING_TIMEOUT_FAIL_INITIAL,
  NETWORKING_CONFIG_SDR_CLIENT_LIMIT_PING_PROBES_TO_NEAREST_N,
  NETWORKING_CONFIG_SDR_CLIENT_MIN_PINGS_BEFORE_PING_ACCURATE,
  NETWORKING_CONFIG_TYPE_FUNCTION_PTR,
} from '../constants/index.js';
import { NULL_POINTER_VALUE, type StoredConfigValue } from './config-value-conversion.js';

/**
 * The simulation's defaults of the relay values whose Steam default is unpublished (their
 * `defaultValue` in the config value table is `null`):
 * - consecutive ping timeouts before a relay port is avoided: 2 at first, 4 once it has answered,
 *   and 10 pings before a ping is considered accurate: the values an early open-source revision of
 *   Valve's GameNetworkingSockets gave these settings before they moved to Steam's closed relay code;
 * - `SDRClient_LimitPingProbesToNearestN`: 0, which the simulation reads as "no limit" (every value
 *   of 0 or less does): it probes every POP of its network config. Steam's value is unknown.
 */
export const UNPUBLISHED_DEFAULTS: ReadonlyMap<number, number> = new Map([
  [NETWORKING_CONFIG_SDR_CLIENT_CONSEC_PING_TIMEOUT_FAIL_INITIAL, 2],
  [NETWORKING_CONFIG_SDR_CLIENT_CONSEC_PING_TIMEOUT_FAIL, 4],
  [NETWORKING_CONFIG_SDR_CLIENT_MIN_PINGS_BEFORE_PING_ACCURATE, 10],
  [NETWORKING_CONFIG_SDR_CLIENT_LIMIT_PING_PROBES_TO_NEAREST_N, 0],
]);

/**
 * The value `entry` has before anything sets it, in the simulation: the table's default, the
 * simulation's choice from {@link UNPUBLISHED_DEFAULTS} where Steam's is unpublished,
 * the null pointer for callbacks. Throws RangeError for an entry with neither (a table that this
 * module has not been brought up to date with).
 */
export function defaultValueOf(entry: ConfigValueEntry): StoredConfigValue {
  if (entry.defaultValue !== null) return entry.defaultValue;
  if (entry.dataType === NETWORKING_CONFIG_TYPE_FUNCTION_PTR) return NULL_POINTER_VALUE;
  const chosen = UNPUBLISHED_DEFAULTS.get(entry.id);
  if (chosen === undefined) {
    throw new RangeError(
      `defaultValueOf: config value ${entry.name} (${entry.id}) has no published default and no simulated one; add it to UNPUBLISHED_DEFAULTS.`,
    );
  }
  return chosen;
}
