import fc from 'fast-check';

import { MAX_NETWORKING_PING_LOCATION_STRING } from '../../../constants/index.js';
import { POP_CATALOGUE } from '../world/index.js';
import { popIdFromCode } from '../../../estimator/pop-id.js';
import { encodePingLocation } from './binary-codec.js';
import { PING_LOCATION_SIZE } from './layout.js';
import { type PingLocationData } from './ping-location-data.js';
import { pingLocationDataArbitrary } from './test-support/ping-location-arbitraries.js';
import { MAX_PING_LOCATION_TEXT_LENGTH } from '../../../port/networking-utils-backend.js';
import { formatPingLocation, parsePingLocation } from './text-form.js';

const id = popIdFromCode;

function encoded(data: PingLocationData): Uint8Array {
  const bytes = new Uint8Array(PING_LOCATION_SIZE);
  encodePingLocation(data, bytes);
  return bytes;
}

const isZero = (bytes: Uint8Array): boolean => bytes.every((b) => b === 0);

/** Parses `text` and checks the contract: false leaves zeros; true formats back to `text`. */
function parseChecked(text: string): boolean {
  const out = new Uint8Array(PING_LOCATION_SIZE).fill(0x5a);
  const ok = parsePingLocation(text, out);
  if (ok) {
    expect(formatPingLocation(out)).toBe(text);
  } else {
    expect(isZero(out)).toBe(true);
  }
  return ok;
}

const CANONICAL = 'rl1 fra=12 ams=15/fra par=15 @hub37+3';

describe('formatPingLocation', () => {
  it('writes the version, then code=ping[/relay] per entry, then the anchor', () => {
    const text = formatPingLocation(
      encoded({
        entries: [
          { popId: id('fra'), pingMs: 12 },
          { popId: id('ams'), pingMs: 15, relayPopId: id('fra') },
          { popId: id('par'), pingMs: 15 },
        ],
        anchor: { hubIndex: 37, accessMs: 3 },
      }),
    );
    expect(text).toBe(CANONICAL);
  });

  it('writes just the version for a location where no POP answered', () => {
    expect(formatPingLocation(encoded({ entries: [] }))).toBe('rl1');
    expect(formatPingLocation(encoded({ entries: [], anchor: { hubIndex: 0, accessMs: 9 } }))).toBe(
      'rl1 @hub0+9',
    );
  });

  it("returns '' for anything that is not a valid location", () => {
    expect(formatPingLocation(new Uint8Array(PING_LOCATION_SIZE))).toBe('');
    expect(formatPingLocation(new Uint8Array(3))).toBe('');
    const bytes = encoded({ entries: [{ popId: id('fra'), pingMs: 1 }] });
    bytes[300] = 1;
    expect(formatPingLocation(bytes)).toBe('');
  });

  it('stays within Steam’s buffer for the longest possible location', () => {
    const longest = [...POP_CATALOGUE]
      .sort((a, b) => b.code.length - a.code.length)
      .slice(0, 12)
      .sort((a, b) => a.id - b.id);
    const text = formatPingLocation(
      encoded({
        entries: longest.map((pop, k) => ({
          popId: pop.id,
          pingMs: 65534,
          relayPopId: longest[(k + 1) % longest.length]!.id,
        })),
        anchor: { hubIndex: 65534, accessMs: 65534 },
      }),
    );
    expect(longest.every((pop) => pop.code.length === 4)).toBe(true);
    // 'rl1', then ' code=65534/code' twelve times, then ' @hub65534+65534'.
    expect(text.length).toBe(3 + 12 * 16 + 16);
    expect(text.length).toBeLessThanOrEqual(MAX_PING_LOCATION_TEXT_LENGTH);
    expect(MAX_PING_LOCATION_TEXT_LENGTH).toBe(MAX_NETWORKING_PING_LOCATION_STRING - 1);
  });
});

describe('parsePingLocation round trips', () => {
  it('rebuilds the bytes that were formatted', () => {
    fc.assert(
      fc.property(pingLocationDataArbitrary(), (data) => {
        const bytes = encoded(data);
        const out = new Uint8Array(PING_LOCATION_SIZE);
        expect(parsePingLocation(formatPingLocation(bytes), out)).toBe(true);
        expect(out).toEqual(bytes);
      }),
    );
  });

  it('formats a parsed string back to the same string', () => {
    expect(parseChecked(CANONICAL)).toBe(true);
    expect(parseChecked('rl1')).toBe(true);
    expect(parseChecked('rl1 @hub0+0')).toBe(true);
  });
});

