/**
 * The beacons backend as a backend choice: `beaconsBackend(options)` is what a game passes as
 * the `backend` option. Each entry of the package gives it the transport of its platform (see
 * `beaconsBackendWith`): WebSocket in browsers, UDP and WebSocket in Node.
 */
import { type Clock, RelaylaneError } from '@relaylane/core';

import { type BackendEnvironment, type BackendProvider } from '../../port/backend-provider.js';
import { RelayNetworkConfigError } from '../../estimator/relay-network-config.js';
import { type ProbeTransport } from '../../port/probe-transport.js';
import { type BeaconListing } from './beacon-network.js';
import { BeaconsRelayNetwork } from './beacons-relay-network.js';
import { fetchNetworkConfig } from './fetch-network-config.js';

/** Options of {@link beaconsBackend}: a config URL or a list of beacons (or both); the rest optional. */
export interface BeaconsBackendOptions {
  /** A beacon's `/network-config` URL (absolute, or relative to the page in a browser). */
  readonly networkConfigUrl?: string | undefined;
  /** Beacons to ping: added to the config's, or replacing their endpoints (see `BeaconListing`). */
  readonly beacons?: readonly BeaconListing[] | undefined;
  /** Probes per beacon per round (1–50, default 5). */
  readonly probesPerBeacon?: number | undefined;
  /** How long a probe may take, ms (50–10000, default 1000). */
  readonly probeTimeoutMs?: number | undefined;
  /** Beacons probed at the same time (1–64, default 4). */
  readonly parallelBeacons?: number | undefined;
  /** Game time between rounds while every beacon answers, ms (≥ 1000, default 60000). */
  readonly refreshIntervalMs?: number | undefined;
  /** Game time before a failed fetch or round is tried again, ms (≥ 100, default 5000). */
  readonly retryIntervalMs?: number | undefined;
  /** Game time between two fetches of the config from `networkConfigUrl`, ms (≥ 1000, default 600000). */
  readonly configRefreshIntervalMs?: number | undefined;
  /** The transport (default: the platform's). */
  readonly transport?: ProbeTransport | undefined;
  /** Fetches the config's text (default: the platform's `fetch`, bounded). */
  readonly fetchConfig?: ((url: string) => Promise<string>) | undefined;
  /** The game clock (default: the environment's). */
  readonly clock?: Clock | undefined;
  /** Uniform in [0, 1): Steam's fake packet loss (default `Math.random`). */
  readonly random?: (() => number) | undefined;
}

/** Thrown by `create` for options that cannot make a backend; the message says which. */
export class BeaconsOptionsError extends RelaylaneError {
  declare readonly code: 'BEACONS_OPTIONS_INVALID' | 'BEACONS_NO_TRANSPORT';

  constructor(code: 'BEACONS_OPTIONS_INVALID' | 'BEACONS_NO_TRANSPORT', message: string) {
    super(code, message);
  }
}

/** Makes the platform's default transport, timed with `now` (real time); undefined when it has none. */
export type DefaultTransportFactory = (now: () => number) => ProbeTransport | undefined;

function integerIn(
  name: string,
  value: number | undefined,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BeaconsOptionsError(
      'BEACONS_OPTIONS_INVALID',
      `beaconsBackend: ${name} must be an integer from ${min} to ${max}, got ${String(value)}.`,
    );
  }
  return value;
}

function absoluteUrl(url: unknown): string {
  const base = (globalThis as { location?: { href?: string } }).location?.href;
  let parsed: URL | undefined;
  try {
    parsed = typeof url === 'string' ? new URL(url, base) : undefined;
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new BeaconsOptionsError(
      'BEACONS_OPTIONS_INVALID',
      `beaconsBackend: networkConfigUrl must be an http:// or https:// URL, got ${JSON.stringify(url)}.`,
    );
  }
  return parsed.href;
}

/** The `beaconsBackend` of a platform whose default transport `defaultTransport` makes. */
export function beaconsBackendWith(
  defaultTransport: DefaultTransportFactory,
): (options: BeaconsBackendOptions) => BackendProvider {
  return (options) => ({
    kind: 'beacons',
    create: (environment) => createBeaconsNetwork(options, environment, defaultTransport),
  });
}

