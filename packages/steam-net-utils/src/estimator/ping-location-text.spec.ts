import fc from 'fast-check';

import { MAX_NETWORKING_PING_LOCATION_STRING } from '../constants/index.js';
import { MAX_ROUTE_MS } from './location-record.js';
import { MAX_PING_LOCATION_TEXT_LENGTH, NotAPingLocation, parse } from './ping-location-text.js';
import { isPingLocation, type PingLocation, type PingLocationEntry } from './ping-location.js';
import { REAL_PING_LOCATIONS } from './test-support/real-ping-locations.js';

/** The location `text` reads as; fails the test with the reason when it is not one. */
function parsed(text: string): PingLocation {
  const result = parse(text);
  if (!result.ok) throw new Error(`'${text}' did not parse: ${result.reason} (at ${result.at})`);
  return result;
}

/** The NotAPingLocation `text` reads as; fails the test when it is a location. */
function rejected(text: unknown): NotAPingLocation {
  const result = parse(text);
  if (result.ok) throw new Error(`'${String(text)}' parsed as '${String(result)}'`);
  return result;
}

const codes = (location: PingLocation): string[] => location.entries().map(({ code }) => code);

/** `count` distinct three-character codes: aa0, aa1, …, ab0, … */
function distinctCodes(count: number): string[] {
  const result: string[] = [];
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  for (let k = 0; result.length < count; k++) {
    result.push(`a${alphabet[Math.floor(k / 36) % 26]}${alphabet[k % 36]}`);
  }
  return result;
}

describe('parse: the grammar', () => {
  it('reads a direct route, a via route and both, with their extras', () => {
    const location = parsed('fra=10+1,ams=20+2/15+3,par=/16+4');
    expect(location.entries()).toEqual<PingLocationEntry[]>([
      {
        code: 'fra',
        popId: 0x00667261,
        direct: { ms: 10, extra: 1 },
        via: undefined,
        relayPopId: undefined,
        routeMs: 10,
      },
      {
        code: 'ams',
        popId: 0x00616d73,
        direct: { ms: 20, extra: 2 },
        via: { ms: 15, extra: 3 },
        relayPopId: undefined,
        routeMs: 15,
      },
      {
        code: 'par',
        popId: 0x00706172,
        direct: undefined,
        via: { ms: 16, extra: 4 },
        relayPopId: undefined,
        routeMs: 16,
      },
    ]);
  });

  it('accepts four-character codes whose last character is a digit (sto2)', () => {
    const location = parsed('sto2=5+0,sto=6+0');
    expect(codes(location)).toEqual(['sto2', 'sto']);
    expect(location.routeMsTo('sto2')).toBe(5);
  });

  it('accepts a code that names an alias of another code given too (tyo and tyo1)', () => {
    expect(codes(parsed('tyo=5+0,tyo1=6+0'))).toEqual(['tyo', 'tyo1']);
  });

  it('returns a NotAPingLocation with ok false and the stable code for text that is not one', () => {
    const result = rejected('nonsense');
    expect(result).toBeInstanceOf(NotAPingLocation);
    expect(result.ok).toBe(false);
    expect(result.code).toBe('ESTIMATOR_NOT_A_LOCATION');
    expect(result.reason).toEqual(expect.any(String));
    expect(result.reason.length).toBeGreaterThan(0);
  });
});

describe('parse: whitespace', () => {
  it('rejects empty text', () => {
    expect(rejected('')).toMatchObject({ at: 0, reason: 'it is empty' });
  });

  it.each([' ', '   ', '\t', '\r\n', ' \t\n\r '])('rejects whitespace only (%j)', (text) => {
    expect(rejected(text).reason).toBe('it is empty');
  });

  it.each([[' fra=10+1'], ['fra=10+1 '], ['\t\r\n fra=10+1 \n'], ['\nfra=10+1\r\n']])(
    'ignores leading and trailing ASCII whitespace (%j)',
    (text) => {
      expect(String(parsed(text))).toBe('fra=10+1');
    },
  );

  it.each([
    ['a space after a comma', 'fra=10+1, ams=12+1', 9],
    ['a space before a comma', 'fra=10+1 ,ams=12+1', 8],
    ['a space after =', 'fra= 10+1', 4],
    ['a space inside a route', 'fra=10 +1', 6],
    ['a tab between entries', 'fra=10+1,\tams=12+1', 9],
    ['a newline between entries', 'fra=10+1\n,ams=12+1', 8],
  ])('rejects interior whitespace: %s, at its offset', (_, text, at) => {
    expect(rejected(text).at).toBe(at);
  });

  it('does not trim non-ASCII whitespace (a no-break space before the text)', () => {
    expect(rejected('\u00a0fra=10+1').at).toBe(0);
  });
});

