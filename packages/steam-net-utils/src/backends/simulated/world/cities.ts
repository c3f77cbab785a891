/**
 * The world-city catalogue used for host locations (`net.sim.where Paris`): a few hundred cities
 * on every continent, big metros and smaller places, with lookup that ignores case, accents and
 * punctuation, and suggestions for names it does not know.
 */
import { type Continent, getCountry } from './countries.js';
import { CITY_ROWS, type CityRow } from './city-data.js';
import { type LatLon } from './geo.js';

/** A city of the catalogue. A `City` is also a {@link LatLon} (its centre). */
export interface City extends LatLon {
  /** The usual English name, with its accents (`'São Paulo'`). */
  readonly name: string;
  /** The country's English short name (`'Brazil'`). */
  readonly country: string;
  /** ISO 3166-1 alpha-2 (`'BR'`). */
  readonly countryCode: string;
  readonly continent: Continent;
  /** Other names that find this city (`['Bombay']` for Mumbai). */
  readonly aliases: readonly string[];
}

/**
 * Folds a name for comparison: accents removed, lower case, every run of punctuation or spaces
 * turned into one space ("São Paulo" → "sao paulo", "St. John's" → "st john s").
 */
export function foldPlaceName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function cityFromRow([name, countryCode, lat, lon, aliases]: CityRow): City {
  const country = getCountry(countryCode);
  if (country === undefined) {
    throw new Error(
      `The city catalogue names an unknown country code '${countryCode}' for ${name}.`,
    );
  }
  return Object.freeze({
    name,
    country: country.name,
    countryCode: country.code,
    continent: country.continent,
    lat,
    lon,
    aliases: Object.freeze([...(aliases ?? [])]),
  });
}

/** Every city of the catalogue, in catalogue order (better-known namesakes first). */
export const CITY_CATALOGUE: readonly City[] = Object.freeze(CITY_ROWS.map(cityFromRow));

/** Each city with the folded forms of its name and aliases, built once. */
const SEARCH_ENTRIES: readonly { readonly city: City; readonly keys: readonly string[] }[] =
  CITY_CATALOGUE.map((city) => ({
    city,
    keys: [city.name, ...city.aliases].map(foldPlaceName),
  }));

/** Splits "Paris, France" into the folded place and country parts; the country part is optional. */
function splitQuery(query: string): { place: string; country: string | undefined } {
  const comma = query.lastIndexOf(',');
  if (comma < 0) {
    return { place: foldPlaceName(query), country: undefined };
  }
  return {
    place: foldPlaceName(query.slice(0, comma)),
    country: foldPlaceName(query.slice(comma + 1)),
  };
}

function countryMatches(city: City, foldedCountry: string | undefined): boolean {
  return (
    foldedCountry === undefined ||
    foldedCountry === '' ||
    foldedCountry === city.countryCode.toLowerCase() ||
    foldedCountry === foldPlaceName(city.country)
  );
}

/**
 * Finds a city by name or alias, ignoring case, accents and punctuation ("sao paulo",
 * "MÜNCHEN", "st louis"). A country may follow a comma, as a name or ISO code ("San Jose, CR",
 * "Paris, France"). Returns the first match in catalogue order, or `undefined`; use
 * {@link suggestCities} to offer alternatives.
 */
export function findCity(query: string): City | undefined {
  const { place, country } = splitQuery(query);
  if (place === '') {
    return undefined;
  }
  for (const entry of SEARCH_ENTRIES) {
    if (entry.keys.includes(place) && countryMatches(entry.city, country)) {
      return entry.city;
    }
  }
  return undefined;
}

/** Levenshtein edit distance between two short strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * How far a folded key is from the folded query: 0 for an exact match, then prefixes, then
 * substrings, then typos by edit distance relative to length. Lower is closer.
 */
function matchScore(key: string, place: string): number {
  if (key === place) return 0;
  if (key.startsWith(place)) return 1 + (key.length - place.length) / 100;
  if (key.includes(place)) return 2 + (key.length - place.length) / 100;
  const distance = editDistance(key, place);
  return 3 + distance / Math.max(key.length, place.length);
}

/** Typos farther than this (edit distance over length) are not suggested. */
const MAX_TYPO_RATIO = 0.5;

/**
 * Up to `count` cities whose name or alias is closest to `query` (exact, then prefix, then
 * substring, then near misses such as "Frankfort" → Frankfurt), closest first. A country after a
 * comma narrows the list. Returns an empty list when nothing is reasonably close.
 */
export function suggestCities(query: string, count = 5): City[] {
  const { place, country } = splitQuery(query);
  if (place === '' || count <= 0) {
    return [];
  }
  const scored: { city: City; score: number; order: number }[] = [];
  SEARCH_ENTRIES.forEach((entry, order) => {
    if (!countryMatches(entry.city, country)) return;
    const score = Math.min(...entry.keys.map((key) => matchScore(key, place)));
    if (score < 3 + MAX_TYPO_RATIO) {
      scored.push({ city: entry.city, score, order });
    }
  });
  scored.sort((a, b) => a.score - b.score || a.order - b.order);
  return scored.slice(0, count).map((entry) => entry.city);
}

/**
 * The message for a place the catalogue does not know, naming the query and offering the
 * closest names or the lat/lon alternative ("Unknown city 'Frankfort'. Did you mean: Frankfurt
 * (Germany)? ...").
 */
export function describeUnknownCity(query: string, count = 5): string {
  const suggestions = suggestCities(query, count);
  const hint =
    suggestions.length > 0
      ? ` Did you mean: ${suggestions.map((city) => `${city.name} (${city.country})`).join(', ')}?`
      : '';
  return (
    `Unknown city '${query}'.${hint} ` +
    'Give another city name (optionally "Name, Country"), or a latitude and longitude.'
  );
}
