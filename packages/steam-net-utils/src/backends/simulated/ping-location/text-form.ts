/**
 * The text form of a ping location (`ConvertPingLocationToString` / `ParsePingLocationString`):
 * compact, human-readable, and exactly one spelling per location.
 *
 *   rl1 fra=2 ams=9 lux=9 par=11 lhr=14 syd=271/sgp @hub37+3
 *
 * `rl1` names the format version; each entry is `code=ping` (POP code, whole ms), with `/code`
 * when the best route goes through another POP's relay; `@hub<index>+<ms>` is the anchor. See
 * docs/simulated-ping-location.md for the grammar.
 */
import { MAX_PING_LOCATION_TEXT_LENGTH } from '../../../port/networking-utils-backend.js';
import { assertLocationBuffer, decodePingLocation } from './binary-codec.js';
import {
  checksumOffset,
  DIRECT,
  ENTRY_INDEX,
  ENTRY_PING,
  ENTRY_POP_ID,
  ENTRY_SIZE,
  ENTRY_VIA,
  FORMAT_VERSION,
  locationChecksumOfBytes,
  MAGIC_0,
  MAGIC_1,
  MAX_HUB_INDEX,
  MAX_PING_LOCATION_ENTRIES,
  MAX_PING_MS,
  NO_ANCHOR,
  OFFSET_ACCESS,
  OFFSET_COUNT,
  OFFSET_ENTRIES,
  OFFSET_FINGERPRINT,
  OFFSET_HUB,
  OFFSET_VERSION,
  writeU16,
  writeU32,
} from './layout.js';
import { popTable } from './pop-table.js';

/** The longest text form: Steam's buffer size minus the terminating NUL. */

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
    if (entry.relayPopId !== undefined) text += `/${code(entry.relayPopId)}`;
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
 * One pass over `text`: each token is checked against the canonical spelling as it is read and
 * written straight into its bytes (the same bytes `encodePingLocation` writes). Allocates
 * nothing.
 *
 * Throws a `TypeError` only when `out` is not a 512-byte `Uint8Array` (a programmer error).
 */
export function parsePingLocation(text: string, out: Uint8Array): boolean {
  assertLocationBuffer(out, "parsePingLocation's parameter 'out'");
  out.fill(0);
  // Bound the work first: nothing longer than a location's text can be one.
  if (typeof text !== 'string' || text.length > MAX_PING_LOCATION_TEXT_LENGTH) return false;
  if (readCanonical(text, out)) return true;
  // Only the used bytes (header, 12 entries, checksum) can have been written.
  out.fill(0, 0, checksumOffset(MAX_PING_LOCATION_ENTRIES) + 4);
  return false;
}

const SPACE = 0x20;
const EQUALS = 0x3d;
const SLASH = 0x2f;
const PLUS = 0x2b;
const AT = 0x40;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const LOWER_A = 0x61;
const LOWER_Z = 0x7a;
const ANCHOR_WORD_LENGTH = ANCHOR_PREFIX.length;
/** The most digits a number of the text form has (65534). */
const MAX_DIGITS = 5;
/** The most characters a POP code has. */
const MAX_CODE_LENGTH = 4;
/** The base of a packed POP code: 26 letters and 10 digits, each worth 1..36 (0 is "none"). */
const CODE_BASE = 37;

/** The value of a code character, 1..36, or 0 for a character no code has. */
function codeDigit(c: number): number {
  if (c >= LOWER_A && c <= LOWER_Z) return c - LOWER_A + 1;
  if (c >= DIGIT_0 && c <= DIGIT_9) return c - DIGIT_0 + 27;
  return 0;
}

let indexByPackedCode: Map<number, number> | undefined;

/**
 * Catalogue index by packed code (base 37, no digit 0, so codes of different lengths never
 * collide): a code read from the text is looked up without building a string. Codes a text
 * form cannot spell (not 1–4 characters of a–z, 0–9) are left out, as they can never be read.
 */
function codeIndex(): Map<number, number> {
  if (indexByPackedCode !== undefined) return indexByPackedCode;
  const map = new Map<number, number>();
  // The same code-to-index choice as the catalogue's `indexByCode`.
  for (const [code, index] of popTable().indexByCode) {
    let packed = 0;
    let spellable = code.length >= 1 && code.length <= MAX_CODE_LENGTH;
    for (let i = 0; spellable && i < code.length; i++) {
      const digit = codeDigit(code.charCodeAt(i));
      spellable = digit !== 0;
      packed = packed * CODE_BASE + digit;
    }
    if (spellable) map.set(packed, index);
  }
  indexByPackedCode = map;
  return map;
}

// Scanner state of readCanonical, module-level so a parse allocates nothing; it is only valid
// during one call (parsing never re-enters itself).
let scanText = '';
let scanAt = 0;

/**
 * Reads a canonical number at `scanAt` ("0", or 1–5 digits without a leading zero, at most
 * `max`) and moves past it; -1 when there is none. Digits after the number are left for the
 * caller, which refuses them as trailing characters.
 */
