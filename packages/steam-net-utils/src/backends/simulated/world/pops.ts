/**
 * The catalogue of simulated SDR POPs: real Steam Datagram Relay point-of-presence codes with the
 * city each one serves and that city's coordinates.
 *
 * Sources: the codes and descriptions seen in public copies of Valve's `GetSDRConfig` answer and
 * in game tools. Codes whose city is not known (the Perfect World `pw*` family, `mdf1`) are left
 * out. The mainland-China carrier variants (`…m` China Mobile, `…t` China Telecom, `…u` China
 * Unicom) are separate POPs in the same city, as in Valve's configuration. Coordinates are those
 * of the city (or district) named, to about 0.05°.
 */
import { type Continent, getCountry } from './countries.js';
import { type LatLon } from './geo.js';
import { popCodeFromId, popIdFromCode } from '../../../estimator/pop-id.js';

/** Re-exported for callers that only import the POP catalogue. */
export type { Continent };

/** A mainland-China carrier, for the carrier-specific POP variants. */
export type ChinaCarrier = 'mobile' | 'telecom' | 'unicom';

/** One POP of the simulated relay network. A `PopInfo` is also a {@link LatLon}. */
export interface PopInfo extends LatLon {
  /** Valve's code, e.g. `'fra'`, `'sto2'`, `'pekm'`. */
  readonly code: string;
  /** The packed `SteamNetworkingPOPID` of {@link code} ({@link popIdFromCode}). */
  readonly id: number;
  /** The description Valve's configuration gives, e.g. `'Stockholm - Kista (Sweden)'`. */
  readonly description: string;
  /** The city the POP is in, e.g. `'Stockholm'`. */
  readonly city: string;
  /** The country's English short name, e.g. `'Sweden'`. */
  readonly country: string;
  /** The ISO 3166-1 alpha-2 country code, e.g. `'SE'`. */
  readonly countryCode: string;
  readonly continent: Continent;
  /** The partner that runs the POP when it is not Valve (`'Alibaba Cloud'`, `'Tencent'`, `'Google Cloud'`). */
  readonly operator?: string | undefined;
  /** For a mainland-China carrier variant: the carrier it sits on. */
  readonly carrier?: ChinaCarrier | undefined;
}

type PopRow = readonly [
  code: string,
  description: string,
  city: string,
  countryCode: string,
  lat: number,
  lon: number,
  operator?: string,
];

const CARRIER_SUFFIXES: readonly (readonly [
  suffix: string,
  carrier: ChinaCarrier,
  label: string,
])[] = [
  ['m', 'mobile', 'Mobile'],
  ['t', 'telecom', 'Telecom'],
  ['u', 'unicom', 'Unicom'],
];