describe('parsePingLocation refuses non-canonical and invalid strings', () => {
  const rejected: [string, string][] = [
    ['the empty string', ''],
    ['another version', 'rl2 fra=12'],
    ['upper case', 'RL1 fra=12'],
    ['an upper-case POP code', 'rl1 FRA=12'],
    ['a leading space', ' rl1 fra=12'],
    ['a trailing space', 'rl1 fra=12 '],
    ['two spaces', 'rl1  fra=12'],
    ['a tab', 'rl1\tfra=12'],
    ['a comma separator', 'rl1 fra=12,ams=15'],
    ['a leading zero', 'rl1 fra=012'],
    ['a leading zero on zero', 'rl1 fra=00'],
    ['a plus sign', 'rl1 fra=+12'],
    ['a minus sign', 'rl1 fra=-1'],
    ['a fraction', 'rl1 fra=1.5'],
    ['a ping above 65534', 'rl1 fra=65535'],
    ['a six-digit ping', 'rl1 fra=100000'],
    ['a missing ping', 'rl1 fra='],
    ['an unknown POP code', 'rl1 zzzz=12'],
    ['a POP code of five characters', 'rl1 frank=12'],
    ['a duplicate POP', 'rl1 fra=12 fra=13'],
    ['entries out of ping order', 'rl1 par=15 fra=12'],
    ['equal pings out of POP id order', 'rl1 par=15 ams=15'],
    ['a relay equal to its POP', 'rl1 fra=12/fra'],
    ['an unknown relay', 'rl1 fra=12/zzzz'],
    ['an empty relay', 'rl1 fra=12/'],
    ['an anchor before an entry', 'rl1 @hub1+2 fra=12'],
    ['two anchors', 'rl1 @hub1+2 @hub1+2'],
    ['an anchor with a leading zero', 'rl1 @hub01+2'],
    ['an anchor hub of 65535', 'rl1 @hub65535+2'],
    ['an anchor without access time', 'rl1 @hub1'],
    ['trailing garbage', `${CANONICAL}x`],
    ['a trailing NUL', `${CANONICAL}\u0000`],
    ['a lone surrogate', `rl1 fra=12\ud800`],
    [
      'thirteen entries',
      `rl1 ${POP_CATALOGUE.slice(0, 13)
        .map((pop) => pop.code)
        .sort((a, b) => id(a) - id(b))
        .map((code) => `${code}=1`)
        .join(' ')}`,
    ],
  ];

  it.each(rejected)('refuses %s and leaves zeros', (_, text) => {
    expect(parseChecked(text)).toBe(false);
  });

  it('accepts the twelve-entry version of the thirteen-entry string', () => {
    const codes = POP_CATALOGUE.slice(0, 12)
      .map((pop) => pop.code)
      .sort((a, b) => id(a) - id(b));
    expect(parseChecked(`rl1 ${codes.map((code) => `${code}=1`).join(' ')}`)).toBe(true);
  });

  it('refuses a string longer than 1023 characters before reading any of it', () => {
    const startsWith = jest.spyOn(String.prototype, 'startsWith');
    const charCodeAt = jest.spyOn(String.prototype, 'charCodeAt');
    try {
      const text = `${CANONICAL} ${'x'.repeat(1 << 20)}`;
      expect(parsePingLocation(text, new Uint8Array(PING_LOCATION_SIZE))).toBe(false);
      expect(startsWith).not.toHaveBeenCalled();
      expect(charCodeAt).not.toHaveBeenCalled();
    } finally {
      startsWith.mockRestore();
      charCodeAt.mockRestore();
    }
    expect(parseChecked(`rl1${' '.repeat(MAX_PING_LOCATION_TEXT_LENGTH)}`)).toBe(false);
  });

  it('throws a TypeError only for a wrong output buffer', () => {
    expect(() => parsePingLocation(CANONICAL, new Uint8Array(16))).toThrow(TypeError);
    expect(() =>
      parsePingLocation(undefined as unknown as string, new Uint8Array(512)),
    ).not.toThrow();
  });
});

describe('parsePingLocation on hostile strings', () => {
  /** Any UTF-16 code units, lone surrogates and NULs included. */
  const codeUnits = fc
    .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 64 })
    .map((units) => String.fromCharCode(...units));
  /** Any Unicode code points, astral planes included. */
  const codePoints = fc
    .array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 32 })
    .map((points) => String.fromCodePoint(...points));

  it('never throws on random strings and keeps its contract', () => {
    fc.assert(
      fc.property(fc.oneof(codeUnits, codePoints, fc.string()), (text) => {
        parseChecked(text);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random strings after the version word', () => {
    fc.assert(
      fc.property(codeUnits, (tail) => {
        parseChecked(`rl1 ${tail}`);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps its contract on every prefix of canonical strings', () => {
    fc.assert(
      fc.property(pingLocationDataArbitrary({ minEntries: 1 }), (data) => {
        const text = formatPingLocation(encoded(data));
        for (let length = 0; length < text.length; length++) parseChecked(text.slice(0, length));
      }),
      { numRuns: 50 },
    );
  });

  it('keeps its contract when any number is moved by ±1 or given a leading zero', () => {
    fc.assert(
      fc.property(pingLocationDataArbitrary({ minEntries: 1 }), (data) => {
        const text = formatPingLocation(encoded(data));
        for (const match of text.matchAll(/\d+/g)) {
          const start = match.index;
          const end = start + match[0].length;
          const value = Number(match[0]);
          for (const replacement of [String(value + 1), String(value - 1), `0${match[0]}`]) {
            const tampered = text.slice(0, start) + replacement + text.slice(end);
            if (parseChecked(tampered)) expect(replacement).not.toMatch(/^0\d|^-/);
          }
        }
      }),
      { numRuns: 50 },
    );
  });

  it('keeps its contract under random edits of canonical strings', () => {
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat(3),
      insert: fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom(' ', '=', '/', '@', '0', '9')),
    });
    fc.assert(
      fc.property(pingLocationDataArbitrary(), fc.array(edit, { maxLength: 3 }), (data, edits) => {
        let text = formatPingLocation(encoded(data));
        for (const { at, remove, insert } of edits) {
          const position = at % (text.length + 1);
          text = text.slice(0, position) + insert + text.slice(position + remove);
        }
        parseChecked(text);
      }),
      { numRuns: 300 },
    );
  });
});