describe('parse: POP codes', () => {
  it.each([
    ['uppercase', 'FRA=10+1', 0],
    ['mixed case', 'Fra=10+1', 0],
    ['uppercase in the second entry', 'fra=10+1,AMS=12+1', 9],
    ['two characters', 'fr=10+1', 0],
    ['one character', 'f=10+1', 0],
    ['five characters', 'abcde=10+1', 0],
    ['a digit first', '1ab=10+1', 0],
    ['a digit first, four characters', '9abc=10+1', 0],
    ['a non-ASCII letter', 'frä=10+1', 0],
    ['a hyphen', 'fr-a=10+1', 0],
  ])('rejects a code that is %s', (_, text, at) => {
    expect(rejected(text).at).toBe(at);
  });

  it('accepts three- and four-character codes with digits after the first letter', () => {
    expect(codes(parsed('a00=1+0,b1c2=2+0'))).toEqual(['a00', 'b1c2']);
  });

  it('rejects a POP named twice, pointing at the second', () => {
    const result = rejected('fra=1+0,ams=2+0,fra=3+0');
    expect(result.at).toBe(16);
    expect(result.reason).toMatch(/again/);
  });

  it('rejects a POP named twice even when both are far apart and the second is worse', () => {
    expect(rejected('fra=1+0,ams=2+0,par=3+0,lhr=4+0,fra=400+0').reason).toMatch(/again/);
  });
});

describe('parse: entries and routes', () => {
  it.each([
    ['a colon instead of =', 'fra:10+1', 3],
    ['a comma instead of =', 'fra,ams=10+1', 3],
    ['nothing after the code', 'fra', 3],
  ])('rejects a missing = (%s)', (_, text, at) => {
    expect(rejected(text).at).toBe(at);
  });

  it('rejects digits run into the code, which make a code too long', () => {
    expect(rejected('fra10+1').ok).toBe(false);
  });

  it.each([
    ['a direct route', 'fra=10', 6],
    ['a direct route before a via route', 'fra=10/9+1', 6],
    ['a via route', 'fra=10+1/9', 10],
    ['a via route alone', 'fra=/9', 6],
  ])('rejects %s without +extra', (_, text, at) => {
    expect(rejected(text).at).toBe(at);
  });

  it('rejects an entry with no route at all (fra=)', () => {
    expect(rejected('fra=')).toMatchObject({ at: 4, reason: 'entry 0 has no route' });
    expect(rejected('fra=,ams=1+0').at).toBe(4);
  });

  it('rejects a slash with no via route after it (fra=/ and fra=1+0/)', () => {
    expect(rejected('fra=/').at).toBe(5);
    expect(rejected('fra=1+0/').at).toBe(8);
  });

  it.each([
    ['a plus with no extra', 'fra=1+', 6],
    ['an extra with a sign', 'fra=1+-1', 6],
    ['a negative route', 'fra=-1+0', 4],
    ['a fractional route', 'fra=1.5+0', 5],
    ['a second via part', 'fra=1+0/2+0/3+0', 11],
    ['something after the routes', 'fra=1+0x', 7],
  ])('rejects %s', (_, text, at) => {
    expect(rejected(text).at).toBe(at);
  });

  it.each([
    ['a trailing comma', 'fra=1+0,', 8],
    ['a leading comma', ',fra=1+0', 0],
    ['a double comma', 'fra=1+0,,ams=2+0', 8],
    ['a lone comma', ',', 0],
  ])('rejects %s', (_, text, at) => {
    expect(rejected(text).at).toBe(at);
  });
});

describe('parse: numbers', () => {
  it('accepts 65534 ms as a route and as an extra', () => {
    const [entry] = parsed(`fra=${MAX_ROUTE_MS}+${MAX_ROUTE_MS}/${MAX_ROUTE_MS}+0`).entries();
    expect(MAX_ROUTE_MS).toBe(65534);
    expect(entry!.direct).toEqual({ ms: 65534, extra: 65534 });
    expect(entry!.via).toEqual({ ms: 65534, extra: 0 });
  });

  it.each([
    ['a direct route', 'fra=65535+0', 4],
    ['a direct extra', 'fra=1+65535', 6],
    ['a via route', 'fra=/65535+0', 5],
    ['a via extra', 'fra=/1+65535', 7],
    ['a five-digit 99999', 'fra=99999+0', 4],
  ])('rejects 65535 or more in %s, pointing at the number', (_, text, at) => {
    const result = rejected(text);
    expect(result.at).toBe(at);
    expect(result.reason).toMatch(/more than 65534/);
  });

  it.each(['fra=100000+0', 'fra=000001+0', 'fra=1+000000', 'fra=/1+123456'])(
    'rejects a number of six digits (%s), even when its value is small',
    (text) => {
      expect(rejected(text).reason).toMatch(/more than 5 digits/);
    },
  );

  it('reads leading zeros as decimal and writes the number back without them', () => {
    const location = parsed('fra=007+00/00010+01');
    expect(location.entries()[0]).toMatchObject({
      direct: { ms: 7, extra: 0 },
      via: { ms: 10, extra: 1 },
    });
    expect(String(location)).toBe('fra=7+0/10+1');
  });

  it('reads a five-digit run of zeros as 0', () => {
    expect(String(parsed('fra=00000+00000'))).toBe('fra=0+0');
  });
});

