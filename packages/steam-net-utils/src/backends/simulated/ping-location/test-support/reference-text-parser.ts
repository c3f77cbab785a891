/**
 * The straightforward text-form parser the shipped single-pass one must agree with: read the
 * tokens into location data, validate and encode it with the binary codec, then accept only
 * when formatting the bytes gives the text back. Slow (it allocates per token and formats the
 * result); for specs only.
 */
import { assertLocationBuffer, encodePingLocation } from '../binary-codec.js';
import { MAX_PING_LOCATION_ENTRIES, MAX_PING_MS } from '../layout.js';
import {
  type PingLocationAnchor,
  type PingLocationData,
  pingLocationDataProblem,
  type PingLocationEntry,
} from '../ping-location-data.js';
import { popTable } from '../pop-table.js';
import { MAX_PING_LOCATION_TEXT_LENGTH } from '../../../../port/networking-utils-backend.js';
import { formatPingLocation, PING_LOCATION_TEXT_PREFIX } from '../text-form.js';

const ANCHOR_PREFIX = '@hub';
const MAX_DIGITS = 5;
const MAX_CODE_LENGTH = 4;

/** The parse-validate-encode-format-compare reading of `text` (same contract as the shipped one). */
export function referenceParsePingLocation(text: string, out: Uint8Array): boolean {
  assertLocationBuffer(out, "referenceParsePingLocation's parameter 'out'");
  out.fill(0);
  if (typeof text !== 'string' || text.length > MAX_PING_LOCATION_TEXT_LENGTH) return false;
  const data = readTokens(text);
  if (data === undefined || pingLocationDataProblem(data, popTable()) !== undefined) return false;
  encodePingLocation(data, out);
  if (formatPingLocation(out) !== text) {
    out.fill(0);
    return false;
  }
  return true;
}

function readTokens(text: string): PingLocationData | undefined {
  if (!text.startsWith(PING_LOCATION_TEXT_PREFIX)) return undefined;
  const { indexByCode, ids } = popTable();
  let at = PING_LOCATION_TEXT_PREFIX.length;

  const readNumber = (): number | undefined => {
    const start = at;
    let value = 0;
    while (at < text.length && at - start <= MAX_DIGITS) {
      const c = text.charCodeAt(at);
      if (c < 0x30 || c > 0x39) break;
      value = value * 10 + (c - 0x30);
      at++;
    }
    const digits = at - start;
    return digits === 0 || digits > MAX_DIGITS || value > MAX_PING_MS ? undefined : value;
  };

  const readPopId = (): number | undefined => {
    const start = at;
    while (at < text.length && at - start <= MAX_CODE_LENGTH && /[a-z0-9]/.test(text[at]!)) at++;
    if (at === start || at - start > MAX_CODE_LENGTH) return undefined;
    const index = indexByCode.get(text.slice(start, at));
    return index === undefined ? undefined : ids[index];
  };

  const entries: PingLocationEntry[] = [];
  let anchor: PingLocationAnchor | undefined;
  while (at < text.length) {
    if (text[at] !== ' ' || anchor !== undefined) return undefined;
    at++;
    if (text.startsWith(ANCHOR_PREFIX, at)) {
      at += ANCHOR_PREFIX.length;
      const hubIndex = readNumber();
      if (hubIndex === undefined || text[at] !== '+') return undefined;
      at++;
      const accessMs = readNumber();
      if (accessMs === undefined) return undefined;
      anchor = { hubIndex, accessMs };
      continue;
    }
    if (entries.length === MAX_PING_LOCATION_ENTRIES) return undefined;
    const popId = readPopId();
    if (popId === undefined || text[at] !== '=') return undefined;
    at++;
    const pingMs = readNumber();
    if (pingMs === undefined) return undefined;
    if (text[at] === '/') {
      at++;
      const relayPopId = readPopId();
      if (relayPopId === undefined) return undefined;
      entries.push({ popId, pingMs, relayPopId });
    } else {
      entries.push({ popId, pingMs });
    }
  }
  return anchor === undefined ? { entries } : { entries, anchor };
}
