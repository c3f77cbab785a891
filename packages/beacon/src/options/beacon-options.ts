/**
 * What `startBeacon` takes, its defaults, and the check that turns the options into a complete,
 * valid set (every default filled in) or throws a `BeaconOptionError` naming the option.
 */
import type { LinkEmulation } from '../echo/link-emulation.js';
import { BeaconOptionError } from '../errors.js';
import type { LogLevel, LogSink } from '../log/logger.js';
import type { BeaconClock } from '../time/clock.js';
import {
  type Geo,
  MAX_DELAY_MS,
  validAdvertiseHost,
  validDesc,
  validGeo,
  validListenHost,
  validLogLevel,
  validNumber,
  validPeerUrls,
  validPopCode,
  validPort,
  validWebSocketUrl,
  validWholeNumber,
} from './validate.js';

/** What `startBeacon` takes (the README's "Programmatic API" lists every field). */
export interface BeaconOptions {
  /** This beacon's POP code: 3 or 4 characters a-z 0-9, a letter first (`fra`). */
  readonly code: string;
  /** A description, as in Valve's config ("Frankfurt"); default: the code. */
  readonly desc?: string;
  /** Where the beacon is, in degrees. */
  readonly geo: Geo;
  /** The IP address to listen on (UDP and TCP); default 127.0.0.1. */
  readonly host?: string;
  /** The UDP echo port; default 3075 (PlayFab's). 0: one of the system's choice. */
  readonly udpPort?: number;
  /** The HTTP and WebSocket port; default 8080. 0: one of the system's choice. */
  readonly httpPort?: number;
  /**
   * The host clients and peers are told to probe (in /beacon and /network-config); default the
   * `host`, or 127.0.0.1 (::1 for `::`) when `host` is every address.
   */
  readonly advertiseHost?: string;
  /**
   * The WebSocket echo URL to advertise, for a beacon behind a TLS proxy
   * (`wss://beacon-fra.example.com/ping`); default `ws://<advertiseHost>:<httpPort>/ping`.
   */
  readonly advertiseWsUrl?: string;
  /** Other beacons' base URLs (`http://beacon-sgp.example.com:8080`), probed and merged. */
  readonly peers?: readonly string[];
  /** Where log records go; default one JSON line each on stdout. */
  readonly log?: LogSink;
  /** The lowest level logged; default 'info'. */
  readonly logLevel?: LogLevel;
  /** The clock of probe rounds, refreshes, idle timeouts, rate limits and ages; default real time. */
  readonly clock?: BeaconClock;
  /** FOR TESTS AND DEMOS ONLY: delay, jitter and loss on every echo answer. */
  readonly emulate?: LinkEmulation;

  /** Tokens per second of each source's bucket (UDP, and WebSocket messages); default 200. */
  readonly udpRatePerSecond?: number;
  /** Each source's bucket size; default 400. */
  readonly udpBurst?: number;
  /** Sources remembered by each rate limiter; default 65,536. */
  readonly maxSources?: number;
  /** WebSocket connections at once; default 1024. */
  readonly wsMaxConnections?: number;
  /** WebSocket connections at once from one IP (an IPv6 /64 counts as one); default 16. */
  readonly wsMaxConnectionsPerIp?: number;
  /** A WebSocket that sends nothing this long is closed; default 30,000 ms. */
  readonly wsIdleTimeoutMs?: number;
  /** Time between two probes of each peer; default 1000 ms. */
  readonly peerProbeIntervalMs?: number;
  /** A probe not answered within this is lost; default 1000 ms. */
  readonly peerProbeTimeoutMs?: number;
  /** Probes per peer in the sliding window of the statistics; default 60. */
  readonly peerWindowSize?: number;
  /** Time between two fetches of each peer's /beacon and /network-config; default 30,000 ms. */
  readonly peerRefreshIntervalMs?: number;
  /** A peer with no answer (UDP or HTTP) for this long is unreachable; default 5000 ms. */
  readonly peerUnreachableAfterMs?: number;
  /** Data older than this (a pair's newest sample, a peer's entry) is not published; default 120,000 ms. */
  readonly peerStaleAfterMs?: number;
  /** The bound on one HTTP fetch from a peer; default 3000 ms. */
  readonly peerFetchTimeoutMs?: number;
  /** The bound on WebSockets' closing handshakes when the beacon closes; default 2000 ms. */
  readonly shutdownGraceMs?: number;
}

/** The options with every default filled in and every value checked. */
export type ResolvedBeaconOptions = Required<
  Omit<BeaconOptions, 'advertiseHost' | 'advertiseWsUrl' | 'log' | 'clock' | 'emulate'>
> &
  Pick<BeaconOptions, 'advertiseWsUrl' | 'log' | 'clock' | 'emulate'> & {
    readonly advertiseHost: string;
    readonly peers: readonly string[];
  };

/** The defaults of the optional settings (and of the CLI). */
export const BEACON_DEFAULTS = {
  host: '127.0.0.1',
  udpPort: 3075,
  httpPort: 8080,
  logLevel: 'info',
  udpRatePerSecond: 200,
  udpBurst: 400,
  maxSources: 65_536,
  wsMaxConnections: 1024,
  wsMaxConnectionsPerIp: 16,
  wsIdleTimeoutMs: 30_000,
  peerProbeIntervalMs: 1000,
  peerProbeTimeoutMs: 1000,
  peerWindowSize: 60,
  peerRefreshIntervalMs: 30_000,
  peerUnreachableAfterMs: 5000,
  peerStaleAfterMs: 120_000,
  peerFetchTimeoutMs: 3000,
  shutdownGraceMs: 2000,
} as const satisfies Partial<BeaconOptions>;

