/**
 * Small character-level helpers shared by the IP address parsers. They look only at ASCII code
 * units, so a digit in another script (Arabic-Indic, full-width, ...) is never taken for a digit.
 */

const CODE_0 = 0x30;
const CODE_9 = 0x39;
const CODE_LOWER_A = 0x61;
const CODE_LOWER_F = 0x66;
const CODE_UPPER_A = 0x41;
const CODE_UPPER_F = 0x46;

/** The value of an ASCII decimal digit, or -1 for any other code unit. */
export function decimalDigitValue(code: number): number {
  return code >= CODE_0 && code <= CODE_9 ? code - CODE_0 : -1;
}

/** The value of an ASCII hexadecimal digit (either case), or -1 for any other code unit. */
export function hexDigitValue(code: number): number {
  if (code >= CODE_0 && code <= CODE_9) return code - CODE_0;
  if (code >= CODE_LOWER_A && code <= CODE_LOWER_F) return code - CODE_LOWER_A + 10;
  if (code >= CODE_UPPER_A && code <= CODE_UPPER_F) return code - CODE_UPPER_A + 10;
  return -1;
}

/**
 * Reads `text` as a canonical decimal integer no greater than `max`: one to `maxDigits` ASCII
 * digits, no sign, no spaces, and no leading zero unless the number is 0 itself (as `inet_pton`
 * reads IPv4 octets). Returns the value, or -1 when the text is anything else.
 */
export function parseCanonicalDecimal(text: string, maxDigits: number, max: number): number {
  if (text.length === 0 || text.length > maxDigits) return -1;
  // A leading zero is only allowed in "0": "01" could be read as octal by other parsers.
  if (text.length > 1 && text.charCodeAt(0) === CODE_0) return -1;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = decimalDigitValue(text.charCodeAt(i));
    if (digit < 0) return -1;
    value = value * 10 + digit;
  }
  return value <= max ? value : -1;
}
