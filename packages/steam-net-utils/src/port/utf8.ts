/**
 * UTF-8 for config strings, with the platform's WHATWG encoder and decoder (every browser, Node,
 * Electron, Deno and Bun has them), set up for C strings: the bytes are the string's whole
 * content, so a leading byte order mark is kept as U+FEFF rather than consumed.
 *
 * They are made on first use, so that importing the package works where they are missing (jsdom
 * test environments); only a config string needs them there.
 */

let encoder: TextEncoder | undefined;
let decoder: TextDecoder | undefined;

/**
 * The UTF-8 bytes of `text` (no terminator). An unpaired surrogate is encoded as U+FFFD, so every
 * string has an encoding. Never throws.
 */
export function encodeUtf8(text: string): Uint8Array {
  encoder ??= new TextEncoder();
  return encoder.encode(text);
}

/**
 * The text of UTF-8 `bytes`. Every malformed sequence (overlong forms, encoded surrogates, values
 * above U+10FFFF, a sequence cut short) becomes one U+FFFD per maximal invalid subpart, as the
 * WHATWG decoder replaces them. A NUL byte is kept as U+0000. Views of shared memory are read
 * like any other. Never throws.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  decoder ??= new TextDecoder('utf-8', { ignoreBOM: true });
  // Browsers' decoders refuse views of shared memory: decode a private copy of those.
  return decoder.decode(bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice());
}