/** The host advertised for `host` when no `advertiseHost` is given. */
export function defaultAdvertiseHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '::1';
  return host;
}

/**
 * Checks every option and fills in the defaults. Throws a `BeaconOptionError` (its `code` says
 * which check failed) naming the option.
 */
export function resolveBeaconOptions(options: BeaconOptions): ResolvedBeaconOptions {
  if (typeof options !== 'object' || options === null) {
    throw new BeaconOptionError(
      'BEACON_CODE_MISSING',
      'startBeacon needs options: { code, geo, ... }.',
    );
  }
  if (options.code === undefined) {
    throw new BeaconOptionError(
      'BEACON_CODE_MISSING',
      "options.code: missing; give the beacon's POP code ('fra').",
    );
  }
  if (options.geo === undefined) {
    throw new BeaconOptionError(
      'BEACON_GEO_MISSING',
      'options.geo: missing; give { lon, lat } in degrees.',
    );
  }
  const code = validPopCode(options.code, 'options.code');
  const host = validListenHost(options.host ?? BEACON_DEFAULTS.host, 'options.host');
  const whole = (
    key: keyof typeof BEACON_DEFAULTS & keyof BeaconOptions,
    min: number,
    max: number,
  ) => validWholeNumber(options[key] ?? BEACON_DEFAULTS[key], `options.${key}`, min, max);
  const resolved: ResolvedBeaconOptions = {
    code,
    desc: validDesc(options.desc ?? code, 'options.desc'),
    geo: validGeo(options.geo, 'options.geo'),
    host,
    udpPort: validPort(options.udpPort ?? BEACON_DEFAULTS.udpPort, 'options.udpPort'),
    httpPort: validPort(options.httpPort ?? BEACON_DEFAULTS.httpPort, 'options.httpPort'),
    advertiseHost: validAdvertiseHost(
      options.advertiseHost ?? defaultAdvertiseHost(host),
      'options.advertiseHost',
    ),
    peers: validPeerUrls(options.peers ?? [], 'options.peers'),
    logLevel: validLogLevel(options.logLevel ?? BEACON_DEFAULTS.logLevel, 'options.logLevel'),
    udpRatePerSecond: validNumber(
      options.udpRatePerSecond ?? BEACON_DEFAULTS.udpRatePerSecond,
      'options.udpRatePerSecond',
      0.001,
      1_000_000,
    ),
    udpBurst: whole('udpBurst', 1, 1_000_000),
    maxSources: whole('maxSources', 1, 10_000_000),
    wsMaxConnections: whole('wsMaxConnections', 1, 1_000_000),
    wsMaxConnectionsPerIp: whole('wsMaxConnectionsPerIp', 1, 1_000_000),
    wsIdleTimeoutMs: whole('wsIdleTimeoutMs', 1, MAX_DELAY_MS),
    peerProbeIntervalMs: whole('peerProbeIntervalMs', 1, MAX_DELAY_MS),
    peerProbeTimeoutMs: whole('peerProbeTimeoutMs', 1, MAX_DELAY_MS),
    peerWindowSize: whole('peerWindowSize', 1, 10_000),
    peerRefreshIntervalMs: whole('peerRefreshIntervalMs', 1, MAX_DELAY_MS),
    peerUnreachableAfterMs: whole('peerUnreachableAfterMs', 1, MAX_DELAY_MS),
    peerStaleAfterMs: whole('peerStaleAfterMs', 1, MAX_DELAY_MS),
    peerFetchTimeoutMs: whole('peerFetchTimeoutMs', 1, MAX_DELAY_MS),
    shutdownGraceMs: whole('shutdownGraceMs', 0, MAX_DELAY_MS),
  };
  return {
    ...resolved,
    ...(options.advertiseWsUrl !== undefined && {
      advertiseWsUrl: validWebSocketUrl(options.advertiseWsUrl, 'options.advertiseWsUrl'),
    }),
    ...(options.log !== undefined && { log: options.log }),
    ...(options.clock !== undefined && { clock: options.clock }),
    ...(options.emulate !== undefined && { emulate: validEmulation(options.emulate) }),
  };
}

function validEmulation(emulate: LinkEmulation): LinkEmulation {
  return {
    delayMs: validNumber(emulate.delayMs ?? 0, 'options.emulate.delayMs', 0, 60_000),
    jitterMs: validNumber(emulate.jitterMs ?? 0, 'options.emulate.jitterMs', 0, 60_000),
    loss: validNumber(emulate.loss ?? 0, 'options.emulate.loss', 0, 1),
    ...(emulate.random !== undefined && { random: emulate.random }),
    ...(emulate.delayForSource !== undefined && {
      delayForSource: validFunction(emulate.delayForSource, 'options.emulate.delayForSource'),
    }),
  };
}

function validFunction<T extends (...args: never[]) => unknown>(value: T, name: string): T {
  if (typeof value !== 'function') {
    throw new BeaconOptionError('BEACON_FUNCTION_INVALID', `${name} must be a function.`);
  }
  return value;
}
