/**
 * Valve's SDR network config (the JSON that Steam's `ISteamApps/GetSDRConfig/v1` web API serves,
 * refreshed by a backend as often as it likes) read into a `RelayNetwork`, and Valve's copy built
 * in. The fields read:
 *
 *   { "revision": 1700157702,
 *     "pops": { "fra": { "desc": "Frankfurt (Germany)", "geo": [8.68, 50.12], "tier": 0,
 *                        "partners": 1, "aliases": [], "relays": [ … ] }, … },
 *     "typical_pings": [ ["ams", "fra", 6], … ] }
 *
 * Everything else (certificates, keys, relay addresses beyond their count) is ignored. The config
 * as a whole must be an object with `pops`; a POP or pair that is malformed is skipped and named
 * in the result's `skipped`, so that a field Valve adds or changes one day costs one POP, not the
 * backend's estimates.
 */
import { isValidLatLon } from './geo.js';
import { isPopCode, popIdFromCode } from './pop-id.js';
import { MAX_INDEXED_POPS, MAX_ROUTE_MS } from './location-record.js';
import { RelayNetwork, type RelayPop, type TypicalPing } from './relay-network.js';
import {
  KNOWN_CORRECTIONS,
  type KnownCorrection,
  VALVE_NETWORK_REVISION,
  VALVE_POP_ROWS,
  VALVE_TYPICAL_PING_LINES,
} from './valve-relay-network.js';

/**
 * The most POPs a config may have: what a network can index (Valve's has about 60; filling the
 * backbone costs size³ steps, 254 POPs about 16 million, a few tens of ms).
 */
export const MAX_NETWORK_POPS = MAX_INDEXED_POPS;

/** Thrown for a config that is not Valve's shape at all (not JSON, no `pops`, too many POPs). */
export class RelayNetworkConfigError extends TypeError {
  readonly code = 'ESTIMATOR_NETWORK_CONFIG_INVALID' as const;

  constructor(message: string) {
    super(message);
    this.name = 'RelayNetworkConfigError';
  }
}

/** Valve's config, in the shape the fields above have. */
export interface ValveNetworkConfig {
  readonly revision?: number;
  readonly pops: Readonly<
    Record<
      string,
      {
        readonly desc?: string;
        readonly geo?: readonly [lon: number, lat: number];
        readonly tier?: number;
        readonly partners?: number;
        readonly aliases?: readonly string[];
        readonly relays?: readonly unknown[];
      }
    >
  >;
  readonly typical_pings?: readonly (readonly [string, string, number])[];
}

/** A network read from a config, with what was skipped. */
export interface ConfiguredRelayNetwork {
  readonly network: RelayNetwork;
  /** One line per skipped POP or pair, saying why. */
  readonly skipped: readonly string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function wholeOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;
}

/**
 * Reads Valve's config (an object, or its JSON text) into a network, correcting the errors of
 * Valve's that {@link KNOWN_CORRECTIONS} lists where a copy still carries them. Throws a
 * {@link RelayNetworkConfigError} when it is not JSON, not an object with a `pops` object, or
 * has more than {@link MAX_NETWORK_POPS} POPs; skips (and lists) malformed POPs and pairs.
 */
export function readRelayNetworkConfig(config: unknown): ConfiguredRelayNetwork {
  return readNetworkConfig(config, KNOWN_CORRECTIONS);
}

/**
 * Reads a config in the shape of Valve's SDR config as {@link readRelayNetworkConfig} does, with
 * the given corrections: none for a network that is not Valve's (a game's beacons name their own
 * places, and Valve's errors say nothing about them).
 */
