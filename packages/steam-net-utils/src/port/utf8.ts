/**
 * UTF-8 for config strings, written out so that it behaves the same in every environment (some
 * test environments lack `TextEncoder`) and so that the byte count of a string is known before
 * anything is stored.
 */

/** U+FFFD, what an unpaired surrogate or a malformed byte sequence becomes. */
const REPLACEMENT_CHARACTER = 0xfffd;

/**
 * The UTF-8 bytes of `text` (no terminator). An unpaired surrogate is encoded as U+FFFD, as
 * `TextEncoder` does, so every string has an encoding. Never throws.
 */
export function encodeUtf8(text: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let codePoint = text.charCodeAt(i);
    if (codePoint >= 0xd800 && codePoint <= 0xdbff) {
      // A high surrogate counts only when a low surrogate follows (charCodeAt past the end is NaN).
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        codePoint = REPLACEMENT_CHARACTER;
      }
    } else if (codePoint >= 0xdc00 && codePoint <= 0xdfff) {
      codePoint = REPLACEMENT_CHARACTER;
    }
    if (codePoint < 0x80) {
      bytes.push(codePoint);
    } else if (codePoint < 0x800) {
      bytes.push(0xc0 | (codePoint >> 6), 0x80 | (codePoint & 0x3f));
    } else if (codePoint < 0x10000) {
      bytes.push(
        0xe0 | (codePoint >> 12),
        0x80 | ((codePoint >> 6) & 0x3f),
        0x80 | (codePoint & 0x3f),
      );
    } else {
      bytes.push(
        0xf0 | (codePoint >> 18),
        0x80 | ((codePoint >> 12) & 0x3f),
        0x80 | ((codePoint >> 6) & 0x3f),
        0x80 | (codePoint & 0x3f),
      );
    }
  }
  return Uint8Array.from(bytes);
}

/**
 * The text of UTF-8 `bytes`. Malformed input never throws: each maximal invalid subsequence
 * becomes one U+FFFD, exactly as the WHATWG Encoding Standard's UTF-8 decoder (and so
 * `new TextDecoder()`) does it. A NUL byte is an ordinary character here.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  const codePoints: number[] = [];
  let needed = 0;
  let seen = 0;
  let codePoint = 0;
  // The accepted range of the next continuation byte; narrowed after E0, ED, F0 and F4 so that
  // overlong forms, surrogates and values above U+10FFFF are rejected.
  let lower = 0x80;
  let upper = 0xbf;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    if (needed === 0) {
      if (byte <= 0x7f) {
        codePoints.push(byte);
      } else if (byte >= 0xc2 && byte <= 0xdf) {
        needed = 1;
        codePoint = byte & 0x1f;
      } else if (byte >= 0xe0 && byte <= 0xef) {
        if (byte === 0xe0) lower = 0xa0;
        if (byte === 0xed) upper = 0x9f;
        needed = 2;
        codePoint = byte & 0x0f;
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        if (byte === 0xf0) lower = 0x90;
        if (byte === 0xf4) upper = 0x8f;
        needed = 3;
        codePoint = byte & 0x07;
      } else {
        codePoints.push(REPLACEMENT_CHARACTER);
      }
      continue;
    }
    if (byte < lower || byte > upper) {
      // The sequence ends early: one replacement for it, then this byte starts afresh.
      needed = 0;
      seen = 0;
      codePoint = 0;
      lower = 0x80;
      upper = 0xbf;
      codePoints.push(REPLACEMENT_CHARACTER);
      i--;
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    codePoint = (codePoint << 6) | (byte & 0x3f);
    seen++;
    if (seen === needed) {
      codePoints.push(codePoint);
      needed = 0;
      seen = 0;
      codePoint = 0;
    }
  }
  if (needed !== 0) codePoints.push(REPLACEMENT_CHARACTER);
  let text = '';
  // In slices, so that a long string cannot overflow the argument list of fromCodePoint.
  for (let start = 0; start < codePoints.length; start += 4096) {
    text += String.fromCodePoint(...codePoints.slice(start, start + 4096));
  }
  return text;
}