/** The backend {@link beaconsBackendWith}'s providers create, typed as the beacons backend. */
export function createBeaconsNetwork(
  options: BeaconsBackendOptions,
  environment: BackendEnvironment,
  defaultTransport: DefaultTransportFactory,
): BeaconsRelayNetwork {
  if (typeof options !== 'object' || options === null) {
    throw new BeaconsOptionsError(
      'BEACONS_OPTIONS_INVALID',
      'beaconsBackend: options must be an object.',
    );
  }
  const beacons = options.beacons ?? [];
  if (!Array.isArray(beacons)) {
    throw new BeaconsOptionsError(
      'BEACONS_OPTIONS_INVALID',
      'beaconsBackend: beacons must be an array.',
    );
  }
  beacons.forEach(checkListing);
  if (options.networkConfigUrl === undefined && beacons.length === 0) {
    throw new BeaconsOptionsError(
      'BEACONS_OPTIONS_INVALID',
      "beaconsBackend: give a networkConfigUrl (a beacon's /network-config) or a list of beacons.",
    );
  }
  const networkConfigUrl =
    options.networkConfigUrl === undefined ? undefined : absoluteUrl(options.networkConfigUrl);
  const now = (): number => environment.realTimeClock.now();
  const transport = options.transport ?? defaultTransport(now);
  if (transport === undefined) {
    throw new BeaconsOptionsError(
      'BEACONS_NO_TRANSPORT',
      'beaconsBackend: this platform has no WebSocket; pass a transport in the options.',
    );
  }
  try {
    return new BeaconsRelayNetwork({
      networkConfigUrl,
      beacons,
      transport,
      fetchConfig: options.fetchConfig ?? fetchNetworkConfig,
      clock: options.clock ?? environment.gameClock,
      probesPerBeacon: integerIn('probesPerBeacon', options.probesPerBeacon, 1, 50, 5),
      probeTimeoutMs: integerIn('probeTimeoutMs', options.probeTimeoutMs, 50, 10_000, 1000),
      parallelBeacons: integerIn('parallelBeacons', options.parallelBeacons, 1, 64, 4),
      refreshIntervalMs: integerIn(
        'refreshIntervalMs',
        options.refreshIntervalMs,
        1000,
        86_400_000,
        60_000,
      ),
      retryIntervalMs: integerIn('retryIntervalMs', options.retryIntervalMs, 100, 3_600_000, 5000),
      configRefreshIntervalMs: integerIn(
        'configRefreshIntervalMs',
        options.configRefreshIntervalMs,
        1000,
        86_400_000,
        600_000,
      ),
      random: options.random ?? Math.random,
    });
  } catch (error) {
    transport.close();
    if (error instanceof RelayNetworkConfigError) {
      throw new BeaconsOptionsError('BEACONS_OPTIONS_INVALID', `beaconsBackend: ${error.message}`);
    }
    throw error;
  }
}

const isOptionalString = (value: unknown): boolean =>
  value === undefined || typeof value === 'string';

/** Throws `BEACONS_OPTIONS_INVALID` naming the field of a listing that is not of its type. */
function checkListing(listing: unknown, index: number): void {
  const fail = (what: string): never => {
    throw new BeaconsOptionsError(
      'BEACONS_OPTIONS_INVALID',
      `beaconsBackend: beacons[${index}] ${what}; a beacon is { code, desc?, geo?: [lon, lat], udp?, ws? }.`,
    );
  };
  if (typeof listing !== 'object' || listing === null) return fail('is not an object');
  const { code, desc, geo, udp, ws } = listing as Record<string, unknown>;
  if (typeof code !== 'string') fail('has no code string');
  if (!isOptionalString(desc)) fail('has a desc that is not a string');
  if (!isOptionalString(udp)) fail('has a udp endpoint that is not a string');
  if (!isOptionalString(ws)) fail('has a ws URL that is not a string');
  const isGeo =
    geo === undefined ||
    (Array.isArray(geo) && geo.length === 2 && geo.every((degrees) => Number.isFinite(degrees)));
  if (!isGeo) fail('has a geo that is not [longitude, latitude]');
}
