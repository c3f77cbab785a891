/**
 * Valve's published relay network, as the default of every estimate and of the simulation: the
 * points of presence (POPs) and the POP-to-POP backbone round trips of the SDR network config
 * that Steam's `ISteamApps/GetSDRConfig` web API served in November 2023 (revision 1700157702).
 *
 * The rows keep Valve's values except for the corrections listed in {@link KNOWN_CORRECTIONS},
 * which `readRelayNetworkConfig` also applies to any fresh copy of the config that still
 * carries the same error. docs/relay-network.md explains every field and each correction.
 */

/** Valve's config revision these rows come from. */
export const VALVE_NETWORK_REVISION = 1700157702;

/**
 * One POP: code, Valve's description, longitude, latitude (Valve's `geo` order), tier (0 large
 * hubs, 1 the rest), partners (bitmask: 1 Valve's global network, 2 the China network), aliases
 * (`|`-separated), and how many relay addresses it lists (0: a server-only site).
 */
export type ValvePopRow = readonly [
  code: string,
  description: string,
  lon: number,
  lat: number,
  tier: number,
  partners: number,
  aliases: string,
  relayCount: number,
];

/** The 54 POPs, sorted by code. */
export const VALVE_POP_ROWS: readonly ValvePopRow[] = [
  ['ams', 'Amsterdam (Netherlands)', 4.9, 52.37, 1, 1, '', 4],
  ['atl', 'Atlanta (Georgia)', -84.39, 33.76, 1, 1, '', 6],
  ['bom', 'Mumbai (India)', 72.49, 18.58, 1, 1, '', 2],
  ['bom2', 'Mumbai (India)', 72.99, 19.18, 1, 1, '', 2],
  ['can', 'Perfect World Guangdong 2 (China)', 113.15, 23.7, 1, 2, '', 0],
  ['canm', 'Perfect World Guangdong 2 - Mobile (China)', 113.15, 23.7, 1, 2, '', 6],
  ['cant', 'Perfect World Guangdong 2 - Telecom (China)', 113.15, 23.7, 1, 2, '', 6],
  ['canu', 'Perfect World Guangdong 2 - Unicom (China)', 113.15, 23.7, 1, 2, '', 6],
  ['ctu', 'Alibaba Cloud Chengdu (China)', 103.7, 30.7, 1, 2, '', 0],
  ['ctum', 'Alibaba Cloud Chengdu - Mobile (China)', 103.7, 30.7, 1, 2, '', 2],
  ['ctut', 'Alibaba Cloud Chengdu - Telecom (China)', 103.7, 30.7, 1, 2, '', 2],
  ['ctuu', 'Alibaba Cloud Chengdu - Unicom (China)', 103.7, 30.7, 1, 2, '', 2],
  ['dfw', 'Dallas (Texas)', -96.8, 32.77, 1, 1, '', 4],
  ['dxb', 'Dubai (United Arab Emirates)', 55.3, 25.25, 0, 1, '', 2],
  ['eat', 'Moses Lake (Washington)', -119.28, 47.12, 1, 3, 'mwh', 0],
  ['eze', 'Buenos Aires (Argentina)', -58.38, -34.6, 1, 1, '', 4],
  ['fra', 'Frankfurt (Germany)', 8.68, 50.12, 0, 1, '', 9],
  ['gru', 'Sao Paulo (Brazil)', -46.64, -23.53, 0, 1, '', 4],
  ['hel', 'Helsinki (Finland)', 24.85, 60.11, 1, 1, '', 5],
  ['hkg', 'Hong Kong', 113.92, 22.31, 0, 3, '', 10],
  ['iad', 'Sterling (Virginia)', -77.43, 39.01, 1, 1, '', 6],
  ['jfk', 'New York', -74.14, 40.69, 1, 1, '', 2],
  ['jnb', 'Johannesburg (South Africa)', 28, -26.2, 0, 1, '', 2],
  ['lax', 'Los Angeles (California)', -118.25, 34.05, 1, 1, '', 4],
  ['lhr', 'London (England)', -0.13, 51.51, 1, 1, '', 4],
  ['lim', 'Lima (Peru)', -77.05, -12.06, 1, 1, '', 4],
  ['maa', 'Chennai (India)', 80.27, 13.08, 1, 1, '', 1],
  ['mad', 'Madrid (Spain)', -3.7, 40.23, 1, 1, '', 2],
  ['ord', 'Chicago (Illinois)', -87.69, 41.84, 0, 1, '', 6],
  ['par', 'Paris (France)', 2.35, 48.86, 1, 1, '', 4],
  ['pwg', 'Perfect World Guangdong 1 (China)', 113.3, 23.1, 1, 2, '', 4],
  ['pwj', 'Perfect World Tianjin (China)', 117.1, 39.8, 1, 2, '', 4],
  ['pwu', 'Perfect World Hebei (China)', 116.4, 39.9, 1, 2, '', 4],
  ['pww', 'Perfect World Wuhan (China)', 114.2, 30.4, 1, 2, 'wuh', 4],
  ['pwz', 'Perfect World Zhejiang (China)', 120.5, 29.2, 1, 2, '', 4],
  ['scl', 'Santiago (Chile)', -70.47, -33.23, 1, 1, '', 2],
  ['sea', 'Seattle (Washington)', -122.33, 47.61, 1, 1, '', 4],
  ['seo', 'Seoul (South Korea)', 126.99, 37.56, 1, 1, '', 4],
  ['sgp', 'Singapore', 103.83, 1.28, 0, 3, '', 6],
  ['sha', 'Perfect World Shanghai (China)', 121.5, 31.2, 1, 2, '', 0],
  ['sham', 'Perfect World Shanghai - Mobile (China)', 121.5, 31.2, 1, 2, '', 6],
  ['shat', 'Perfect World Shanghai - Telecom (China)', 121.5, 31.2, 1, 2, '', 6],
  ['shau', 'Perfect World Shanghai - Unicom (China)', 121.5, 31.2, 1, 2, '', 6],
  ['shb', 'Perfect World (sha-4) Backbone (Shanghai, China)', 121.53, 31.23, 1, 2, 'pwt', 4],
  ['sto', 'Stockholm - Kista (Sweden)', 17.9, 59.4, 1, 1, '', 6],
  ['sto2', 'Stockholm - Bromma (Sweden)', 17.87, 59.34, 0, 1, '', 10],
  ['syd', 'Sydney (Australia)', 151.21, -33.86, 0, 3, '', 4],
  ['tsn', 'Perfect World Tianjin (China)', 117.1, 39.8, 1, 2, '', 0],
  ['tsnm', 'Perfect World Tianjin - Mobile (China)', 117.1, 39.8, 1, 2, '', 6],
  ['tsnt', 'Perfect World Tianjin - Telecom (China)', 117.1, 39.8, 1, 2, '', 6],
  ['tsnu', 'Perfect World Tianjin - Unicom (China)', 117.1, 39.8, 1, 2, '', 6],
  ['tyo', 'Tokyo Koto City (Japan)', 139.68, 35.68, 1, 3, 'tyo1|tyo2|tyo3', 6],
  ['vie', 'Vienna (Austria)', 16.22, 48.12, 1, 1, '', 4],
  ['waw', 'Warsaw (Poland)', 21, 52.22, 1, 1, '', 4],
];

