/**
 * The one order of pings wherever Relaylane sorts them (the console's POP list, the lobby
 * ranking): measured pings ascending, then `NETWORKING_PING_FAILED`, then everything else
 * (`NETWORKING_PING_UNKNOWN`, and any other negative number Steam might return).
 */
import { NETWORKING_PING_FAILED } from '../constants/index.js';

/** Which group a ping sorts in: 0 a ping, 1 `NETWORKING_PING_FAILED`, 2 anything else. */
export function pingSortGroup(ping: number): 0 | 1 | 2 {
  if (ping >= 0) return 0;
  return ping === NETWORKING_PING_FAILED ? 1 : 2;
}

/** A comparator in that order: negative when `a` comes first, 0 when they tie. */
export function comparePings(a: number, b: number): number {
  const groupA = pingSortGroup(a);
  const groupB = pingSortGroup(b);
  if (groupA !== groupB) return groupA - groupB;
  if (groupA === 0 && a !== b) return a < b ? -1 : 1;
  return 0;
}