/** The rows of the catalogue (country and continent come from the country table). */
const POP_ROWS: readonly PopRow[] = [
  // Europe
  ['ams', 'Amsterdam (Netherlands)', 'Amsterdam', 'NL', 52.37, 4.9],
  ['fra', 'Frankfurt (Germany)', 'Frankfurt', 'DE', 50.11, 8.68],
  ['fsn', 'Falkenstein (Germany)', 'Falkenstein', 'DE', 50.48, 12.37],
  ['ghel', 'Google Cloud Helsinki (Finland)', 'Helsinki', 'FI', 60.17, 24.94, 'Google Cloud'],
  ['hel', 'Helsinki (Finland)', 'Helsinki', 'FI', 60.17, 24.94],
  ['lhr', 'London (England)', 'London', 'GB', 51.51, -0.13],
  ['lux', 'Luxembourg', 'Luxembourg', 'LU', 49.61, 6.13],
  ['mad', 'Madrid (Spain)', 'Madrid', 'ES', 40.42, -3.7],
  ['par', 'Paris (France)', 'Paris', 'FR', 48.86, 2.35],
  ['sto', 'Stockholm - Kista (Sweden)', 'Stockholm', 'SE', 59.4, 17.94],
  ['sto2', 'Stockholm - Bromma (Sweden)', 'Stockholm', 'SE', 59.34, 17.94],
  ['vie', 'Vienna (Austria)', 'Vienna', 'AT', 48.21, 16.37],
  ['waw', 'Warsaw (Poland)', 'Warsaw', 'PL', 52.23, 21.01],
  // North America
  ['atl', 'Atlanta (Georgia)', 'Atlanta', 'US', 33.75, -84.39],
  ['dfw', 'Dallas (Texas)', 'Dallas', 'US', 32.78, -96.8],
  ['eat', 'Wenatchee (Washington)', 'Wenatchee', 'US', 47.42, -120.31],
  ['iad', 'Sterling (Virginia)', 'Sterling', 'US', 39.01, -77.43],
  ['lax', 'Los Angeles (California)', 'Los Angeles', 'US', 34.05, -118.24],
  ['mwh', 'Moses Lake (Washington)', 'Moses Lake', 'US', 47.13, -119.28],
  ['okc', 'Oklahoma City (Oklahoma)', 'Oklahoma City', 'US', 35.47, -97.52],
  ['ord', 'Chicago (Illinois)', 'Chicago', 'US', 41.88, -87.63],
  ['sea', 'Seattle (Washington)', 'Seattle', 'US', 47.61, -122.33],
  // South America
  ['eze', 'Buenos Aires (Argentina)', 'Buenos Aires', 'AR', -34.6, -58.38],
  ['ggru', 'Google Cloud Sao Paulo (Brazil)', 'Sao Paulo', 'BR', -23.55, -46.63, 'Google Cloud'],
  ['gru', 'Sao Paulo (Brazil)', 'Sao Paulo', 'BR', -23.55, -46.63],
  ['lim', 'Lima (Peru)', 'Lima', 'PE', -12.05, -77.04],
  ['scl', 'Santiago (Chile)', 'Santiago', 'CL', -33.45, -70.67],
  // Africa
  ['jnb', 'Johannesburg (South Africa)', 'Johannesburg', 'ZA', -26.2, 28.05],
  // Middle East and South Asia
  ['bom', 'Mumbai (India)', 'Mumbai', 'IN', 19.08, 72.88],
  ['bom2', 'Mumbai (India)', 'Mumbai', 'IN', 19.08, 72.88],
  ['dxb', 'Dubai (UAE)', 'Dubai', 'AE', 25.2, 55.27],
  ['maa', 'Chennai (India)', 'Chennai', 'IN', 13.08, 80.27],
  ['maa2', 'Chennai - Ambattur (India)', 'Chennai', 'IN', 13.11, 80.16],
  // East and South-East Asia
  ['gnrt', 'Google Cloud Tokyo (Japan)', 'Tokyo', 'JP', 35.68, 139.69, 'Google Cloud'],
  ['gtpe', 'Google Cloud Taipei (Taiwan)', 'Taipei', 'TW', 25.03, 121.57, 'Google Cloud'],
  ['hkg', 'Hong Kong', 'Hong Kong', 'HK', 22.32, 114.17],
  ['man', 'Manila (Philippines)', 'Manila', 'PH', 14.6, 120.98],
  ['seo', 'Seoul (South Korea)', 'Seoul', 'KR', 37.57, 126.98],
  ['sgp', 'Singapore', 'Singapore', 'SG', 1.35, 103.82],
  ['tyo', 'Tokyo Koto City (Japan)', 'Tokyo', 'JP', 35.67, 139.82],
  ['tyo1', 'Tokyo (Japan)', 'Tokyo', 'JP', 35.68, 139.69],
  ['tyo2', 'Tokyo (Japan)', 'Tokyo', 'JP', 35.68, 139.69],
  // Mainland China (partner POPs)
  ['can', 'Guangzhou (China)', 'Guangzhou', 'CN', 23.13, 113.26],
  ['ctu', 'Alibaba Cloud Chengdu (China)', 'Chengdu', 'CN', 30.57, 104.07, 'Alibaba Cloud'],
  ['pek', 'Alibaba Cloud Beijing (China)', 'Beijing', 'CN', 39.9, 116.4, 'Alibaba Cloud'],
  ['pvg', 'Alibaba Cloud Shanghai (China)', 'Shanghai', 'CN', 31.23, 121.47, 'Alibaba Cloud'],
  ['sha', 'Shanghai (China)', 'Shanghai', 'CN', 31.23, 121.47],
  ['shb', 'Shanghai (China)', 'Shanghai', 'CN', 31.23, 121.47],
  ['tgd', 'Tencent Guangzhou (China)', 'Guangzhou', 'CN', 23.13, 113.26, 'Tencent'],
  ['tsn', 'Tianjin (China)', 'Tianjin', 'CN', 39.08, 117.2],
  // Oceania
  ['syd', 'Sydney (Australia)', 'Sydney', 'AU', -33.87, 151.21],
];

