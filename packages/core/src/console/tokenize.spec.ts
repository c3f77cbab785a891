import fc from 'fast-check';
import { ConsoleError } from './console-error.js';
import { continueToken, quoteToken, scanLine, tokenize } from './tokenize.js';

describe('tokenize', () => {
  it('splits on any run of whitespace and ignores it at both ends', () => {
    expect(tokenize('  net.ping \t fra   3 ')).toEqual(['net.ping', 'fra', '3']);
  });

  it('gives no tokens for a blank line', () => {
    expect(tokenize('   ')).toEqual([]);
  });

  it('keeps whitespace inside single quotes and reads backslashes there literally', () => {
    expect(tokenize("say 'hello  world' 'a\\nb'")).toEqual(['say', 'hello  world', 'a\\nb']);
  });

  it('resolves backslash escapes inside double quotes', () => {
    expect(tokenize('say "a \\"quoted\\" word" "back\\\\slash" "x\\ny\\tz"')).toEqual([
      'say',
      'a "quoted" word',
      'back\\slash',
      'x\ny\tz',
    ]);
  });

  it('reads a backslash outside quotes as an ordinary character', () => {
    expect(tokenize('open C:\\games\\relay')).toEqual(['open', 'C:\\games\\relay']);
  });

  it('joins quoted and unquoted parts that touch into one token', () => {
    expect(tokenize(`a"b c"'d e'f`)).toEqual(['ab cd ef']);
  });

  it('keeps an empty quoted token', () => {
    expect(tokenize(`set name ""`)).toEqual(['set', 'name', '']);
  });

  it('throws a ConsoleError naming the quote and its column when a quote is never closed', () => {
    const attempt = (): string[] => tokenize('say "hello');
    expect(attempt).toThrow(ConsoleError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'CONSOLE_UNTERMINATED_QUOTE' }));
    expect(attempt).toThrow('Unterminated double quote (") opened at column 5');
    expect(() => tokenize("say 'hi")).toThrow('Unterminated single quote');
  });

  it('treats a double quote whose last character is a backslash as unterminated', () => {
    expect(() => tokenize('say "abc\\')).toThrow(/Unterminated double quote/);
  });
});

describe('scanLine', () => {
  it('records where each token starts and whether the line ends between tokens', () => {
    const scanned = scanLine('help  "net.p');
    expect(scanned.tokens).toEqual([
      { value: 'help', start: 0 },
      { value: 'net.p', start: 6 },
    ]);
    expect(scanned.openQuote).toBe('double');
    expect(scanned.endsBetweenTokens).toBe(false);
    expect(scanLine('help ').endsBetweenTokens).toBe(true);
  });
});

describe('quoteToken and continueToken', () => {
  const anyText = fc.string({ unit: fc.constantFrom('a', ' ', '"', "'", '\\', '\n', '\t', 'z') });

  it('quoteToken writes any value so that tokenize reads it back as one token', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        expect(tokenize(quoteToken(value))).toEqual([value]);
      }),
    );
  });

  it('continueToken completes any token being typed so that it reads back as the full value', () => {
    fc.assert(
      fc.property(anyText, anyText, fc.constantFrom('', '"', "'"), (typed, rest, opening) => {
        // A token in progress: an opening quote (or none) followed by typed text, written so that it
        // stays inside that quote.
        const raw =
          opening === '"'
            ? `"${typed.replace(/[\\"]/g, (c) => `\\${c}`)}`
            : opening === "'"
              ? `'${typed.replace(/'/g, '')}`
              : quoteToken(typed);
        const scanned = scanLine(raw);
        const value = scanned.tokens[0]?.value ?? '';
        const line = raw + continueToken(rest, scanned.openQuote);
        expect(tokenize(line)).toEqual([value + rest]);
      }),
    );
  });
});
