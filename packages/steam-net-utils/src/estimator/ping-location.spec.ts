import fc from 'fast-check';

import { thrownBy } from '../../../core/src/test-support/errors.js';
import { NotAPingLocation, parse } from './ping-location-text.js';
import {
  isLocationPopCode,
  isPingLocation,
  PingLocation,
  type PingLocationEntryInput,
  PingLocationError,
} from './ping-location.js';
import { popIdFromCode } from './pop-id.js';
import { anyLocationCode, entryInputs } from './test-support/location-arbitraries.js';

const id = popIdFromCode;
const route = (ms: number, extra = 0): { ms: number; extra: number } => ({ ms, extra });

/** The PingLocationError that `fromEntries(entries)` throws. */
function invalid(entries: unknown): PingLocationError {
  const error = thrownBy(
    () => PingLocation.fromEntries(entries as PingLocationEntryInput[]),
    PingLocationError,
  );
  expect(error).toBeInstanceOf(RangeError);
  expect(error.code).toBe('ESTIMATOR_LOCATION_INVALID');
  expect(error.name).toBe('PingLocationError');
  return error;
}

/** A POP id that packs `characters` (any char codes) in Valve's byte order. */
function rawPopId(characters: string): number {
  const c = (k: number): number => characters.charCodeAt(k) || 0;
  return ((c(0) << 16) | (c(1) << 8) | c(2) | (c(3) << 24)) >>> 0;
}

describe('PingLocation.fromEntries', () => {
  it('sorts entries by route, the via route when there is one, else the direct one', () => {
    const location = PingLocation.fromEntries([
      { popId: id('sto'), direct: route(5), via: route(30) },
      { popId: id('fra'), direct: route(20) },
      { popId: id('ams'), via: route(10) },
      { popId: id('lhr'), direct: route(40), via: route(15) },
    ]);
    expect(location.entries().map(({ code, routeMs }) => [code, routeMs])).toEqual([
      ['ams', 10],
      ['lhr', 15],
      ['fra', 20],
      ['sto', 30],
    ]);
  });

  it('keeps entries with equal routes in the order given', () => {
    const location = PingLocation.fromEntries([
      { popId: id('par'), direct: route(9) },
      { popId: id('fra'), direct: route(7) },
      { popId: id('ams'), via: route(9) },
      { popId: id('lhr'), direct: route(1), via: route(9) },
    ]);
    expect(location.entries().map(({ code }) => code)).toEqual(['fra', 'par', 'ams', 'lhr']);
  });

  it('keeps both routes, their extras and the via POP when given', () => {
    const [entry] = PingLocation.fromEntries([
      { popId: id('sto2'), direct: route(95, 9), via: route(82, 5), relayPopId: id('ams') },
    ]).entries();
    expect(entry).toEqual({
      code: 'sto2',
      popId: id('sto2'),
      direct: { ms: 95, extra: 9 },
      via: { ms: 82, extra: 5 },
      relayPopId: id('ams'),
      routeMs: 82,
    });
  });

  it('writes the via POP nowhere in the text (Steam text does not carry it)', () => {
    const location = PingLocation.fromEntries([
      { popId: id('fra'), via: route(8, 1), relayPopId: id('ams') },
    ]);
    expect(String(location)).toBe('fra=/8+1');
    expect((parse(String(location)) as PingLocation).entries()[0]!.relayPopId).toBeUndefined();
  });

  it('accepts 12 entries and no entries', () => {
    const twelve = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'].map((letter) => ({
      popId: id(`${letter}aa`),
      direct: route(1),
    }));
    expect(PingLocation.fromEntries(twelve).size).toBe(12);
    expect(PingLocation.fromEntries([]).size).toBe(0);
  });

  it('is not changed by changes to the entries it was given or returned', () => {
    const input = [{ popId: id('fra'), direct: { ms: 10, extra: 1 } }];
    const location = PingLocation.fromEntries(input);
    input[0]!.direct.ms = 99;
    const entries = location.entries();
    (entries[0] as { routeMs: number }).routeMs = 99;
    entries.pop();
    expect(location.entries()[0]!.routeMs).toBe(10);
    expect(String(location)).toBe('fra=10+1');
    expect(location.entries()).not.toBe(location.entries());
  });
});

