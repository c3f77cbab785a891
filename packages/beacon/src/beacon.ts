/**
 * A running beacon: the UDP echo, the HTTP API with the WebSocket echo on one TCP port, and the
 * peer mesh, put together from checked options, started, and closed in order.
 */
import { EmulatedLink } from './echo/link-emulation.js';
import { SourceRateLimiter } from './echo/source-rate-limiter.js';
import { type UdpEchoCounts, UdpEchoServer } from './echo/udp-echo-server.js';
import { type WsEchoCounts, WsEchoServer } from './echo/ws-echo-server.js';
import { BeaconHttpServer, type HttpDocuments, WEBSOCKET_PATH } from './http/http-server.js';
import { jsonLinesSink, Logger } from './log/logger.js';
import type { BeaconDescription, NetworkConfig, PeerHealth, PopEntry } from './mesh/documents.js';
import { buildNetworkConfig } from './mesh/network-config.js';
import { PeerMesh } from './mesh/peer-mesh.js';
import { rounded } from './mesh/statistics.js';
import { bracketed, formatHostPort, isLoopbackAddress, isWildcardHost } from './net/address.js';
import {
  type BeaconOptions,
  resolveBeaconOptions,
  type ResolvedBeaconOptions,
} from './options/beacon-options.js';
import { type BeaconClock, systemClock } from './time/clock.js';
import { BEACON_VERSION } from './version.js';

/** The most echo answers the link emulation holds at once. */
const MAX_EMULATED_ANSWERS = 4096;

/** The most bytes waiting to be sent to one WebSocket before its answers are dropped. */
const MAX_WS_BUFFERED_BYTES = 64 * 1024;

/** TCP connections allowed besides the WebSockets (plain HTTP requests). */
const HTTP_CONNECTION_ALLOWANCE = 256;

/** GET /health. */
export interface HealthDocument {
  readonly status: 'ok';
  readonly code: string;
  readonly version: string;
  readonly uptime_s: number;
  readonly udp: UdpEchoCounts & { readonly port: number };
  readonly ws: WsEchoCounts;
  readonly peers: readonly PeerHealth[];
}

export interface RunningBeacon {
  /** Its POP code. */
  readonly code: string;
  /** The UDP echo port it got (the one asked for, or the system's choice for 0). */
  readonly udpPort: number;
  /** The HTTP and WebSocket port it got. */
  readonly httpPort: number;
  /** `host:port` of the UDP echo as advertised (`probe.udp`). */
  readonly udpAddress: string;
  /** `http://host:port` of the HTTP API, on the advertised host. */
  readonly httpUrl: string;
  /** The WebSocket echo as advertised (`probe.ws`). */
  readonly wsUrl: string;
  /** GET /beacon. */
  beacon(): BeaconDescription;
  /** GET /network-config. */
  networkConfig(): NetworkConfig;
  /** GET /health. */
  health(): HealthDocument;
  /**
   * Stops: no new connection or probe is accepted, the WebSockets are closed (1001), the sockets
   * are closed, and it resolves when everything is; bounded by `shutdownGraceMs` for the other
   * ends' closing handshakes. Idempotent.
   */
  close(): Promise<void>;
}

/**
 * Starts a beacon. Rejects with a `BeaconOptionError` for wrong options, or a `BeaconStartError`
 * when a port cannot be bound (then nothing is left open).
 */
export async function startBeacon(options: BeaconOptions): Promise<RunningBeacon> {
  const beacon = new Beacon(resolveBeaconOptions(options));
  await beacon.start();
  return beacon;
}

class Beacon implements RunningBeacon, HttpDocuments {
  readonly #options: ResolvedBeaconOptions;
  readonly #clock: BeaconClock;
  readonly #log: Logger;
  readonly #link: EmulatedLink;
  readonly #udp: UdpEchoServer;
  readonly #ws: WsEchoServer;
  readonly #http: BeaconHttpServer;
  readonly #mesh: PeerMesh;
  /** The ports bound, kept so that they can be read after the beacon closed. */
  #udpPort = 0;
  #httpPort = 0;
  #startedAt = 0;
  #startedAtEpochMs = 0;
  #closed: Promise<void> | undefined;

