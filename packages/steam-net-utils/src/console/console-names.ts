// How the dev console names Steam's numbers: `CURRENT` for 100, `fra` for a POP id.
import {
  CONFIG_VALUE_TABLE,
  type ConfigValueEntry,
  type ConstantGroupName,
  constantNameOf,
  CONSTANT_GROUPS,
  NETWORKING_PING_FAILED,
  NETWORKING_PING_UNKNOWN,
} from '../constants/index.js';
import { getPopInfo, popCodeFromId } from '../backends/simulated/world/index.js';

/** `'CURRENT'` for `(NetworkingAvailability, 100)`: the member name without its prefix, or the number. */
export function shortConstantName(group: ConstantGroupName, value: number): string {
  const name = constantNameOf(group, value);
  return name === undefined ? String(value) : name.slice(CONSTANT_GROUPS[group].prefix.length);
}

/** A POP id as its code (`'fra'`), or `#<id>` when the id does not spell a code. */
export function popLabel(popId: number): string {
  try {
    return popCodeFromId(popId);
  } catch {
    return `#${popId}`;
  }
}

/** `'Frankfurt, Germany'` for a catalogue POP, '' otherwise. */
export function popPlace(popId: number): string {
  const info = getPopInfo(popId);
  return info === undefined ? '' : `${info.city}, ${info.country}`;
}

/** A ping as the console shows it: `12 ms`, `failed` or `unknown`. */
export function formatPing(ping: number): string {
  if (ping === NETWORKING_PING_FAILED) return 'failed (NETWORKING_PING_FAILED)';
  if (ping === NETWORKING_PING_UNKNOWN) return 'unknown (NETWORKING_PING_UNKNOWN)';
  return `${ping} ms`;
}

/**
 * The config value a console user means: its Steam name in any letter case (`timeoutinitial`),
 * its GodotSteam name (`NETWORKING_CONFIG_TIMEOUT_INITIAL`, prefix optional) or its id.
 */
export function findConfigValue(query: string): ConfigValueEntry | undefined {
  const wanted = query.trim().toUpperCase();
  if (/^\d+$/.test(wanted)) {
    const id = Number(wanted);
    return CONFIG_VALUE_TABLE.find((entry) => entry.id === id);
  }
  return CONFIG_VALUE_TABLE.find(
    (entry) =>
      entry.steamName.toUpperCase() === wanted ||
      entry.name === wanted ||
      entry.name === `NETWORKING_CONFIG_${wanted}`,
  );
}
