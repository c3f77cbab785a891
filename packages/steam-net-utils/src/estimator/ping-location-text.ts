/**
 * Steam's ping-location text, read. The grammar, what real clients write and what this reader
 * does with anything else are in docs/ping-location-text.md; in short:
 *
 *   location := entry ( "," entry )*
 *   entry    := pop "=" [ route ] [ "/" route ]      at least one route
 *   route    := ms "+" extra                         whole ms, decimal, at most 65534
 *   pop      := [a-z][a-z0-9]{2,3}
 *
 * Leading and trailing ASCII whitespace (C's `isspace`) is ignored; anything else outside the grammar, a POP named
 * twice, or text longer than Steam's buffer makes the text not a location. More than 12 entries
 * are read and the 12 best routes kept. Entries out of order are sorted (ties keep their order).
 * POP codes no network knows are carried through. The reader never throws on data and reads each
 * character at most once, so it always ends.
 */
import { MAX_NETWORKING_PING_LOCATION_STRING } from '../constants/index.js';
import { insertEntry, MAX_ROUTE_MS, RECORD_COUNT, RECORD_SIZE } from './location-record.js';
import { locationOfRecord, type PingLocation } from './ping-location.js';

/**
 * The longest text that can be a location: Steam's buffer (`MAX_NETWORKING_PING_LOCATION_STRING`)
 * less its terminating NUL. Real locations are ASCII, so characters and UTF-8 bytes agree.
 */
export const MAX_PING_LOCATION_TEXT_LENGTH = MAX_NETWORKING_PING_LOCATION_STRING - 1;

/** What `parse` returns for text that is not a location. */
export class NotAPingLocation {
  /**
   * True when `value` is a `NotAPingLocation`: a private-field brand check, so no Proxy trap or
   * getter runs (`instanceof` would ask a Proxy for its prototype).
   */
  static is(value: unknown): value is NotAPingLocation {
    return typeof value === 'object' && value !== null && #brand in value;
  }

  readonly #brand = true;
  readonly ok = false as const;
  readonly code = 'ESTIMATOR_NOT_A_LOCATION' as const;

  /**
   * @param reason what is wrong, for logs (`"entry 3: 'FRA' is not a POP code"`).
   * @param at the offset in the text where reading stopped (0 for a wrong type or length).
   */
  constructor(
    readonly reason: string,
    readonly at: number,
  ) {}
}

/**
 * The most entries a text of the maximum length can hold: the shortest entry, "abc=0+0", takes
 * 7 characters, 8 with its comma.
 */
const MAX_SCANNED_ENTRIES = Math.ceil((MAX_PING_LOCATION_TEXT_LENGTH + 1) / 8);
/** Every POP id read so far from the current text (the record keeps only the best 12). */
const seenPops = new Int32Array(MAX_SCANNED_ENTRIES);
/** Where the last failed scan stopped, and why (read only right after a failure). */
let failureAt = 0;
let failureReason = '';

/** Digits of the longest number the grammar allows (65534). */
const MAX_DIGITS = 5;

const CH_0 = 0x30;
const CH_9 = 0x39;
const CH_A = 0x61;
const CH_Z = 0x7a;
const CH_PLUS = 0x2b;
const CH_SLASH = 0x2f;
const CH_EQUALS = 0x3d;
const CH_COMMA = 0x2c;

/** C's `isspace` in the "C" locale: space, tab, LF, VT, FF, CR. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

function fail(at: number, reason: string): false {
  failureAt = at;
  failureReason = reason;
  return false;
}

/**
 * Reads `text` into the record at `base` of `record`. Returns false when the text is not a
 * location; the record's count is then 0. Allocates nothing on success.
 */
