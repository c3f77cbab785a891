/**
 * The text form of a ping location (`ConvertPingLocationToString` / `ParsePingLocationString`):
 * compact, human-readable, and exactly one spelling per location.
 *
 *   rl1 fra=2 ams=9 lux=9 par=11 lhr=14 syd=271/sgp @hub37+3
 *
 * `rl1` names the format version; each entry is `code=ping` (POP code, whole ms), with `/code`
 * when the best route goes through another POP's relay; `@hub<index>+<ms>` is the anchor. See
 * FORMAT.md for the grammar.
 */
import { MAX_NETWORKING_PING_LOCATION_STRING } from '../../constants/index.js';
import { assertLocationBuffer, decodePingLocation, encodePingLocation } from './binary-codec.js';
import { MAX_PING_LOCATION_ENTRIES, MAX_PING_MS } from './layout.js';
import {
  type PingLocationAnchor,
  type PingLocationData,
  pingLocationDataProblem,
  type PingLocationEntry,
} from './ping-location-data.js';
import { popTable } from './pop-table.js';

/** The longest text form: Steam's buffer size minus the terminating NUL. */
export const MAX_PING_LOCATION_TEXT_LENGTH = MAX_NETWORKING_PING_LOCATION_STRING - 1;

/** The version word every text form starts with. */
export const PING_LOCATION_TEXT_PREFIX = 'rl1';

const ANCHOR_PREFIX = '@hub';

/**
 * The text form of a location: '' when `bytes` is not a valid location (all zeros, wrong size,
 * tampered; see `decodePingLocation`). Never throws. At most 211 characters (12 entries of
 * four-letter codes, five-digit pings and relays, and the largest anchor), far below
 * {@link MAX_PING_LOCATION_TEXT_LENGTH}.
 */
export function formatPingLocation(bytes: Uint8Array): string {
  const data = decodePingLocation(bytes);
  if (data === undefined) return '';
  const codes = popTable().codes;
  const indexById = popTable().indexById;
  const code = (popId: number): string => codes[indexById.get(popId)!]!;
  let text = PING_LOCATION_TEXT_PREFIX;
  for (const entry of data.entries) {
    text += ` ${code(entry.popId)}=${entry.pingMs}`;
    if (entry.viaPopId !== undefined) text += `/${code(entry.viaPopId)}`;
  }
  if (data.anchor !== undefined) {
    text += ` ${ANCHOR_PREFIX}${data.anchor.hubIndex}+${data.anchor.accessMs}`;
  }
  return text;
}

/**
 * Parses the text form into `out`. Returns true on success; returns false and leaves `out` all
 * zeros for any other string: longer than {@link MAX_PING_LOCATION_TEXT_LENGTH} (refused before
 * anything else is read), not the exact canonical spelling `formatPingLocation` produces
 * (extra or missing spaces, leading zeros, signs, upper case), an unknown POP code, a number
 * above 65534, more than 12 entries, a duplicate POP, entries out of order, a relay equal to
 * its entry's POP, or trailing characters. Never throws for any `text`.
 *
 * So `parsePingLocation(formatPingLocation(b), out)` rebuilds `b` byte for byte, and
 * `formatPingLocation(out)` gives back `text` whenever this returns true.
 *
 * Throws a `TypeError` only when `out` is not a 512-byte `Uint8Array` (a programmer error).
 */
export function parsePingLocation(text: string, out: Uint8Array): boolean {
  assertLocationBuffer(out, "parsePingLocation's parameter 'out'");
  out.fill(0);
  // Bound the work first: nothing longer than a location's text can be one.
  if (typeof text !== 'string' || text.length > MAX_PING_LOCATION_TEXT_LENGTH) return false;
  const data = readTokens(text);
  if (data === undefined || pingLocationDataProblem(data, popTable()) !== undefined) return false;
  encodePingLocation(data, out);
  // Only the canonical spelling is accepted: any other one (leading zeros, ...) reads the same
  // tokens but formats differently.
  if (formatPingLocation(out) !== text) {
    out.fill(0);
    return false;
  }
  return true;
}

const SPACE = 0x20;
const EQUALS = 0x3d;
const SLASH = 0x2f;
const PLUS = 0x2b;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const LOWER_A = 0x61;
const LOWER_Z = 0x7a;
/** The most digits a number of the text form has (65534). */
const MAX_DIGITS = 5;
/** The most characters a POP code has. */
const MAX_CODE_LENGTH = 4;

/**
 * Reads the tokens of `text` (already known to be short) into location data, or `undefined` on
 * a syntax error or an unknown POP code. Canonical order and spelling are checked by the caller.
 */
function readTokens(text: string): PingLocationData | undefined {
  if (!text.startsWith(PING_LOCATION_TEXT_PREFIX)) return undefined;
  const indexByCode = popTable().indexByCode;
  const ids = popTable().ids;
  let at = PING_LOCATION_TEXT_PREFIX.length;

  /** Reads 1–5 digits at `at` (no sign); undefined when there are none, more, or it is > 65534. */
  const readNumber = (): number | undefined => {
    const start = at;
    let value = 0;
    while (at < text.length && at - start <= MAX_DIGITS) {
      const c = text.charCodeAt(at);
      if (c < DIGIT_0 || c > DIGIT_9) break;
      value = value * 10 + (c - DIGIT_0);
      at++;
    }
    const digits = at - start;
    return digits === 0 || digits > MAX_DIGITS || value > MAX_PING_MS ? undefined : value;
  };

  /** Reads a POP code of the catalogue at `at`; undefined when there is none or it is unknown. */
  const readPopId = (): number | undefined => {
    const start = at;
    while (at < text.length && at - start <= MAX_CODE_LENGTH) {
      const c = text.charCodeAt(at);
      if (!((c >= LOWER_A && c <= LOWER_Z) || (c >= DIGIT_0 && c <= DIGIT_9))) break;
      at++;
    }
    if (at === start || at - start > MAX_CODE_LENGTH) return undefined;
    const index = indexByCode.get(text.slice(start, at));
    return index === undefined ? undefined : ids[index];
  };

  const entries: PingLocationEntry[] = [];
  let anchor: PingLocationAnchor | undefined;
  while (at < text.length) {
    // Every token follows exactly one space, and the anchor is the last token.
    if (text.charCodeAt(at) !== SPACE || anchor !== undefined) return undefined;
    at++;
    if (text.startsWith(ANCHOR_PREFIX, at)) {
      at += ANCHOR_PREFIX.length;
      const hubIndex = readNumber();
      if (hubIndex === undefined || text.charCodeAt(at) !== PLUS) return undefined;
      at++;
      const accessMs = readNumber();
      if (accessMs === undefined) return undefined;
      anchor = { hubIndex, accessMs };
      continue;
    }
    if (entries.length === MAX_PING_LOCATION_ENTRIES) return undefined;
    const popId = readPopId();
    if (popId === undefined || text.charCodeAt(at) !== EQUALS) return undefined;
    at++;
    const pingMs = readNumber();
    if (pingMs === undefined) return undefined;
    if (text.charCodeAt(at) === SLASH) {
      at++;
      const viaPopId = readPopId();
      if (viaPopId === undefined) return undefined;
      entries.push({ popId, pingMs, viaPopId });
    } else {
      entries.push({ popId, pingMs });
    }
  }
  return anchor === undefined ? { entries } : { entries, anchor };
}
