/**
 * The catalogue of simulated SDR POPs: Valve's published relay network (the estimator's
 * `valveRelayNetwork()`: codes, descriptions, coordinates, tiers, partners, aliases and relay
 * counts, with its documented corrections), plus what the simulation needs besides: the city and
 * country each POP is in (for the internet model's national hubs) and, for the mainland-China
 * carrier variants, their carrier.
 */
import { valveRelayNetwork } from '../../../estimator/relay-network-config.js';
import { type RelayPop } from '../../../estimator/relay-network.js';
import { popCodeFromId, popIdFromCode } from '../../../estimator/pop-id.js';
import { type Continent, getCountry } from './countries.js';
import { type LatLon } from './geo.js';

/** Re-exported for callers that only import the POP catalogue. */
export type { Continent };

/** A mainland-China carrier, for the carrier-specific POP variants. */
export type ChinaCarrier = 'mobile' | 'telecom' | 'unicom';

/** One POP of the simulated relay network. A `PopInfo` is also a {@link LatLon}. */
export interface PopInfo extends LatLon {
  /** Valve's code, e.g. `'fra'`, `'sto2'`, `'tsnm'`. */
  readonly code: string;
  /** The packed `SteamNetworkingPOPID` of {@link code} ({@link popIdFromCode}). */
  readonly id: number;
  /** Valve's description, e.g. `'Stockholm - Kista (Sweden)'`. */
  readonly description: string;
  /** The city the POP is in, e.g. `'Stockholm'`. */
  readonly city: string;
  /** The country's English short name, e.g. `'Sweden'`. */
  readonly country: string;
  /** The ISO 3166-1 alpha-2 country code, e.g. `'SE'`. */
  readonly countryCode: string;
  readonly continent: Continent;
  /** The partner that runs the POP when it is not Valve (`'Perfect World'`, `'Alibaba Cloud'`). */
  readonly operator?: string | undefined;
  /** For a mainland-China carrier variant: the carrier it sits on. */
  readonly carrier?: ChinaCarrier | undefined;
  /** Valve's tier: 0 for its large hubs, 1 for the rest. */
  readonly tier: number;
  /** Valve's partner bitmask: 1 the global network, 2 the China network (3 both). */
  readonly partners: number;
  /** Other codes Valve gives this POP (`tyo1` for `tyo`). */
  readonly aliases: readonly string[];
  /** How many relays Valve lists; 0 for a server-only site, reached only through other POPs. */
  readonly relayCount: number;
}

/** City and country of each POP of Valve's network (Valve's config has only coordinates). */
const PLACES: Readonly<Record<string, readonly [city: string, countryCode: string]>> = {
  ams: ['Amsterdam', 'NL'],
  atl: ['Atlanta', 'US'],
  bom: ['Mumbai', 'IN'],
  bom2: ['Mumbai', 'IN'],
  can: ['Guangzhou', 'CN'],
  ctu: ['Chengdu', 'CN'],
  dfw: ['Dallas', 'US'],
  dxb: ['Dubai', 'AE'],
  eat: ['Moses Lake', 'US'],
  eze: ['Buenos Aires', 'AR'],
  fra: ['Frankfurt', 'DE'],
  gru: ['Sao Paulo', 'BR'],
  hel: ['Helsinki', 'FI'],
  hkg: ['Hong Kong', 'HK'],
  iad: ['Sterling', 'US'],
  jfk: ['New York', 'US'],
  jnb: ['Johannesburg', 'ZA'],
  lax: ['Los Angeles', 'US'],
  lhr: ['London', 'GB'],
  lim: ['Lima', 'PE'],
  maa: ['Chennai', 'IN'],
  mad: ['Madrid', 'ES'],
  ord: ['Chicago', 'US'],
  par: ['Paris', 'FR'],
  pwg: ['Guangzhou', 'CN'],
  pwj: ['Tianjin', 'CN'],
  pwu: ['Beijing', 'CN'],
  pww: ['Wuhan', 'CN'],
  pwz: ['Hangzhou', 'CN'],
  scl: ['Santiago', 'CL'],
  sea: ['Seattle', 'US'],
  seo: ['Seoul', 'KR'],
  sgp: ['Singapore', 'SG'],
  sha: ['Shanghai', 'CN'],
  shb: ['Shanghai', 'CN'],
  sto: ['Stockholm', 'SE'],
  sto2: ['Stockholm', 'SE'],
  syd: ['Sydney', 'AU'],
  tsn: ['Tianjin', 'CN'],
  tyo: ['Tokyo', 'JP'],
  vie: ['Vienna', 'AT'],
  waw: ['Warsaw', 'PL'],
};

const CARRIERS: readonly (readonly [suffix: string, carrier: ChinaCarrier, label: string])[] = [
  ['m', 'mobile', 'Mobile'],
  ['t', 'telecom', 'Telecom'],
  ['u', 'unicom', 'Unicom'],
];

function popFromRelayPop(pop: RelayPop): PopInfo {
  // A carrier variant ('tsnm') is in its base POP's city, on the carrier its description names.
  const variant = CARRIERS.find(
    ([suffix, , label]) =>
      pop.code.length === 4 && pop.code.endsWith(suffix) && pop.description.includes(`- ${label}`),
  );
  const placeCode = variant === undefined ? pop.code : pop.code.slice(0, 3);
  const place = PLACES[placeCode];
  if (place === undefined) {
    throw new Error(`The POP catalogue has no city for Valve's POP '${pop.code}'.`);
  }
  const [city, countryCode] = place;
  const country = getCountry(countryCode);
  if (country === undefined) {
    throw new Error(
      `The POP catalogue names an unknown country code '${countryCode}' for ${pop.code}.`,
    );
  }
  const operator = /^(Perfect World|Alibaba Cloud)/.exec(pop.description)?.[1];
  return Object.freeze({
    code: pop.code,
    id: pop.id,
    description: pop.description,
    city,
    country: country.name,
    countryCode,
    lat: pop.lat,
    lon: pop.lon,
    continent: country.continent,
    operator,
    carrier: variant?.[1],
    tier: pop.tier,
    partners: pop.partners,
    aliases: pop.aliases,
    relayCount: pop.relayCount,
  });
}

/**
 * Every simulated POP, sorted by code: in the order of `valveRelayNetwork().pops`, so a POP's
 * index here is its index in that network. Other tables index POPs by it.
 */
export const POP_CATALOGUE: readonly PopInfo[] = Object.freeze(
  valveRelayNetwork().pops.map(popFromRelayPop),
);

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
 * simulated POP (an alias such as `'tyo1'` gives its POP). Throws a `RangeError` for a malformed
 * code (see {@link popIdFromCode}).
 */
export function getPopInfoByCode(code: string): PopInfo | undefined {
  // The network resolves aliases; its POPs are the catalogue's, in the same order.
  const index = valveRelayNetwork().indexOf(popIdFromCode(code));
  return index < 0 ? undefined : POP_CATALOGUE[index];
}