describe('PingLocation.fromEntries: invalid entries', () => {
  it('rejects 13 entries', () => {
    const thirteen = 'abcdefghijklm'.split('').map((letter) => ({
      popId: id(`${letter}aa`),
      direct: route(1),
    }));
    expect(invalid(thirteen).message).toMatch(/13 entries/);
  });

  it('rejects a POP named twice', () => {
    const error = invalid([
      { popId: id('fra'), direct: route(1) },
      { popId: id('ams'), direct: route(2) },
      { popId: id('fra'), via: route(3) },
    ]);
    expect(error.message).toMatch(/entry 2 names POP 'fra' again/);
  });

  it('rejects an entry with neither a direct nor a via route', () => {
    expect(invalid([{ popId: id('fra') }]).message).toMatch(/neither a direct nor a via/);
    expect(invalid([{ popId: id('fra'), direct: undefined, via: undefined }]).code).toBe(
      'ESTIMATOR_LOCATION_INVALID',
    );
  });

  it.each([
    ['a negative direct ms', { direct: route(-1) }, /direct\.ms is -1/],
    ['a fractional direct ms', { direct: route(1.5) }, /direct\.ms is 1\.5/],
    ['a direct ms above 65534', { direct: route(65535) }, /direct\.ms is 65535/],
    ['a NaN direct ms', { direct: route(Number.NaN) }, /direct\.ms is NaN/],
    ['an infinite direct ms', { direct: route(Infinity) }, /direct\.ms is Infinity/],
    ['a direct ms that is a string', { direct: { ms: '5', extra: 0 } }, /direct\.ms is 5/],
    ['a negative direct extra', { direct: route(1, -1) }, /direct\.extra is -1/],
    ['a fractional direct extra', { direct: route(1, 0.5) }, /direct\.extra is 0\.5/],
    ['a direct extra above 65534', { direct: route(1, 70000) }, /direct\.extra is 70000/],
    ['a negative via ms', { via: route(-3) }, /via\.ms is -3/],
    ['a fractional via ms', { via: route(2.25) }, /via\.ms is 2\.25/],
    ['a via ms above 65534', { via: route(65535) }, /via\.ms is 65535/],
    ['a via extra above 65534', { via: route(1, 65535) }, /via\.extra is 65535/],
    ['a direct route that is not an object', { direct: 5 }, /direct is not a { ms, extra } route/],
    ['a via route of null', { direct: route(5), via: null }, /via is not a { ms, extra } route/],
  ])('rejects %s', (_, routes, message) => {
    expect(invalid([{ popId: id('fra'), ...routes }]).message).toMatch(message);
  });

  it.each([
    ["'ab' (two characters)", id('ab')],
    ["'a' (one character)", id('a')],
    ["'' (id 0)", 0],
    ["'FRA' (uppercase)", rawPopId('FRA')],
    ["'Fra' (mixed case)", rawPopId('Fra')],
    ["'1ab' (a digit first)", id('1ab')],
    ["'fr-a' (a hyphen)", rawPopId('fr-a')],
    ["'ab' with a top byte the decoder never reads", (id('ab') | (0x7a << 24)) >>> 0],
  ])('rejects a POP id whose code is %s', (_, popId) => {
    expect(invalid([{ popId, direct: route(1) }]).message).toMatch(/is not a code of 3 or 4/);
  });

  it('rejects entries that are not an array, and an entry that is not an object', () => {
    expect(invalid('fra=1+0').message).toMatch(/must be an array/);
    expect(invalid(undefined).message).toMatch(/must be an array/);
    expect(invalid([null]).message).toMatch(/entry 0 is not an object/);
    expect(invalid([{ popId: id('fra'), direct: route(1) }, 'ams']).message).toMatch(
      /entry 1 is not an object/,
    );
  });

  it('throws a PingLocationError for a POP id or via POP id that is not a uint32', () => {
    expect(invalid([{ popId: -1, direct: route(1) }]).message).toMatch(/POP id -1 is not a code/);
    expect(invalid([{ popId: 1.5, direct: route(1) }]).message).toMatch(/POP id 1\.5/);
    expect(invalid([{ popId: id('fra'), direct: route(1), relayPopId: 2 ** 32 }]).message).toMatch(
      /relayPopId 4294967296 is not a POP id/,
    );
  });
});