export function readNetworkConfig(
  config: unknown,
  corrections: readonly KnownCorrection[],
): ConfiguredRelayNetwork {
  let json = config;
  if (typeof config === 'string') {
    try {
      json = JSON.parse(config) as unknown;
    } catch (error) {
      throw new RelayNetworkConfigError(
        `The relay network config is not JSON: ${(error as Error).message}`,
      );
    }
  }
  if (!isObject(json) || !isObject(json.pops)) {
    throw new RelayNetworkConfigError(
      "The relay network config must be an object with a 'pops' object, as Valve's GetSDRConfig returns.",
    );
  }
  const entries = Object.entries(json.pops);
  if (entries.length > MAX_NETWORK_POPS) {
    throw new RelayNetworkConfigError(
      `The relay network config has ${entries.length} POPs; at most ${MAX_NETWORK_POPS} are read.`,
    );
  }
  const skipped: string[] = [];
  const pops: RelayPop[] = [];
  for (const [code, pop] of entries) {
    if (!isPopCode(code)) {
      skipped.push(`POP '${code}': not a POP code of 1 to 4 lowercase letters or digits`);
      continue;
    }
    if (!isObject(pop)) {
      skipped.push(`POP '${code}': not an object`);
      continue;
    }
    const geo = pop.geo;
    if (!Array.isArray(geo) || geo.length < 2) {
      skipped.push(`POP '${code}': no 'geo' [longitude, latitude]`);
      continue;
    }
    let [lon, lat] = geo as unknown[];
    if (typeof lon !== 'number' || typeof lat !== 'number' || !isValidLatLon({ lat, lon })) {
      skipped.push(`POP '${code}': 'geo' is not a longitude and a latitude`);
      continue;
    }
    for (const correction of corrections) {
      if (correction.code !== code) continue;
      if (correction.field === 'lon' && lon === correction.published) lon = correction.corrected;
      if (correction.field === 'lat' && lat === correction.published) lat = correction.corrected;
    }
    const aliases = Array.isArray(pop.aliases)
      ? pop.aliases.filter(
          (alias): alias is string => typeof alias === 'string' && isPopCode(alias),
        )
      : [];
    pops.push({
      code,
      id: popIdFromCode(code),
      description: typeof pop.desc === 'string' ? pop.desc : code,
      lat: lat as number,
      lon: lon as number,
      tier: wholeOr(pop.tier, 1),
      partners: wholeOr(pop.partners, 0),
      aliases: Object.freeze(aliases),
      relayCount: Array.isArray(pop.relays) ? pop.relays.length : 0,
    });
  }
  const typicalPings: TypicalPing[] = [];
  const pings: unknown = json.typical_pings;
  if (pings !== undefined && !Array.isArray(pings)) {
    skipped.push("'typical_pings': not an array");
  } else {
    (pings ?? []).forEach((pair: unknown, k: number) => {
      const [a, b, ms] = Array.isArray(pair) ? (pair as unknown[]) : [];
      if (
        typeof a !== 'string' ||
        typeof b !== 'string' ||
        !isPopCode(a) ||
        !isPopCode(b) ||
        typeof ms !== 'number' ||
        !(ms >= 0 && ms <= MAX_ROUTE_MS)
      ) {
        skipped.push(`typical_pings[${k}]: not [pop, pop, ms]`);
        return;
      }
      typicalPings.push({ a, b, ms });
    });
  }
  // Pairs that name a POP the network does not have (skipped above, or never listed) say nothing.
  const known = new Set<string>();
  for (const pop of pops) {
    known.add(pop.code);
    for (const alias of pop.aliases) known.add(alias);
  }
  const usablePings = typicalPings.filter(({ a, b }) => {
    const missing = [a, b].filter((code) => !known.has(code));
    if (missing.length > 0) {
      skipped.push(
        `typical_pings: [${a}, ${b}] names '${missing[0]}', which is not a POP of the config`,
      );
      return false;
    }
    return true;
  });
  const revision = typeof json.revision === 'number' ? json.revision : undefined;
  return { network: new RelayNetwork({ revision, pops, typicalPings: usablePings }), skipped };
}

/** Valve's network built in as a config object (so it reads through the same path). */
export function valveNetworkConfig(): ValveNetworkConfig {
  const pops: Record<string, ValveNetworkConfig['pops'][string]> = {};
  for (const [code, desc, lon, lat, tier, partners, aliases, relayCount] of VALVE_POP_ROWS) {
    pops[code] = {
      desc,
      geo: [lon, lat],
      tier,
      partners,
      aliases: aliases === '' ? [] : aliases.split('|'),
      relays: Array.from({ length: relayCount }, () => ({})),
    };
  }
  const typicalPings: [string, string, number][] = [];
  for (const line of VALVE_TYPICAL_PING_LINES) {
    const [a, ...pairs] = line.split(' ');
    for (const pair of pairs) {
      const [b, ms] = pair.split(':');
      typicalPings.push([a!, b!, Number(ms)]);
    }
  }
  return { revision: VALVE_NETWORK_REVISION, pops, typical_pings: typicalPings };
}

let valveNetwork: RelayNetwork | undefined;

/** Valve's published network (built in; corrected as documented), built on first use and shared. */
export function valveRelayNetwork(): RelayNetwork {
  valveNetwork ??= readRelayNetworkConfig(valveNetworkConfig()).network;
  return valveNetwork;
}
