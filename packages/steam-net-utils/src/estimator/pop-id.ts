/**
 * Valve's packing of a POP (point of presence) code such as `"fra"` into a 32-bit
 * `SteamNetworkingPOPID`, and back (`steamnetworkingtypes.h`).
 *
 * The first three characters go into bits 16–23, 8–15 and 0–7; a fourth character goes into the
 * TOP byte (bits 24–31), which Valve's header admits was a regrettable choice. So "iad" is
 * 0x00696164 and "abcd" is 0x64616263.
 */

/**
 * Thrown for a malformed POP code or an id that is not a uint32: a `RangeError`, as the standard
 * library throws for out-of-domain arguments, with a stable `code` (`POP_CODE_INVALID`,
 * `POP_ID_INVALID`) like the rest of Relaylane's errors.
 */
export class PopIdError extends RangeError {
  /** `POP_CODE_INVALID` or `POP_ID_INVALID`. */
  readonly code: 'POP_CODE_INVALID' | 'POP_ID_INVALID';

  constructor(code: 'POP_CODE_INVALID' | 'POP_ID_INVALID', message: string) {
    super(message);
    this.code = code;
    this.name = 'PopIdError';
  }
}

/** What a POP code may contain: 1 to 4 lowercase ASCII letters or digits. */
const POP_CODE_PATTERN = /^[a-z0-9]{1,4}$/;

const UINT32_MAX = 0xffffffff;

/** True when `code` is a well-formed POP code (1–4 lowercase ASCII letters or digits). */
export function isPopCode(code: string): boolean {
  return POP_CODE_PATTERN.test(code);
}

/**
 * Packs a POP code into Valve's `SteamNetworkingPOPID`: `c0<<16 | c1<<8 | c2 | c3<<24`, where
 * missing characters count as 0. Throws {@link PopIdError} (a `RangeError`, code
 * `POP_CODE_INVALID`) for anything but 1–4 lowercase ASCII letters or digits.
 */
export function popIdFromCode(code: string): number {
  if (typeof code !== 'string' || !POP_CODE_PATTERN.test(code)) {
    const lower = typeof code === 'string' ? code.trim().toLowerCase() : '';
    const hint = POP_CODE_PATTERN.test(lower) ? ` Did you mean '${lower}'?` : '';
    throw new PopIdError(
      'POP_CODE_INVALID',
      `'${String(code)}' is not a POP code. POP codes are 1 to 4 lowercase ASCII letters or ` +
        `digits, like 'fra' or 'sto2'.${hint}`,
    );
  }
  const c0 = code.charCodeAt(0);
  const c1 = code.length > 1 ? code.charCodeAt(1) : 0;
  const c2 = code.length > 2 ? code.charCodeAt(2) : 0;
  const c3 = code.length > 3 ? code.charCodeAt(3) : 0;
  // `>>> 0` keeps the result unsigned when the fourth character sets the top bit.
  return ((c0 << 16) | (c1 << 8) | c2 | (c3 << 24)) >>> 0;
}

/**
 * Unpacks a `SteamNetworkingPOPID` into its code, reading the bytes in Valve's order
 * (`id>>16`, `id>>8`, `id`, `id>>24`) and stopping at the first zero byte, as the SDK does.
 * Throws {@link PopIdError} (a `RangeError`, code `POP_ID_INVALID`) when `id` is not an
 * unsigned 32-bit integer.
 */
export function popCodeFromId(id: number): string {
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id > UINT32_MAX) {
    throw new PopIdError(
      'POP_ID_INVALID',
      `${String(id)} is not a SteamNetworkingPOPID. POP ids are unsigned 32-bit integers ` +
        '(0 to 4294967295); build one from a code with popIdFromCode().',
    );
  }
  const bytes = [(id >>> 16) & 0xff, (id >>> 8) & 0xff, id & 0xff, (id >>> 24) & 0xff];
  let code = '';
  for (const byte of bytes) {
    if (byte === 0) {
      break;
    }
    code += String.fromCharCode(byte);
  }
  return code;
}
