import { ConsoleError } from './console-error.js';

/** One token of a console line. */
export interface ScannedToken {
  /** The token's text once quotes and escapes are resolved. */
  readonly value: string;
  /** Offset in the line of the token's first character (a quote, if it starts with one). */
  readonly start: number;
}

/** Which quote, if any, is still open where a scan stopped. */
export type QuoteState = 'none' | 'single' | 'double';

/** Everything the console needs to know about a line: its tokens and how it ends. */
export interface ScannedLine {
  readonly tokens: readonly ScannedToken[];
  /** The quote open at the end of the line (`'none'` when the line is well formed). */
  readonly openQuote: QuoteState;
  /** Offset of the quote still open at the end of the line, or -1. */
  readonly openQuoteAt: number;
  /** True when the line ends outside any token (empty, or whitespace at the end). */
  readonly endsBetweenTokens: boolean;
}

const ESCAPED_IN_DOUBLE_QUOTES: Readonly<Record<string, string>> = { n: '\n', t: '\t' };

function isSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\f';
}

/**
 * Splits a line the way the console reads it, without ever failing: tokens are separated by
 * whitespace; `'...'` quotes text literally; `"..."` quotes text in which a backslash escapes the
 * next character (`\"`, `\\`, and `\n`/`\t` for a newline/tab); quoted and unquoted parts that touch
 * form one token (`a"b c"` is `ab c`); a backslash outside quotes is an ordinary character (so
 * Windows paths need no escaping). An unterminated quote is reported in `openQuote`, which is what
 * completion needs for the token being typed.
 */
export function scanLine(line: string): ScannedLine {
  const tokens: ScannedToken[] = [];
  let state: QuoteState = 'none';
  let quoteAt = -1;
  let value = '';
  let start = -1; // -1 while between tokens
  for (let i = 0; i < line.length; i++) {
    const char = line.charAt(i);
    if (state === 'none') {
      if (isSpace(char)) {
        if (start >= 0) tokens.push({ value, start });
        start = -1;
        value = '';
        continue;
      }
      if (start < 0) start = i;
      if (char === "'") {
        state = 'single';
        quoteAt = i;
      } else if (char === '"') {
        state = 'double';
        quoteAt = i;
      } else {
        value += char;
      }
    } else if (state === 'single') {
      if (char === "'") state = 'none';
      else value += char;
    } else if (char === '\\') {
      // A backslash as the line's last character leaves the double quote open.
      if (i + 1 < line.length) {
        const escaped = line.charAt(++i);
        value += ESCAPED_IN_DOUBLE_QUOTES[escaped] ?? escaped;
      }
    } else if (char === '"') {
      state = 'none';
    } else {
      value += char;
    }
  }
  if (start >= 0) tokens.push({ value, start });
  return {
    tokens,
    openQuote: state,
    openQuoteAt: state === 'none' ? -1 : quoteAt,
    endsBetweenTokens: start < 0,
  };
}

/**
 * The message shown for a line whose quote is never closed, naming the quote and its 1-based
 * column; undefined when the line is well formed.
 */
export function describeOpenQuote(scanned: ScannedLine): string | undefined {
  if (scanned.openQuote === 'none') return undefined;
  const quote = scanned.openQuote === 'double' ? '"' : "'";
  return (
    `Unterminated ${scanned.openQuote} quote (${quote}) opened at column ${scanned.openQuoteAt + 1}. ` +
    `Close it with ${quote}` +
    (scanned.openQuote === 'double' ? ' or escape a literal one as \\".' : '.')
  );
}

/**
 * Splits a console line into tokens (see `scanLine` for the quoting rules).
 *
 * @throws ConsoleError `CONSOLE_UNTERMINATED_QUOTE` when a quote is never closed.
 */
export function tokenize(line: string): string[] {
  const scanned = scanLine(line);
  const problem = describeOpenQuote(scanned);
  if (problem !== undefined) throw new ConsoleError('CONSOLE_UNTERMINATED_QUOTE', problem);
  return scanned.tokens.map((token) => token.value);
}

/** True when `value` reads back as one token without quoting. */
function isBareWord(value: string): boolean {
  return value.length > 0 && !/[\s'"]/.test(value);
}

function escapeForDoubleQuotes(text: string): string {
  return text
    .replace(/[\\"]/g, (char) => `\\${char}`)
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t');
}

/**
 * The text to append to a token being typed, whose quote state at the end of the line is
 * `openQuote`, so that the token reads back as its current value followed by `remainder`. The
 * appended text closes any quote it leaves open.
 */
export function continueToken(remainder: string, openQuote: QuoteState): string {
  switch (openQuote) {
    case 'double':
      return `${escapeForDoubleQuotes(remainder)}"`;
    case 'single':
      // Inside single quotes nothing can be escaped: a remainder with a quote switches to double quotes.
      return remainder.includes("'") ? `'"${escapeForDoubleQuotes(remainder)}"` : `${remainder}'`;
    case 'none':
      return remainder.length === 0 || isBareWord(remainder)
        ? remainder
        : `"${escapeForDoubleQuotes(remainder)}"`;
  }
}

/** `value` written as one token: bare when it can be, otherwise double-quoted. */
export function quoteToken(value: string): string {
  return isBareWord(value) ? value : `"${escapeForDoubleQuotes(value)}"`;
}