/**
 * The 200 published backbone round trips, ms: each line is a POP followed by `other:ms` pairs
 * (symmetric; each pair once).
 */
export const VALVE_TYPICAL_PING_LINES: readonly string[] = [
  'ams fra:6 hel:25 jnb:160 lhr:5 mad:30 par:10 sto:20 sto2:19 vie:16',
  'atl dfw:16 fra:110 iad:15 jfk:18 ord:18',
  'bom bom2:52 dxb:25 maa:18 sgp:50 syd:143',
  'bom2 dxb:27 maa:70 sgp:103',
  'can canm:0 cant:0 canu:0 hkg:6 pwg:2 sgp:53',
  'canm cant:0 canu:0 hkg:12 pwg:9 sgp:53',
  'cant canu:0 hkg:8 pwg:2 sgp:53',
  'canu hkg:88 pwg:3 sgp:53',
  'ctu ctum:0 ctut:0 ctuu:0 hkg:27 pww:20 sgp:65',
  'ctum ctut:0 ctuu:0 hkg:58 pww:23 sgp:65',
  'ctut ctuu:0 dxb:95 pww:19 sgp:65',
  'ctuu hkg:52 pww:19 sgp:65',
  'dfw eat:49 fra:118 iad:37 jfk:36 lax:32 ord:20 sea:47',
  'dxb hkg:109 maa:43 pww:115 sgp:76',
  'eat lax:28 ord:51 sea:3 sto2:151',
  'eze gru:28 iad:143 lim:49 ord:160 scl:23',
  'fra gru:196 hel:22 iad:86 jnb:173 lax:144 lhr:15 mad:28 ord:97 par:9 sea:141 sto:23 sto2:23 vie:11 waw:16',
  'gru iad:119 lim:83 ord:168 scl:53',
  'hel sto:6 sto2:12',
  'hkg maa:65 pwg:7 pwj:46 pwu:49 pwz:169 seo:37 sgp:31 sha:24 sham:31 shat:28 shau:78 shb:160 syd:121 tsn:39 tsnm:46 tsnt:42 tsnu:52 tyo:46',
  'iad jfk:6 ord:17',
  'jfk ord:17 scl:125 sto2:85',
  'jnb lhr:155 mad:181 par:162 sgp:173',
  'lax lim:101 ord:46 sea:23',
  'lhr mad:26 par:7 sto2:37',
  'lim ord:147 scl:84',
  'maa sgp:33 syd:125',
  'mad par:19 sto2:51',
  'ord scl:183 sea:47 sto2:110',
  'par sto2:31 vie:20',
  'pwg sgp:52',
  'pwj pwu:8 sgp:86 tsn:1 tsnm:10 tsnt:8 tsnu:1',
  'pwu sgp:89 tsn:5 tsnt:14 tsnu:8',
  'pww pwz:16 sgp:68 sha:17 shat:16 shb:15',
  'pwz sgp:71 sha:10 shat:9 shau:12 shb:9',
  'seo sgp:67 sha:17 sham:17 tyo:83',
  'sgp sha:76 sham:76 shat:76 shau:76 shb:76 syd:90 tsn:89 tsnm:89 tsnt:89 tsnu:89 tyo:78',
  'sha sham:0 shat:0 shau:0 shb:1 tyo:35',
  'sham shat:0 shau:0 shb:4',
  'shat shau:0 shb:2',
  'shau shb:4',
  'sto sto2:0 waw:20',
  'sto2 vie:33 waw:20',
  'tsn tsnm:0 tsnt:0 tsnu:0',
  'tsnm tsnt:0 tsnu:0',
  'tsnt tsnu:0',
  'vie waw:10',
];

