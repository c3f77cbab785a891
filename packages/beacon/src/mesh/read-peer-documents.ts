/**
 * A peer's /beacon and /network-config, read as untrusted input: every field is checked, a
 * malformed description is refused whole (it says where to probe), and a malformed POP or
 * backbone entry of a config is skipped and counted, so one bad entry costs that entry only.
 */
import { parseHostPort } from '../net/address.js';
import { hasControlCharacter, MAX_DESC_LENGTH, POP_CODE } from '../options/validate.js';
import type {
  BeaconDescription,
  GeoPair,
  Measurement,
  PopEntry,
  ProbeEndpoints,
} from './documents.js';

/** The most POPs read from one config: what Valve's estimator indexes. */
export const MAX_PEER_POPS = 254;

/** The longest probe URL accepted. */
const MAX_URL_LENGTH = 2048;

/** The round trips accepted, ms: Valve's backbone has none above a few hundred. */
const MAX_ROUND_TRIP_MS = 60_000;

/** What a peer's /network-config adds to the mesh. */
export interface PeerReport {
  /** Its POP entries by code. */
  readonly pops: ReadonlyMap<string, PopEntry>;
  /** Its backbone entries. */
  readonly measurements: readonly Measurement[];
  /** POPs and backbone entries that were malformed and skipped. */
  readonly skipped: number;
  /** When it was fetched, on this beacon's monotonic clock. */
  readonly fetchedAt: number;
}

type JsonObject = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPopCode(value: unknown): value is string {
  return typeof value === 'string' && POP_CODE.test(value);
}

function geoOf(value: unknown): GeoPair | undefined {
  if (!Array.isArray(value) || value.length < 2) return undefined;
  const [lon, lat] = value as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number') return undefined;
  if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) return undefined;
  return [lon, lat];
}

function descOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= MAX_DESC_LENGTH && !hasControlCharacter(value)
    ? value
    : undefined;
}

function probeOf(value: unknown): ProbeEndpoints | undefined {
  if (!isObject(value)) return undefined;
  const { udp, ws } = value;
  if (typeof udp !== 'string' || parseHostPort(udp) === undefined) return undefined;
  if (typeof ws !== 'string' || ws.length > MAX_URL_LENGTH || !/^wss?:\/\/[^\s]+$/.test(ws)) {
    return undefined;
  }
  return { udp, ws };
}

function popEntryOf(value: unknown): PopEntry | undefined {
  if (!isObject(value)) return undefined;
  const desc = descOf(value.desc);
  const geo = geoOf(value.geo);
  const probe = probeOf(value.probe);
  if (desc === undefined || geo === undefined || probe === undefined) return undefined;
  return { desc, geo, relays: [], probe };
}

/** A peer's /beacon. Throws an `Error` saying what is wrong with it. */
export function readBeaconDescription(json: unknown): BeaconDescription {
  if (!isObject(json)) throw new Error('its /beacon is not a JSON object');
  if (!isPopCode(json.code)) throw new Error('its /beacon has no valid POP code');
  const entry = popEntryOf(json);
  if (entry === undefined) {
    throw new Error(`its /beacon (${json.code}) lacks a valid desc, geo or probe`);
  }
  return { code: json.code, desc: entry.desc, geo: entry.geo, probe: entry.probe };
}

function measurementOf(value: unknown, fetchedAt: number): Measurement | undefined {
  if (!isObject(value)) return undefined;
  const { a, b, median_ms, p90_ms, samples, loss, age_s, measured_by } = value;
  if (!isPopCode(a) || !isPopCode(b) || a === b) return undefined;
  if (measured_by !== a && measured_by !== b) return undefined;
  const roundTrip = (ms: unknown): ms is number =>
    typeof ms === 'number' && ms >= 0 && ms <= MAX_ROUND_TRIP_MS;
  if (!roundTrip(median_ms) || !roundTrip(p90_ms)) return undefined;
  if (typeof samples !== 'number' || !Number.isInteger(samples) || samples < 1) return undefined;
  if (typeof loss !== 'number' || !(loss >= 0 && loss <= 1)) return undefined;
  if (typeof age_s !== 'number' || !(age_s >= 0 && Number.isFinite(age_s))) return undefined;
  const [first, second] = a < b ? [a, b] : [b, a];
  return {
    a: first,
    b: second,
    measuredBy: measured_by,
    medianMs: median_ms,
    p90Ms: p90_ms,
    samples,
    loss,
    measuredAt: fetchedAt - age_s * 1000,
  };
}

/**
 * A peer's /network-config, fetched at `fetchedAt`. Throws an `Error` when it is not an object
 * with `pops`; skips (and counts) malformed POPs and backbone entries.
 */
export function readPeerReport(json: unknown, fetchedAt: number): PeerReport {
  if (!isObject(json) || !isObject(json.pops)) {
    throw new Error("its /network-config is not an object with 'pops'");
  }
  let skipped = 0;
  const pops = new Map<string, PopEntry>();
  for (const [code, value] of Object.entries(json.pops)) {
    const entry = isPopCode(code) && pops.size < MAX_PEER_POPS ? popEntryOf(value) : undefined;
    if (entry === undefined) skipped += 1;
    else pops.set(code, entry);
  }
  const measurements: Measurement[] = [];
  const backbone = Array.isArray(json.backbone) ? (json.backbone as unknown[]) : [];
  for (const value of backbone) {
    const measurement = measurementOf(value, fetchedAt);
    if (measurement === undefined) skipped += 1;
    else measurements.push(measurement);
  }
  return { pops, measurements, skipped, fetchedAt };
}
