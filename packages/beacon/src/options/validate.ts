/**
 * One validator per kind of option value, shared by `startBeacon` (which labels a value by its
 * option name, `udpPort`) and the CLI (which labels it by where it came from: `--udp-port`,
 * `RELAYLANE_BEACON_UDP_PORT`, `beacon.json: udpPort`). Each returns the value, typed, or throws a
 * `BeaconOptionError` whose message starts with the label and says what is accepted.
 */
import { isIP } from 'node:net';

import { BeaconOptionError, type BeaconOptionErrorCode } from '../errors.js';
import { isLogLevel, LOG_LEVELS, type LogLevel } from '../log/logger.js';
import { MAX_PORT } from '../net/address.js';

/**
 * Steam's POP codes as they appear in ping-location strings: 3 or 4 characters, lowercase ASCII
 * letters and digits, a letter first (`fra`, `sgp`, `tyo1`, `canu`). Valve's POP id packs up to 4
 * characters; a code outside this grammar could not appear in a location string.
 */
export const POP_CODE = /^[a-z][a-z0-9]{2,3}$/;

/** The longest description accepted. */
export const MAX_DESC_LENGTH = 100;

/** The most peers a beacon probes. */
export const MAX_PEERS = 64;

/** The longest delay Node's timers take (2^31 - 1 ms, about 24.8 days). */
export const MAX_DELAY_MS = 2_147_483_647;

/** A point on the Earth: longitude and latitude in degrees. */
export interface Geo {
  readonly lat: number;
  readonly lon: number;
}

function fail(code: BeaconOptionErrorCode, label: string, problem: string): never {
  throw new BeaconOptionError(code, `${label}: ${problem}`);
}

function parsedUrl(value: unknown): URL | null {
  if (typeof value !== 'string') return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function shown(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value));
}

export function validPopCode(value: unknown, label: string): string {
  if (typeof value !== 'string' || !POP_CODE.test(value)) {
    fail(
      'BEACON_CODE_INVALID',
      label,
      `${shown(value)} is not a POP code. A POP code, as Steam's, is 3 or 4 characters: ` +
        'lowercase letters a-z and digits 0-9, a letter first (fra, sgp, tyo1).',
    );
  }
  return value;
}

/** True when `text` has an ASCII control character (a newline, an escape, a bell...). */
export function hasControlCharacter(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  return /[\u0000-\u001f\u007f]/.test(text);
}

/** Printable text: a description is shown in consoles and logs. */
export function validDesc(value: unknown, label: string): string {
  if (
    typeof value !== 'string' ||
    value.trim() === '' ||
    value.length > MAX_DESC_LENGTH ||
    hasControlCharacter(value)
  ) {
    fail(
      'BEACON_DESC_INVALID',
      label,
      `${shown(value)} is not a description: give 1 to ${MAX_DESC_LENGTH} printable characters ` +
        '("Frankfurt").',
    );
  }
  return value;
}

/** `{ lat, lon }` with the latitude in -90..90 and the longitude in -180..180. */
export function validGeo(value: unknown, label: string): Geo {
  const usage = "geo is longitude,latitude in degrees, as in Valve's config: 8.68,50.12";
  const { lat, lon } = (typeof value === 'object' && value !== null ? value : {}) as {
    lat?: unknown;
    lon?: unknown;
  };
  if (typeof lon !== 'number' || typeof lat !== 'number' || Array.isArray(value)) {
    fail('BEACON_GEO_INVALID', label, `${shown(value)} is not longitude,latitude (${usage}).`);
  }
  if (!Number.isFinite(lon) || lon < -180 || lon > 180) {
    fail('BEACON_GEO_INVALID', label, `longitude ${lon} is outside -180 to 180 (${usage}).`);
  }
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) {
    fail('BEACON_GEO_INVALID', label, `latitude ${lat} is outside -90 to 90 (${usage}).`);
  }
  return { lat, lon };
}