  constructor(options: ResolvedBeaconOptions) {
    this.#options = options;
    const clock = options.clock ?? systemClock;
    this.#clock = clock;
    this.#log = new Logger(
      options.log ?? jsonLinesSink((line) => process.stdout.write(line)),
      options.logLevel,
      () => clock.epochMs(),
    );
    this.#link = new EmulatedLink(options.emulate, MAX_EMULATED_ANSWERS);
    const rateLimit = {
      ratePerSecond: options.udpRatePerSecond,
      burst: options.udpBurst,
      maxSources: options.maxSources,
    };
    this.#udp = new UdpEchoServer({
      host: options.host,
      limiter: new SourceRateLimiter(rateLimit, () => clock.now()),
      link: this.#link,
    });
    this.#ws = new WsEchoServer({
      maxConnections: options.wsMaxConnections,
      maxConnectionsPerSource: options.wsMaxConnectionsPerIp,
      idleTimeoutMs: options.wsIdleTimeoutMs,
      maxBufferedBytes: MAX_WS_BUFFERED_BYTES,
      limiter: new SourceRateLimiter(rateLimit, () => clock.now()),
      link: this.#link,
      clock,
    });
    this.#http = new BeaconHttpServer({
      documents: this,
      websocket: this.#ws,
      maxConnections: options.wsMaxConnections + HTTP_CONNECTION_ALLOWANCE,
    });
    this.#mesh = new PeerMesh({
      selfCode: options.code,
      selfProbe: () => ({ udp: this.udpAddress, ws: this.wsUrl }),
      peers: options.peers,
      listenHost: options.host,
      clock,
      log: this.#log,
      probeIntervalMs: options.peerProbeIntervalMs,
      probeTimeoutMs: options.peerProbeTimeoutMs,
      windowSize: options.peerWindowSize,
      refreshIntervalMs: options.peerRefreshIntervalMs,
      unreachableAfterMs: options.peerUnreachableAfterMs,
      staleAfterMs: options.peerStaleAfterMs,
      fetchTimeoutMs: options.peerFetchTimeoutMs,
    });
  }

  get code(): string {
    return this.#options.code;
  }

  get udpPort(): number {
    return this.#udpPort;
  }

  get httpPort(): number {
    return this.#httpPort;
  }

  get udpAddress(): string {
    return formatHostPort(this.#options.advertiseHost, this.udpPort);
  }

  get httpUrl(): string {
    return `http://${bracketed(this.#options.advertiseHost)}:${this.httpPort}`;
  }

  get wsUrl(): string {
    return (
      this.#options.advertiseWsUrl ??
      `ws://${bracketed(this.#options.advertiseHost)}:${this.httpPort}${WEBSOCKET_PATH}`
    );
  }

  /** Binds both ports (or neither), starts the peer rounds and logs where it listens. */
  async start(): Promise<void> {
    const { host, udpPort, httpPort } = this.#options;
    try {
      await this.#udp.listen(host, udpPort);
      await this.#http.listen(host, httpPort);
    } catch (error) {
      await Promise.all([this.#udp.close(), this.#http.close(0)]);
      throw error;
    }
    this.#udpPort = this.#udp.port;
    this.#httpPort = this.#http.port;
    this.#startedAt = this.#clock.now();
    this.#startedAtEpochMs = this.#clock.epochMs();
    this.#mesh.start();
    this.#log.info('listening', {
      code: this.code,
      version: BEACON_VERSION,
      udp: this.#udp.address,
      http: this.#http.url,
      probe_udp: this.udpAddress,
      probe_ws: this.wsUrl,
      peers: this.#options.peers.length,
      ...(this.#options.emulate !== undefined && { emulate: this.#emulationFields() }),
    });
    if (isWildcardHost(host) && isLoopbackAddress(this.#options.advertiseHost)) {
      this.#log.warn('advertising a loopback address', {
        probe_udp: this.udpAddress,
        hint: 'clients on other machines cannot reach it: set --advertise-host to its public name',
      });
    }
  }

  beacon(): BeaconDescription {
    const { desc, geo, probe } = this.#entry();
    return { code: this.code, desc, geo, probe };
  }

  networkConfig(): NetworkConfig {
    const now = this.#clock.now();
    return buildNetworkConfig({
      self: { code: this.code, entry: this.#entry() },
      peers: this.#mesh.views(now),
      now,
      epochMs: this.#clock.epochMs(),
      staleAfterMs: this.#options.peerStaleAfterMs,
      startedAtEpochMs: this.#startedAtEpochMs,
    });
  }

  health(): HealthDocument {
    const now = this.#clock.now();
    return {
      status: 'ok',
      code: this.code,
      version: BEACON_VERSION,
      uptime_s: rounded((now - this.#startedAt) / 1000, 1),
      udp: { port: this.udpPort, ...this.#udp.counts },
      ws: this.#ws.counts,
      peers: this.#mesh.health(now),
    };
  }

  close(): Promise<void> {
    this.#closed ??= this.#shutDown();
    return this.#closed;
  }

  async #shutDown(): Promise<void> {
    const graceMs = this.#options.shutdownGraceMs;
    this.#log.info('closing', { code: this.code });
    await Promise.all([
      this.#mesh.close(),
      this.#http.close(graceMs),
      this.#ws.close(graceMs),
      this.#udp.close(),
    ]);
    this.#link.close();
    this.#log.info('closed', { code: this.code });
  }

  /** This beacon's entry in `pops`, fields in the order of peers' entries (peer-link.ts). */
  #entry(): PopEntry {
    const { desc, geo } = this.#options;
    return {
      desc,
      geo: [geo.lon, geo.lat],
      relays: [],
      probe: { udp: this.udpAddress, ws: this.wsUrl },
    };
  }

  #emulationFields(): Record<string, number> {
    const { delayMs = 0, jitterMs = 0, loss = 0 } = this.#options.emulate ?? {};
    return { delay_ms: delayMs, jitter_ms: jitterMs, loss };
  }
}
