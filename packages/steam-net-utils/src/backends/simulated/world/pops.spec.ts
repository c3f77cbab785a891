import { isValidLatLon } from './geo.js';
import { PopIdError, popIdFromCode } from '../../../estimator/pop-id.js';
import { getPopInfo, getPopInfoByCode, POP_CATALOGUE } from './pops.js';

/** Every code that the public GetSDRConfig copies and game tools list with a known city. */
const CODES_WITH_KNOWN_CITIES = [
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
  'fsn',
  'ggru',
  'ghel',
  'gnrt',
  'gru',
  'gtpe',
  'hel',
  'hkg',
  'iad',
  'jnb',
  'lax',
  'lhr',
  'lim',
  'lux',
  'maa',
  'maa2',
  'mad',
  'man',
  'mwh',
  'okc',
  'ord',
  'par',
  'pek',
  'pekm',
  'pekt',
  'peku',
  'pvgm',
  'pvgt',
  'pvgu',
  'scl',
  'sea',
  'seo',
  'sgp',
  'sha',
  'shau',
  'shb',
  'sto',
  'sto2',
  'syd',
  'tgd',
  'tgdm',
  'tgdt',
  'tgdu',
  'tsn',
  'tsnm',
  'tsnu',
  'tyo',
  'tyo1',
  'tyo2',
  'vie',
  'waw',
];

describe('POP catalogue', () => {
  it('has every code with a known city, and nothing else', () => {
    expect(POP_CATALOGUE.map((pop) => pop.code).sort()).toEqual(
      [...CODES_WITH_KNOWN_CITIES].sort(),
    );
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
    const base = getPopInfoByCode('pek')!;
    const carriers = (['pekm', 'pekt', 'peku'] as const).map((code) => getPopInfoByCode(code)!);
    expect(carriers.map((pop) => pop.carrier)).toEqual(['mobile', 'telecom', 'unicom']);
    for (const variant of carriers) {
      expect(variant.id).not.toBe(base.id);
      expect([variant.lat, variant.lon, variant.city]).toEqual([base.lat, base.lon, base.city]);
    }
    expect(base.carrier).toBeUndefined();
    expect(getPopInfoByCode('pvgt')!.description).toBe('Alibaba Cloud Shanghai Telecom (China)');
  });

  it('places the POPs the done-when checks use where they are', () => {
    const fra = getPopInfo(popIdFromCode('fra'))!;
    expect([fra.city, fra.country]).toEqual(['Frankfurt', 'Germany']);
    expect(fra.lat).toBeCloseTo(50.11, 1);
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