/** A correction of a known error in Valve's published data. */
export interface KnownCorrection {
  readonly code: string;
  readonly field: 'lon' | 'lat';
  /** The wrong value, as Valve's copies carry it: only exactly this value is corrected. */
  readonly published: number;
  readonly corrected: number;
  readonly why: string;
}

/** The corrections `VALVE_POP_ROWS` already carry and `readRelayNetworkConfig` applies. */
export const KNOWN_CORRECTIONS: readonly KnownCorrection[] = [
  {
    code: 'mad',
    field: 'lon',
    published: 3.34,
    corrected: -3.7,
    why: 'Madrid is at 3.70° W; every copy of the config gives 3.34° E (the sign is wrong, and the value off), which puts it in the Mediterranean east of Valencia.',
  },
  {
    code: 'pwj',
    field: 'lat',
    published: 38.3,
    corrected: 39.8,
    why: "Valve describes pwj as Perfect World Tianjin and publishes 1 ms to tsn (Tianjin, 39.8° N), but places it at 38.3° N, 170 km south: below the fibre bound of that 1 ms. It takes tsn's latitude.",
  },
  {
    code: 'pwj',
    field: 'lon',
    published: 116.4,
    corrected: 117.1,
    why: "The longitude of the same correction: tsn's, 117.1° E.",
  },
];
