// How the dev console names Steam's numbers: `CURRENT` for 100, `fra` for a POP id.
import {
  CONFIG_VALUE_TABLE,
  type ConfigValueEntry,
  NETWORKING_PING_FAILED,
  NETWORKING_PING_UNKNOWN,
} from '../constants/index.js';
import { PopDirectoryCapability } from '../port/backend-capability.js';
import { popCodeFromId } from '../estimator/pop-id.js';
import { type NetworkingUtils } from '../service/networking-utils.js';

/** A POP id as its code (`'fra'`), or `#<id>` when the id does not spell a code. */
export function popLabel(popId: number): string {
  try {
    return popCodeFromId(popId);
  } catch {
    return `#${popId}`;
  }
}

/** Where the POP is, as the backend describes it (`PopDirectoryCapability`), or ''. */
export function popPlace(service: NetworkingUtils, popId: number): string {
  return service.capability(PopDirectoryCapability)?.describePop(popId)?.description ?? '';
}

/** A ping as a table cell: the number of ms, or `failed` / `unknown` for Steam's sentinels. */
export function pingCell(ping: number): string | number {
  if (ping >= 0) return ping;
  return ping === NETWORKING_PING_FAILED ? 'failed' : 'unknown';
}

/** A ping as a line of text: `12 ms`, or the sentinel's word with its constant's name. */
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