describe('PingLocation', () => {
  const location = PingLocation.fromEntries([
    { popId: id('fra'), direct: route(20, 2) },
    { popId: id('sto2'), direct: route(30, 3), via: route(25, 1) },
    { popId: id('iad'), via: route(90, 9) },
  ]);

  it("writes Steam's text, best route first", () => {
    expect(location.toString()).toBe('fra=20+2,sto2=30+3/25+1,iad=/90+9');
    expect(String(location)).toBe(location.toString());
    expect(`${location}`).toBe('fra=20+2,sto2=30+3/25+1,iad=/90+9');
  });

  it('counts its entries', () => {
    expect(location.size).toBe(3);
  });

  it('is ok', () => {
    expect(location.ok).toBe(true);
  });

  it('finds the route to a POP by code or by id', () => {
    expect(location.routeMsTo('sto2')).toBe(25);
    expect(location.routeMsTo(id('iad'))).toBe(90);
    expect(location.routeMsTo('fra')).toBe(20);
  });

  it('has no route to a POP it does not name, nor to a malformed code', () => {
    expect(location.routeMsTo('ams')).toBeUndefined();
    expect(location.routeMsTo(id('ams'))).toBeUndefined();
    expect(location.routeMsTo('FRA')).toBeUndefined();
    expect(location.routeMsTo('')).toBeUndefined();
    expect(location.routeMsTo(-1)).toBeUndefined();
  });

  it('does not resolve aliases itself (tyo1 is a different code from tyo)', () => {
    const tokyo = parse('tyo=100+1') as PingLocation;
    expect(tokyo.routeMsTo('tyo')).toBe(100);
    expect(tokyo.routeMsTo('tyo1')).toBeUndefined();
  });

  it('EMPTY has no entries and empty text', () => {
    expect(PingLocation.EMPTY.size).toBe(0);
    expect(PingLocation.EMPTY.entries()).toEqual([]);
    expect(String(PingLocation.EMPTY)).toBe('');
    expect(PingLocation.EMPTY.ok).toBe(true);
  });

  it("EMPTY's text does not read back as a location (see the report)", () => {
    expect(parse(String(PingLocation.EMPTY)).ok).toBe(false);
  });
});

describe('isPingLocation and isLocationPopCode', () => {
  it('is true for locations however they were made', () => {
    expect(isPingLocation(parse('fra=1+0'))).toBe(true);
    expect(isPingLocation(PingLocation.fromEntries([]))).toBe(true);
    expect(isPingLocation(PingLocation.EMPTY)).toBe(true);
  });

  it('is false for anything else, including look-alikes and proxies', () => {
    const real = parse('fra=1+0') as PingLocation;
    expect(isPingLocation(parse('nonsense'))).toBe(false);
    expect(isPingLocation(new NotAPingLocation('x', 0))).toBe(false);
    expect(isPingLocation('fra=1+0')).toBe(false);
    expect(isPingLocation(undefined)).toBe(false);
    expect(isPingLocation(null)).toBe(false);
    expect(isPingLocation(Object.create(PingLocation.prototype))).toBe(false);
    expect(isPingLocation({ ok: true, size: 1, entries: () => real.entries() })).toBe(false);
    expect(isPingLocation(new Proxy(real, {}))).toBe(false);
  });

  it.each([
    ['fra', true],
    ['sto2', true],
    ['a00', true],
    ['FRA', false],
    ['ab', false],
    ['fra12', false],
    ['1ab', false],
    ['', false],
  ])('isLocationPopCode(%j) is %s', (code, expected) => {
    expect(isLocationPopCode(code)).toBe(expected);
  });

  it('isLocationPopCode is false for a value that is not a string', () => {
    expect(isLocationPopCode(123 as unknown as string)).toBe(false);
  });
});

describe('PingLocation: properties', () => {
  const inputs = entryInputs(anyLocationCode, { minLength: 1, maxLength: 12 });

  it('any 1–12 valid entries make a location whose text parses back to the same entries', () => {
    fc.assert(
      fc.property(inputs, (entries) => {
        const location = PingLocation.fromEntries(entries);
        const again = parse(String(location));
        expect(again.ok).toBe(true);
        expect((again as PingLocation).entries()).toEqual(location.entries());
        expect(String(again)).toBe(String(location));
      }),
      { numRuns: 500 },
    );
  });

  it('sorts any entries by route, stably, and keeps every one of them', () => {
    fc.assert(
      fc.property(inputs, (entries) => {
        const location = PingLocation.fromEntries(entries);
        const routeOf = (entry: PingLocationEntryInput): number => (entry.via ?? entry.direct)!.ms;
        const expected = entries
          .map((entry, position) => ({ entry, position }))
          .sort((x, y) => routeOf(x.entry) - routeOf(y.entry) || x.position - y.position)
          .map(({ entry }) => [entry.popId, routeOf(entry), entry.direct, entry.via]);
        const actual = location
          .entries()
          .map(({ popId, routeMs, direct, via }) => [popId, routeMs, direct, via]);
        expect(actual).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('answers routeMsTo for every entry it holds, by code and by id', () => {
    fc.assert(
      fc.property(inputs, (entries) => {
        const location = PingLocation.fromEntries(entries);
        for (const entry of location.entries()) {
          expect(location.routeMsTo(entry.code)).toBe(entry.routeMs);
          expect(location.routeMsTo(entry.popId)).toBe(entry.routeMs);
        }
      }),
      { numRuns: 200 },
    );
  });
});
