import { isValidLatLon } from './geo.js';
import { PopIdError, popIdFromCode } from '../../../estimator/pop-id.js';
import { getPopInfo, getPopInfoByCode, POP_CATALOGUE } from './pops.js';

/** The 54 POPs of Valve's published network config (revision 1700157702). */
const VALVE_CODES = [
  'ams',
  'atl',
  'bom',
  'bom2',
  'can',
  'canm',
  'cant',
  'canu',
  'ctu',
  'ctum',
  'ctut',
  'ctuu',
  'dfw',
  'dxb',
  'eat',
  'eze',
  'fra',
  'gru',
  'hel',
  'hkg',
  'iad',
  'jfk',
  'jnb',
  'lax',
  'lhr',
  'lim',
  'maa',
  'mad',
  'ord',
  'par',
  'pwg',
  'pwj',
  'pwu',
  'pww',
  'pwz',
  'scl',
  'sea',
  'seo',
  'sgp',
  'sha',
  'sham',
  'shat',
  'shau',
  'shb',
  'sto',
  'sto2',
  'syd',
  'tsn',
  'tsnm',
  'tsnt',
  'tsnu',
  'tyo',
  'vie',
  'waw',
];

describe('POP catalogue', () => {
  it("is Valve's published network: its 54 codes, and nothing invented", () => {
    expect(POP_CATALOGUE.map((pop) => pop.code)).toEqual(VALVE_CODES);
    expect(VALVE_CODES).toHaveLength(54);
  });

  it("keeps Valve's tiers, partners, aliases and relay counts", () => {
    const fra = getPopInfoByCode('fra')!;
    expect([fra.tier, fra.partners, fra.relayCount]).toEqual([0, 1, 9]);
    const eat = getPopInfoByCode('eat')!;
    expect([eat.partners, eat.relayCount, eat.aliases]).toEqual([3, 0, ['mwh']]);
    expect(getPopInfoByCode('tyo')!.aliases).toEqual(['tyo1', 'tyo2', 'tyo3']);
    expect(POP_CATALOGUE.filter((pop) => pop.relayCount === 0).map((pop) => pop.code)).toEqual([
      'can',
      'ctu',
      'eat',
      'sha',
      'tsn',
    ]);
  });

  it('finds a POP by one of its aliases', () => {
    expect(getPopInfoByCode('tyo1')).toBe(getPopInfoByCode('tyo'));
    expect(getPopInfoByCode('mwh')).toBe(getPopInfoByCode('eat'));
  });

  it("puts Madrid west of Greenwich, correcting the sign Valve's config gets wrong", () => {
    expect(getPopInfoByCode('mad')!.lon).toBeCloseTo(-3.7, 5);
  });

  it('is sorted by code and has unique ids matching Valve packing', () => {
    const codes = POP_CATALOGUE.map((pop) => pop.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(POP_CATALOGUE.map((pop) => pop.id)).size).toBe(POP_CATALOGUE.length);
    for (const pop of POP_CATALOGUE) {
      expect(pop.id).toBe(popIdFromCode(pop.code));
    }
  });

  it('gives every POP a city, a country, a continent and valid coordinates', () => {
    for (const pop of POP_CATALOGUE) {
      expect(pop.city.length).toBeGreaterThan(0);
      expect(pop.countryCode).toMatch(/^[A-Z]{2}$/);
      expect(isValidLatLon(pop)).toBe(true);
      expect(pop.continent).toMatch(/^(africa|asia|europe|north-america|oceania|south-america)$/);
    }
  });

  it('keeps the China carrier variants as separate POPs in the same city as their base', () => {
    const base = getPopInfoByCode('tsn')!;
    const carriers = (['tsnm', 'tsnt', 'tsnu'] as const).map((code) => getPopInfoByCode(code)!);
    expect(carriers.map((pop) => pop.carrier)).toEqual(['mobile', 'telecom', 'unicom']);
    for (const variant of carriers) {
      expect(variant.id).not.toBe(base.id);
      expect([variant.lat, variant.lon, variant.city]).toEqual([base.lat, base.lon, base.city]);
    }
    expect(base.carrier).toBeUndefined();
    expect(getPopInfoByCode('ctut')!.description).toBe('Alibaba Cloud Chengdu - Telecom (China)');
    expect(getPopInfoByCode('ctut')!.operator).toBe('Alibaba Cloud');
  });

  it('places the POPs the done-when checks use where they are', () => {
    const fra = getPopInfo(popIdFromCode('fra'))!;
    expect([fra.city, fra.country]).toEqual(['Frankfurt', 'Germany']);
    expect(fra.lat).toBeCloseTo(50.12, 2);
    expect(fra.lon).toBeCloseTo(8.68, 1);
    expect(getPopInfoByCode('sto')!.description).toBe('Stockholm - Kista (Sweden)');
    expect(getPopInfoByCode('iad')!.city).toBe('Sterling');
  });
});

describe('getPopInfo', () => {
  it('returns undefined for a well-formed id that is not a POP', () => {
    expect(getPopInfo(popIdFromCode('zzz'))).toBeUndefined();
    expect(getPopInfoByCode('zzz')).toBeUndefined();
  });

  it('throws a RangeError for an id that is not a uint32', () => {
    expect(() => getPopInfo(-5)).toThrow(RangeError);
    expect(() => getPopInfo(2 ** 33)).toThrow(PopIdError);
  });
});
