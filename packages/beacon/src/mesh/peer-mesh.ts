/**
 * The beacon's peers: every `probeIntervalMs` one probe to each peer whose echo is known, and every
 * `refreshIntervalMs` (and once at start) a fetch of each peer's /beacon and /network-config.
 * Both rounds run on the beacon's clock, so a test moves them by moving the clock; the probes and
 * fetches themselves are real network I/O.
 *
 * A peer that turns out to be this beacon itself (same code, same probe endpoints) is dropped, so
 * every beacon of a region set can be given the same list of all of them.
 *
 * Bounds: one probe per peer per round, a window of `windowSize` probes per peer, one fetch in
 * flight per peer, each fetch bounded in time and size (peer-fetch.ts).
 *
 * Logs: a peer becoming reachable (info) or unreachable (warn), a fetch failing (warn, once per
 * distinct error), and at debug level each answered probe and each fetch.
 */
import { randomInt } from 'node:crypto';

import type { Logger } from '../log/logger.js';
import type { BeaconClock, BeaconTimer } from '../time/clock.js';
import type { PeerHealth, ProbeEndpoints } from './documents.js';
import type { PeerView } from './network-config.js';
import { fetchPeer } from './peer-fetch.js';
import { PeerLink } from './peer-link.js';
import { rounded } from './statistics.js';
import { UdpProber } from './udp-prober.js';

export interface PeerMeshOptions {
  readonly selfCode: string;
  /** This beacon's probe endpoints, to recognize itself in its list of peers. */
  readonly selfProbe: () => ProbeEndpoints;
  /** The peers' base URLs, each ending in `/`. */
  readonly peers: readonly string[];
  /** The beacon's listening address (probes leave from it). */
  readonly listenHost: string;
  readonly clock: BeaconClock;
  readonly log: Logger;
  readonly probeIntervalMs: number;
  readonly probeTimeoutMs: number;
  readonly windowSize: number;
  readonly refreshIntervalMs: number;
  readonly unreachableAfterMs: number;
  readonly staleAfterMs: number;
  readonly fetchTimeoutMs: number;
}

export class PeerMesh {
  readonly #options: PeerMeshOptions;
  readonly #links: PeerLink[];
  readonly #linksByNonce: ReadonlyMap<number, PeerLink>;
  readonly #prober: UdpProber;
  /** The peers with a fetch in flight: at most one each. */
  readonly #fetching = new Set<PeerLink>();
  readonly #abort = new AbortController();
  #timers: BeaconTimer[] = [];
  #closed = false;