function readNumber(max: number): number {
  const text = scanText;
  let at = scanAt;
  const first = text.charCodeAt(at);
  if (!(first >= DIGIT_0 && first <= DIGIT_9)) return -1;
  let value = first - DIGIT_0;
  at++;
  // A leading zero is the whole number: "0" only, never "012".
  if (value !== 0) {
    const end = Math.min(text.length, at + MAX_DIGITS - 1);
    while (at < end) {
      const c = text.charCodeAt(at);
      if (c < DIGIT_0 || c > DIGIT_9) break;
      value = value * 10 + (c - DIGIT_0);
      at++;
    }
  }
  const next = text.charCodeAt(at);
  // A sixth digit, or a digit after a leading zero, is never canonical.
  if ((next >= DIGIT_0 && next <= DIGIT_9) || value > max) return -1;
  scanAt = at;
  return value;
}

/** Reads a catalogue POP code at `scanAt` and moves past it: its catalogue index, or -1. */
function readPopIndex(): number {
  const text = scanText;
  let at = scanAt;
  const end = Math.min(text.length, at + MAX_CODE_LENGTH + 1);
  let packed = 0;
  while (at < end) {
    const digit = codeDigit(text.charCodeAt(at));
    if (digit === 0) break;
    packed = packed * CODE_BASE + digit;
    at++;
  }
  const length = at - scanAt;
  if (length === 0 || length > MAX_CODE_LENGTH) return -1;
  const index = indexByPackedCode!.get(packed);
  if (index === undefined) return -1;
  scanAt = at;
  return index;
}

/**
 * Checks that `text` is exactly what `formatPingLocation` writes for some valid location and
 * writes that location's bytes into `out` (all zeros on entry). False on the first character
 * that breaks the canonical spelling or a rule of the data.
 */
function readCanonical(text: string, out: Uint8Array): boolean {
  if (!text.startsWith(PING_LOCATION_TEXT_PREFIX)) return false;
  const table = popTable();
  const ids = table.ids;
  codeIndex();
  scanText = text;
  scanAt = PING_LOCATION_TEXT_PREFIX.length;
  const length = text.length;
  let count = 0;
  let previousPing = -1;
  let previousId = -1;
  let hubIndex = NO_ANCHOR;
  let accessMs = NO_ANCHOR;
  while (scanAt < length) {
    // Every token follows exactly one space, and the anchor is the last token.
    if (text.charCodeAt(scanAt) !== SPACE) return false;
    scanAt++;
    if (text.charCodeAt(scanAt) === AT) {
      if (!text.startsWith(ANCHOR_PREFIX, scanAt)) return false;
      scanAt += ANCHOR_WORD_LENGTH;
      hubIndex = readNumber(MAX_HUB_INDEX);
      if (hubIndex < 0 || text.charCodeAt(scanAt) !== PLUS) return false;
      scanAt++;
      accessMs = readNumber(MAX_PING_MS);
      if (accessMs < 0 || scanAt !== length) return false;
      break;
    }
    if (count === MAX_PING_LOCATION_ENTRIES) return false;
    const index = readPopIndex();
    if (index < 0 || text.charCodeAt(scanAt) !== EQUALS) return false;
    scanAt++;
    const pingMs = readNumber(MAX_PING_MS);
    if (pingMs < 0) return false;
    let via = DIRECT;
    if (text.charCodeAt(scanAt) === SLASH) {
      scanAt++;
      via = readPopIndex();
      // Catalogue ids are distinct, so the same index is the same POP.
      if (via < 0 || via === index) return false;
    }
    const popId = ids[index]!;
    // Canonical order: by ping, then by POP id; an equal pair is a duplicate.
    if (pingMs < previousPing || (pingMs === previousPing && popId <= previousId)) return false;
    // Each POP at most once: compare with the indices already written.
    for (let k = 0; k < count; k++) {
      if (out[OFFSET_ENTRIES + k * ENTRY_SIZE + ENTRY_INDEX] === index) return false;
    }
    previousPing = pingMs;
    previousId = popId;
    const at = OFFSET_ENTRIES + count * ENTRY_SIZE;
    writeU32(out, at + ENTRY_POP_ID, popId);
    out[at + ENTRY_INDEX] = index;
    out[at + ENTRY_VIA] = via;
    writeU16(out, at + ENTRY_PING, pingMs);
    count++;
  }
  out[0] = MAGIC_0;
  out[1] = MAGIC_1;
  out[OFFSET_VERSION] = FORMAT_VERSION;
  out[OFFSET_COUNT] = count;
  writeU32(out, OFFSET_FINGERPRINT, table.fingerprint);
  writeU16(out, OFFSET_HUB, hubIndex);
  writeU16(out, OFFSET_ACCESS, accessMs);
  const end = checksumOffset(count);
  writeU32(out, end, locationChecksumOfBytes(out, end));
  return true;
}