describe('parse: order and count of entries', () => {
  it('sorts entries out of order by route, keeping the order of equal routes', () => {
    const location = parsed('ams=20+1,fra=10+1,par=20+0,lhr=/15+1,mad=20+9');
    expect(codes(location)).toEqual(['fra', 'lhr', 'ams', 'par', 'mad']);
    expect(String(location)).toBe('fra=10+1,lhr=/15+1,ams=20+1,par=20+0,mad=20+9');
  });

  it('sorts an entry with a via part by its via route, even when the direct one is shorter', () => {
    // As in real strings: `sto=79+9/81+5` comes after `fra=70+7/69+6` and with `mad=81+8/81+6`.
    const location = parsed('sto=5+0/30+3,waw=25+2');
    expect(codes(location)).toEqual(['waw', 'sto']);
    expect(location.routeMsTo('sto')).toBe(30);
  });

  it('keeps all 12 entries of a full location', () => {
    const text = distinctCodes(12)
      .map((code, k) => `${code}=${k}+0`)
      .join(',');
    expect(parsed(text).size).toBe(12);
  });

  it('keeps the 12 best of more than 12 entries, dropping a worse 13th', () => {
    const names = distinctCodes(13);
    const text = names.map((code, k) => `${code}=${k + 1}+0`).join(',');
    const location = parsed(text);
    expect(location.size).toBe(12);
    expect(codes(location)).toEqual(names.slice(0, 12));
  });

  it('drops the worst entry when a later one is better', () => {
    const names = distinctCodes(13);
    // Routes 10..21, then a 13th of 5 ms: it goes first and the 21 ms entry falls off.
    const text = names.map((code, k) => `${code}=${k === 12 ? 5 : k + 10}+0`).join(',');
    expect(codes(parsed(text))).toEqual([names[12], ...names.slice(0, 11)]);
  });

  it('keeps the first-given of entries that tie for the last place', () => {
    const names = distinctCodes(14);
    const text = names.map((code) => `${code}=7+0`).join(',');
    expect(codes(parsed(text))).toEqual(names.slice(0, 12));
  });

  it('still rejects a POP named twice when the first of them was dropped from the best 12', () => {
    const names = distinctCodes(13);
    const text = [
      ...names.map((code) => `${code}=${code === names[0] ? 900 : 5}+0`),
      `${names[0]}=1+0`,
    ];
    expect(rejected(text.join(',')).reason).toMatch(/again/);
  });
});

describe('parse: length', () => {
  /** 128 entries of 7 characters and 127 commas: exactly 1023 characters. */
  const longest = distinctCodes(128)
    .map((code) => `${code}=9+0`)
    .join(',');

  it('accepts text of 1023 characters (Steam buffer of 1024 less the NUL)', () => {
    expect(MAX_PING_LOCATION_TEXT_LENGTH).toBe(MAX_NETWORKING_PING_LOCATION_STRING - 1);
    expect(longest).toHaveLength(1023);
    expect(parsed(longest).size).toBe(12);
  });

  it('rejects text of 1024 characters, at offset 0', () => {
    const tooLong = longest.replace(/=9\+0$/, '=10+0');
    expect(tooLong).toHaveLength(1024);
    const result = rejected(tooLong);
    expect(result.at).toBe(0);
    expect(result.reason).toMatch(/1024 characters/);
  });

  it('counts surrounding whitespace towards the length', () => {
    expect(rejected(`${longest} `).at).toBe(0);
  });

  it('reads a long text whose best entries come after the 115th', () => {
    const entries = distinctCodes(128).map((code) => `${code}=9+0`);
    entries[120] = 'zz0=0+0';
    entries[121] = 'zz1=0+0';
    const location = parsed(entries.join(','));
    expect(codes(location).slice(0, 2)).toEqual(['zz0', 'zz1']);
    expect(location.size).toBe(12);
  });

  // BUG (ping-location-text.ts): the reader remembers the POPs it has seen in `seenPops`, sized
  // for entries of at least 9 characters ("abc=/0+0,"), but "abc=0+0," is 8, so text of 1023
  // characters holds 128 entries and the 14 after the 115th are never remembered. Two of them
  // naming one POP are accepted, and the location's own text then does not parse back.
  it('rejects a POP named twice after the 115th entry of a long text', () => {
    const names = distinctCodes(128);
    const entries = names.map((code) => `${code}=9+0`);
    entries[120] = 'zz0=0+0';
    entries[121] = 'zz0=0+0';
    const text = entries.join(',');
    expect(text).toHaveLength(1023);
    expect(rejected(text).reason).toMatch(/again/);
  });
});