  constructor(options: PeerMeshOptions) {
    this.#options = options;
    const nonces = new Set<number>();
    while (nonces.size < options.peers.length) nonces.add(randomInt(0, 2 ** 32 - 1));
    const nonceList = [...nonces];
    this.#links = options.peers.map(
      (url, index) =>
        new PeerLink(url, nonceList[index]!, options.windowSize, options.probeTimeoutMs),
    );
    this.#linksByNonce = new Map(this.#links.map((link) => [link.nonce, link]));
    this.#prober = new UdpProber(
      options.listenHost,
      (nonce, sequence, receivedAt) => this.#onAnswer(nonce, sequence, receivedAt),
      () => options.clock.now(),
      (error) => options.log.warn('probe socket failed', { error: error.message }),
    );
  }

  /** Starts the rounds: a fetch of every peer at once, then probes and fetches on their intervals. */
  start(): void {
    if (this.#links.length === 0 || this.#closed) return;
    const { clock, probeIntervalMs, refreshIntervalMs } = this.#options;
    const every = (intervalMs: number, round: () => void): BeaconTimer => {
      const timer = clock.setTimer(intervalMs, () => {
        round();
        timer.refresh();
      });
      return timer;
    };
    this.#timers = [
      every(probeIntervalMs, () => this.#probeRound()),
      every(refreshIntervalMs, () => this.#fetchRound()),
    ];
    this.#fetchRound();
  }

  /** What the network config needs of each peer, at `now`. */
  views(now: number): PeerView[] {
    return this.#links.map((link) => {
      const identity = link.identity;
      const measurement = link.measurement(this.#options.selfCode, now);
      return {
        ...(identity !== undefined && { identity: { code: identity.code, entry: identity.entry } }),
        ...(link.lastHeardAt !== undefined && { lastHeardAt: link.lastHeardAt }),
        ...(measurement !== undefined && { measurement }),
        ...(link.report !== undefined && { report: link.report }),
      };
    });
  }

  /** Each peer's line in /health, at `now`. */
  health(now: number): PeerHealth[] {
    return this.#links.map((link) =>
      link.health(this.#options.selfCode, now, this.#options.staleAfterMs),
    );
  }

  /**
   * Stops the rounds, aborts the fetches in flight (a fetch that still settles later changes
   * nothing) and closes the probe sockets. Idempotent.
   */
  async close(): Promise<void> {
    this.#closed = true;
    for (const timer of this.#timers) timer.cancel();
    this.#abort.abort();
    await this.#prober.close();
  }

  #probeRound(): void {
    const now = this.#options.clock.now();
    for (const link of this.#links) {
      this.#evaluate(link, now);
      const probe = link.nextProbe(now);
      if (probe !== undefined) this.#prober.send(probe.target, probe.packet);
    }
  }

  #fetchRound(): void {
    for (const link of this.#links) {
      if (this.#fetching.has(link)) continue;
      this.#fetching.add(link);
      void this.#fetch(link).finally(() => this.#fetching.delete(link));
    }
  }

  async #fetch(link: PeerLink): Promise<void> {
    const { clock, log, fetchTimeoutMs } = this.#options;
    try {
      const fetched = await fetchPeer(link.url, {
        timeoutMs: fetchTimeoutMs,
        signal: this.#abort.signal,
        now: () => clock.now(),
      });
      if (this.#closed) return;
      const { description, target, report } = fetched;
      if (this.#isThisBeacon(description.code, description.probe)) {
        this.#links.splice(this.#links.indexOf(link), 1);
        log.info('peer is this beacon: dropped from its peers', { url: link.url });
        return;
      }
      this.#checkCodeIsFree(link, description.code);
      link.fetched(description, target, report, clock.now());
      log.debug('peer fetched', {
        url: link.url,
        peer: description.code,
        pops: report.pops.size,
        backbone: report.measurements.length,
        skipped: report.skipped,
      });
    } catch (error) {
      if (this.#closed) return;
      const message = (error as Error).message;
      if (message !== link.fetchError) {
        log.warn('peer fetch failed', { url: link.url, error: message });
      }
      link.fetchFailed(message);
    }
    this.#evaluate(link, clock.now());
  }

  #isThisBeacon(code: string, probe: ProbeEndpoints): boolean {
    const own = this.#options.selfProbe();
    return code === this.#options.selfCode && probe.udp === own.udp && probe.ws === own.ws;
  }

  /** Throws when `code` is this beacon's or another peer's: two POPs of a mesh cannot share one. */
  #checkCodeIsFree(link: PeerLink, code: string): void {
    if (code === this.#options.selfCode) {
      throw new Error(`it has this beacon's own code '${code}'`);
    }
    const holder = this.#links.find((other) => other !== link && other.identity?.code === code);
    if (holder !== undefined) {
      throw new Error(`its code '${code}' is already the code of ${holder.url}`);
    }
  }

  #onAnswer(nonce: number, sequence: number, receivedAt: number): void {
    const link = this.#linksByNonce.get(nonce);
    if (link === undefined || !this.#links.includes(link)) return;
    const rttMs = link.answer(sequence, receivedAt);
    if (rttMs === undefined) return;
    this.#options.log.debug('probe answered', {
      peer: link.identity!.code,
      sequence,
      rtt_ms: rounded(rttMs, 2),
    });
    this.#evaluate(link, receivedAt);
  }

  /** Re-evaluates a peer's state and logs a change. */
  #evaluate(link: PeerLink, now: number): void {
    if (!link.evaluate(now, this.#options.unreachableAfterMs)) return;
    const peer = link.identity?.code;
    if (link.state === 'ok') {
      this.#options.log.info('peer reachable', {
        url: link.url,
        ...(peer !== undefined && { peer }),
      });
    } else {
      this.#options.log.warn('peer unreachable', {
        url: link.url,
        ...(peer !== undefined && { peer }),
        reason: link.unreachableReason(now),
      });
    }
  }
}
