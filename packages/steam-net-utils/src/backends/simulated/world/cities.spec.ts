import {
  CITY_CATALOGUE,
  describeUnknownCity,
  findCity,
  foldPlaceName,
  suggestCities,
} from './cities.js';
import { isValidLatLon } from './geo.js';

describe('city catalogue', () => {
  it('holds a few hundred cities with valid coordinates', () => {
    expect(CITY_CATALOGUE.length).toBeGreaterThanOrEqual(300);
    for (const city of CITY_CATALOGUE) {
      expect(isValidLatLon(city)).toBe(true);
      expect(city.country.length).toBeGreaterThan(0);
    }
  });

  it('covers every continent', () => {
    const perContinent = new Map<string, number>();
    for (const city of CITY_CATALOGUE) {
      perContinent.set(city.continent, (perContinent.get(city.continent) ?? 0) + 1);
    }
    for (const continent of [
      'africa',
      'asia',
      'europe',
      'north-america',
      'oceania',
      'south-america',
    ]) {
      expect(perContinent.get(continent) ?? 0).toBeGreaterThanOrEqual(15);
    }
  });

  it('has no two cities with the same name in the same country', () => {
    const keys = CITY_CATALOGUE.map((city) => `${foldPlaceName(city.name)}|${city.countryCode}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has every POP city', () => {
    for (const name of [
      'Frankfurt',
      'Sterling',
      'Wenatchee',
      'Falkenstein',
      'Moses Lake',
      'Luxembourg',
    ]) {
      expect(findCity(name)).toBeDefined();
    }
  });
});

describe('findCity', () => {
  it('ignores case, accents and punctuation', () => {
    expect(findCity('sao paulo')?.name).toBe('São Paulo');
    expect(findCity('  BOGOTA ')?.name).toBe('Bogotá');
    expect(findCity('st louis')?.name).toBe('St. Louis');
    expect(findCity('Saint-Louis')?.name).toBe('St. Louis');
  });

  it('finds cities by alias', () => {
    expect(findCity('Bombay')?.name).toBe('Mumbai');
    expect(findCity('MÜNCHEN')?.name).toBe('Munich');
    expect(findCity('nyc')?.name).toBe('New York');
  });

  it('picks a namesake by the country after a comma (name or ISO code)', () => {
    expect(findCity('San Jose')?.countryCode).toBe('US');
    expect(findCity('San Jose, CR')?.countryCode).toBe('CR');
    expect(findCity('san jose, costa rica')?.name).toBe('San José');
    expect(findCity('Paris, Germany')).toBeUndefined();
  });

  it('returns undefined for unknown or empty names', () => {
    expect(findCity('Atlantis')).toBeUndefined();
    expect(findCity('   ')).toBeUndefined();
  });
});

describe('suggestCities', () => {
  it('offers the closest names for a typo, closest first', () => {
    expect(suggestCities('Frankfort', 3)[0]?.name).toBe('Frankfurt');
    expect(suggestCities('Sidney', 3)[0]?.name).toBe('Sydney');
  });

  it('offers prefix matches', () => {
    const names = suggestCities('san', 10).map((city) => city.name);
    expect(names).toEqual(expect.arrayContaining(['San Antonio', 'San Diego', 'San Jose']));
    expect(names.length).toBe(10);
  });

  it('narrows by country and returns nothing for far-off queries', () => {
    expect(suggestCities('san, mx', 5)).toEqual([]);
    expect(suggestCities('sa, br', 5).map((city) => city.name)).toContain('Salvador');
    expect(suggestCities('qqqqqqqq', 5)).toEqual([]);
    expect(suggestCities('Paris', 0)).toEqual([]);
  });

  it('builds an unknown-city message that names the query and the suggestions', () => {
    const message = describeUnknownCity('Frankfort');
    expect(message).toMatch(/^Unknown city 'Frankfort'\./);
    expect(message).toMatch(/Did you mean: Frankfurt \(Germany\)/);
    expect(message).toMatch(/latitude and longitude/);
    expect(describeUnknownCity('qqqqqqqq')).not.toMatch(/Did you mean/);
  });
});