export function scanPingLocationText(text: string, record: Int32Array, base: number): boolean {
  record[base + RECORD_COUNT] = 0;
  if (text.length > MAX_PING_LOCATION_TEXT_LENGTH) {
    return fail(
      0,
      `it is ${text.length} characters long; at most ${MAX_PING_LOCATION_TEXT_LENGTH} fit`,
    );
  }
  let end = text.length;
  let i = 0;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  while (end > i && isSpace(text.charCodeAt(end - 1))) end--;
  if (i === end) return fail(i, 'it is empty');
  let entries = 0;
  for (;;) {
    // pop
    const codeStart = i;
    let popId = 0;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (!((c >= CH_A && c <= CH_Z) || (c >= CH_0 && c <= CH_9))) break;
      const length = i - codeStart;
      if (length === 4)
        return fail(codeStart, `entry ${entries}: a POP code has at most 4 characters`);
      if (length === 0 && c <= CH_9)
        return fail(i, `entry ${entries}: a POP code starts with a letter`);
      popId |= length === 3 ? c << 24 : c << (16 - 8 * length);
      i++;
    }
    if (i - codeStart < 3) {
      return fail(codeStart, `entry ${entries}: expected a POP code of 3 or 4 characters a-z, 0-9`);
    }
    if (i >= end || text.charCodeAt(i) !== CH_EQUALS)
      return fail(i, `entry ${entries}: expected '='`);
    i++;
    for (let k = 0; k < entries; k++) {
      if (seenPops[k] === popId) return fail(codeStart, `entry ${entries} names a POP again`);
    }
    seenPops[entries] = popId;
    // routes
    let directMs = -1;
    let directExtra = 0;
    let viaMs = -1;
    let viaExtra = 0;
    if (i < end && text.charCodeAt(i) !== CH_SLASH && text.charCodeAt(i) !== CH_COMMA) {
      directMs = readNumber(text, i, end);
      if (directMs < 0) return false;
      i = numberEnd;
      if (i >= end || text.charCodeAt(i) !== CH_PLUS)
        return fail(i, `entry ${entries}: expected '+'`);
      directExtra = readNumber(text, i + 1, end);
      if (directExtra < 0) return false;
      i = numberEnd;
    }
    if (i < end && text.charCodeAt(i) === CH_SLASH) {
      viaMs = readNumber(text, i + 1, end);
      if (viaMs < 0) return false;
      i = numberEnd;
      if (i >= end || text.charCodeAt(i) !== CH_PLUS)
        return fail(i, `entry ${entries}: expected '+'`);
      viaExtra = readNumber(text, i + 1, end);
      if (viaExtra < 0) return false;
      i = numberEnd;
    }
    if (directMs < 0 && viaMs < 0) return fail(i, `entry ${entries} has no route`);
    insertEntry(record, base, popId >>> 0, directMs, directExtra, viaMs, viaExtra, 0);
    entries++;
    if (i === end) break;
    if (text.charCodeAt(i) !== CH_COMMA)
      return fail(i, `entry ${entries - 1}: expected ',' or the end`);
    i++;
  }
  return true;
}

/** Where the last {@link readNumber} stopped. */
let numberEnd = 0;

/**
 * The decimal number at `text[i]` (1 to 5 digits, at most {@link MAX_ROUTE_MS}), setting
 * {@link numberEnd}; or -1 (and a failure) when there is none or it is too large.
 */
function readNumber(text: string, i: number, end: number): number {
  let value = 0;
  const start = i;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c < CH_0 || c > CH_9) break;
    if (i - start === MAX_DIGITS) {
      fail(start, 'a number has more than 5 digits');
      return -1;
    }
    value = value * 10 + (c - CH_0);
    i++;
  }
  if (i === start) {
    fail(i, 'expected a number of ms');
    return -1;
  }
  if (value > MAX_ROUTE_MS) {
    fail(start, `${value} ms is more than ${MAX_ROUTE_MS}`);
    return -1;
  }
  numberEnd = i;
  return value;
}

/**
 * `text` as a location, or a {@link NotAPingLocation} saying why not. Never throws, whatever
 * `text` is (a non-string is not a location).
 */
export function parse(text: unknown): PingLocation | NotAPingLocation {
  if (typeof text !== 'string') {
    return new NotAPingLocation(`it is ${text === null ? 'null' : typeof text}, not a string`, 0);
  }
  const record = new Int32Array(RECORD_SIZE);
  if (!scanPingLocationText(text, record, 0)) return new NotAPingLocation(failureReason, failureAt);
  return locationOfRecord(record);
}