/**
 * Which base codes have carrier variants, and which variants: every code seen in Valve's
 * configurations or the game tools that list them (`pvg` itself appears only as variants, `sha`
 * only as Unicom, `tsn` without a Telecom line).
 */
const CARRIER_VARIANTS: Readonly<Record<string, readonly ChinaCarrier[]>> = {
  can: ['mobile', 'telecom', 'unicom'],
  ctu: ['mobile', 'telecom', 'unicom'],
  pek: ['mobile', 'telecom', 'unicom'],
  pvg: ['mobile', 'telecom', 'unicom'],
  sha: ['unicom'],
  tgd: ['mobile', 'telecom', 'unicom'],
  tsn: ['mobile', 'unicom'],
};

/** Codes that exist only as carrier variants: the base row supplies their city but is not a POP. */
const VARIANT_ONLY_BASES: ReadonlySet<string> = new Set(['pvg']);

function popFromRow(row: PopRow, carrier?: ChinaCarrier): PopInfo {
  const [code, description, city, countryCode, lat, lon, operator] = row;
  const country = getCountry(countryCode);
  if (country === undefined) {
    throw new Error(
      `The POP catalogue names an unknown country code '${countryCode}' for ${code}.`,
    );
  }
  const suffix =
    carrier === undefined ? undefined : CARRIER_SUFFIXES.find(([, c]) => c === carrier);
  const fullCode = suffix === undefined ? code : code + suffix[0];
  const fullDescription =
    suffix === undefined ? description : description.replace(/ \(/, ` ${suffix[2]} (`);
  return Object.freeze({
    code: fullCode,
    id: popIdFromCode(fullCode),
    description: fullDescription,
    city,
    country: country.name,
    countryCode,
    lat,
    lon,
    continent: country.continent,
    operator,
    carrier,
  });
}

function buildCatalogue(): readonly PopInfo[] {
  const pops: PopInfo[] = [];
  for (const row of POP_ROWS) {
    const code = row[0];
    if (!VARIANT_ONLY_BASES.has(code)) {
      pops.push(popFromRow(row));
    }
    for (const carrier of CARRIER_VARIANTS[code] ?? []) {
      pops.push(popFromRow(row, carrier));
    }
  }
  pops.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return Object.freeze(pops);
}

/** Every simulated POP, sorted by code. The order is stable: other tables index POPs by it. */
export const POP_CATALOGUE: readonly PopInfo[] = buildCatalogue();

const POPS_BY_ID: ReadonlyMap<number, PopInfo> = new Map(POP_CATALOGUE.map((pop) => [pop.id, pop]));

/**
 * The POP with the given `SteamNetworkingPOPID`, or `undefined` when the simulated network has no
 * such POP. Throws a `RangeError` when `id` is not an unsigned 32-bit integer.
 */
export function getPopInfo(id: number): PopInfo | undefined {
  popCodeFromId(id); // validates: a non-uint32 is a caller error, not an unknown POP
  return POPS_BY_ID.get(id);
}

/**
 * The POP with the given code (`'fra'`), or `undefined` when the code is well formed but not a
 * simulated POP. Throws a `RangeError` for a malformed code (see {@link popIdFromCode}).
 */
export function getPopInfoByCode(code: string): PopInfo | undefined {
  return POPS_BY_ID.get(popIdFromCode(code));
}