/** The address to listen on: an IP address (a name could resolve to either family). */
export function validListenHost(value: unknown, label: string): string {
  if (typeof value !== 'string' || isIP(value) === 0) {
    fail(
      'BEACON_HOST_INVALID',
      label,
      `${shown(value)} is not an IP address to listen on: give one, e.g. 127.0.0.1, ::1, or ` +
        '0.0.0.0 for every IPv4 address.',
    );
  }
  return value;
}

/** The host that clients and peers are told: an IP address or a DNS name. */
export function validAdvertiseHost(value: unknown, label: string): string {
  const isName =
    typeof value === 'string' &&
    value.length <= 253 &&
    /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/.test(
      value,
    );
  if (typeof value !== 'string' || (isIP(value) === 0 && !isName)) {
    fail(
      'BEACON_HOST_INVALID',
      label,
      `${shown(value)} is neither an IP address nor a DNS name (beacon-fra.example.com).`,
    );
  }
  return value;
}

/** A port, 0 to 65535 (0: one of the system's choice). */
export function validPort(value: unknown, label: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_PORT) {
    fail(
      'BEACON_PORT_INVALID',
      label,
      `${shown(value)} is not a port: give a whole number from 1 to ${MAX_PORT} (0 lets the ` +
        'system choose).',
    );
  }
  return value;
}

/** A ws:// or wss:// URL to advertise as the WebSocket echo. */
export function validWebSocketUrl(value: unknown, label: string): string {
  const url = parsedUrl(value);
  if (url === null || (url.protocol !== 'ws:' && url.protocol !== 'wss:') || url.hash !== '') {
    fail(
      'BEACON_URL_INVALID',
      label,
      `${shown(value)} is not a ws:// or wss:// URL (wss://beacon-fra.example.com/ping).`,
    );
  }
  return url.href;
}

/**
 * Peers' base URLs, http:// or https://, each once; returned in the form `new URL` gives them
 * (`http://10.0.0.2:8080/`), to which the endpoint paths are resolved.
 */
export function validPeerUrls(value: unknown, label: string): string[] {
  if (!Array.isArray(value)) {
    fail('BEACON_PEER_URL_INVALID', label, `${shown(value)} is not a list of peer URLs.`);
  }
  if (value.length > MAX_PEERS) {
    fail(
      'BEACON_PEER_URL_INVALID',
      label,
      `${value.length} peers; a beacon probes at most ${MAX_PEERS}.`,
    );
  }
  const urls: string[] = [];
  for (const each of value) {
    const url = parsedUrl(each);
    if (
      url === null ||
      (url.protocol !== 'http:' && url.protocol !== 'https:') ||
      url.search !== '' ||
      url.hash !== '' ||
      url.username !== '' ||
      url.password !== ''
    ) {
      fail(
        'BEACON_PEER_URL_INVALID',
        label,
        `${shown(each)} is not a peer URL: give the http:// or https:// address of another ` +
          "beacon's HTTP port, without query or credentials (http://beacon-sgp.example.com:8080).",
      );
    }
    const base = url.href.endsWith('/') ? url.href : `${url.href}/`;
    if (urls.includes(base)) {
      fail('BEACON_PEER_URL_INVALID', label, `${shown(each)} is listed twice.`);
    }
    urls.push(base);
  }
  return urls;
}

/** A whole number from `min` to `max`. */
export function validWholeNumber(value: unknown, label: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(
      'BEACON_NUMBER_INVALID',
      label,
      `${shown(value)} is not a whole number from ${min} to ${max}.`,
    );
  }
  return value;
}

/** A number from `min` to `max`, fractions allowed. */
export function validNumber(value: unknown, label: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    fail('BEACON_NUMBER_INVALID', label, `${shown(value)} is not a number from ${min} to ${max}.`);
  }
  return value;
}

export function validLogLevel(value: unknown, label: string): LogLevel {
  if (typeof value !== 'string' || !isLogLevel(value)) {
    fail(
      'BEACON_LOG_LEVEL_INVALID',
      label,
      `${shown(value)} is not one of ${LOG_LEVELS.join(', ')}.`,
    );
  }
  return value;
}