describe('parse: values that are not strings', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an object', { text: 'fra=1+0' }],
    ['an array', ['fra=1+0']],
    ['a String object', Object('fra=1+0') as unknown],
    ['a symbol', Symbol('fra=1+0')],
    ['a bigint', 1n],
    ['a function', () => 'fra=1+0'],
  ])('returns a NotAPingLocation at 0 for %s, without throwing', (_, value) => {
    const result = rejected(value);
    expect(result).toBeInstanceOf(NotAPingLocation);
    expect(result.ok).toBe(false);
    expect(result.at).toBe(0);
    expect(result.reason).toMatch(/not a string/);
  });

  it('names null as null, not as an object', () => {
    expect(rejected(null).reason).toBe('it is null, not a string');
  });
});

/** One-character edits of the real strings: delete, insert or replace at a position. */
const grammarCharacter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789=+/, \tA\u00e9');
const mutatedRealString = fc
  .tuple(
    fc.constantFrom(...REAL_PING_LOCATIONS.map(({ text }) => text)),
    fc.constantFrom('delete', 'insert', 'replace'),
    fc.nat(),
    grammarCharacter,
  )
  .map(([text, edit, position, character]) => {
    const at = position % (text.length + 1);
    if (edit === 'insert') return text.slice(0, at) + character + text.slice(at);
    const index = Math.min(at, text.length - 1);
    const replacement = edit === 'delete' ? '' : character;
    return text.slice(0, index) + replacement + text.slice(index + 1);
  });

/** Text over the grammar's alphabet, shaped like entries often enough to parse now and then. */
const grammarText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'afrs02=+/,'), maxLength: 60 }),
  fc
    .array(
      fc.tuple(
        fc.constantFrom('fra', 'ams', 'sto2', 'lhr', 'ab', 'FRA', 'sof', ''),
        fc.constantFrom('=', ':', ''),
        fc.constantFrom('', '1+0', '007+1', '/2+0', '3+1/4+2', '65535+0', '5', '+'),
      ),
      { maxLength: 15 },
    )
    .map((entries) => entries.map((parts) => parts.join('')).join(',')),
);

/** Checks that `result` is one of parse's two answers, and that a location re-reads to itself. */
function checkParseAnswer(text: string): void {
  const result = parse(text);
  if (result.ok) {
    expect(isPingLocation(result)).toBe(true);
    expect(result.size).toBeGreaterThan(0);
    expect(result.size).toBeLessThanOrEqual(12);
    const again = parse(String(result));
    expect(again.ok).toBe(true);
    expect((again as PingLocation).entries()).toEqual(result.entries());
    expect(String(again)).toBe(String(result));
  } else {
    expect(result).toBeInstanceOf(NotAPingLocation);
    expect(result.code).toBe('ESTIMATOR_NOT_A_LOCATION');
    expect(Number.isInteger(result.at)).toBe(true);
    expect(result.at).toBeGreaterThanOrEqual(0);
    expect(result.at).toBeLessThanOrEqual(text.length);
    expect(result.reason.length).toBeGreaterThan(0);
  }
}

describe('parse: fuzzing', () => {
  it('never throws on arbitrary strings, and a location it reads re-reads to itself', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), checkParseAnswer), { numRuns: 500 });
  });

  it('never throws on strings of graphemes (astral characters, combining marks)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), checkParseAnswer), {
      numRuns: 300,
    });
  });

  it("never throws on strings built from the grammar's alphabet", () => {
    fc.assert(fc.property(grammarText, checkParseAnswer), { numRuns: 500 });
  });

  it('never throws on one-character edits of the real strings', () => {
    fc.assert(fc.property(mutatedRealString, checkParseAnswer), { numRuns: 500 });
  });

  it('accepts the edits that keep the grammar, e.g. a changed digit', () => {
    // Not a property of every edit: a sanity check that the mutations reach accepted text.
    let accepted = 0;
    fc.assert(
      fc.property(mutatedRealString, (text) => {
        if (parse(text).ok) accepted++;
      }),
      { numRuns: 300, seed: 42 },
    );
    expect(accepted).toBeGreaterThan(0);
  });
});
