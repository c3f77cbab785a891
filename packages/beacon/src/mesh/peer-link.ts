/**
 * What one beacon knows of one peer: who it is (code, entry, where to probe), the window of probes
 * sent to it, the last config it published, and whether it is reachable. No I/O happens here: the
 * mesh sends the probes this link hands out and feeds it answers and fetch results, with times on
 * the beacon's clock.
 *
 * Reachability: a peer is `ok` from its first successful fetch for as long as probes keep being
 * answered: it becomes `unreachable` when no probe has been answered for `unreachableAfterMs` (counted
 * from its last answer, or from when probing it began). A failed fetch alone does not make it
 * unreachable (its last config stays in use while it is fresh), but /health shows the failure.
 */
import { formatHostPort } from '../net/address.js';
import {
  type BeaconDescription,
  type Measurement,
  orderedPair,
  type PeerHealth,
  type PopEntry,
} from './documents.js';
import { probeRequest } from './probe-packet.js';
import type { PeerReport } from './read-peer-documents.js';
import { SampleWindow } from './sample-window.js';
import { rounded } from './statistics.js';
import type { ProbeTarget } from './udp-prober.js';

/** Who a peer is, as its /beacon said, and where its probes go. */
export interface PeerIdentity {
  readonly code: string;
  readonly entry: PopEntry;
  readonly target: ProbeTarget;
  /** When probing this code at this target began. */
  readonly since: number;
}

export type PeerState = 'ok' | 'unreachable';

export class PeerLink {
  /** The peer's base URL, ending in `/`. */
  readonly url: string;
  /** The nonce of every probe to this peer (probe-packet.ts). */
  readonly nonce: number;
  readonly #window: SampleWindow;
  #nextSequence = 0;
  #identity: PeerIdentity | undefined;
  #report: PeerReport | undefined;
  #lastFetchAt: number | undefined;
  #fetchError: string | undefined;
  #state: PeerState = 'unreachable';

  constructor(url: string, nonce: number, windowSize: number, probeTimeoutMs: number) {
    this.url = url;
    this.nonce = nonce;
    this.#window = new SampleWindow(windowSize, probeTimeoutMs);
  }

  get identity(): PeerIdentity | undefined {
    return this.#identity;
  }

  /** The peer's config as last fetched (kept when a later fetch fails). */
  get report(): PeerReport | undefined {
    return this.#report;
  }

  get state(): PeerState {
    return this.#state;
  }

  /** The last fetch's error, or undefined when it succeeded. */
  get fetchError(): string | undefined {
    return this.#fetchError;
  }

  /** When the peer last answered anything (a probe or a fetch). */
  get lastHeardAt(): number | undefined {
    const times = [this.#window.lastAnswerAt, this.#lastFetchAt].filter(
      (time): time is number => time !== undefined,
    );
    return times.length === 0 ? undefined : Math.max(...times);
  }

  /** The next probe, recorded as sent at `now`; undefined while the peer's echo is unknown. */
  nextProbe(now: number): { readonly target: ProbeTarget; readonly packet: Buffer } | undefined {
    if (this.#identity === undefined) return undefined;
    const sequence = this.#nextSequence;
    this.#nextSequence = (sequence + 1) >>> 0;
    this.#window.recordSent(sequence, now);
    return { target: this.#identity.target, packet: probeRequest(sequence, this.nonce) };
  }

  /** Records the answer to probe `sequence`; returns its round trip, or undefined if not taken. */
  answer(sequence: number, at: number): number | undefined {
    return this.#window.recordAnswer(sequence, at);
  }

  /**
   * Takes a successful fetch. A new code or a new target starts the window afresh: round trips
   * to another place say nothing of this one.
   */
  fetched(
    description: BeaconDescription,
    target: ProbeTarget,
    report: PeerReport,
    now: number,
  ): void {
    const known = this.#identity;
    const moved =
      known === undefined ||
      known.code !== description.code ||
      known.target.address !== target.address ||
      known.target.port !== target.port;
    if (moved) this.#window.clear();
    this.#identity = {
      code: description.code,
      entry: { desc: description.desc, geo: description.geo, relays: [], probe: description.probe },
      target,
      since: moved ? now : known.since,
    };
    this.#report = report;
    this.#lastFetchAt = now;
    this.#fetchError = undefined;
  }

  /** Takes a failed fetch: what was known stays, and the error is shown in /health. */
  fetchFailed(message: string): void {
    this.#fetchError = message;
  }

  /** Brings the state up to `now`; true when it changed. */
  evaluate(now: number, unreachableAfterMs: number): boolean {
    const heard = this.#probeHeardAt();
    const state: PeerState =
      heard !== undefined && now - heard <= unreachableAfterMs ? 'ok' : 'unreachable';
    const changed = state !== this.#state;
    this.#state = state;
    return changed;
  }

  /** Why the peer is unreachable at `now` (meaningful when it is). */
  unreachableReason(now: number): string {
    const identity = this.#identity;
    if (identity === undefined) return this.#fetchError ?? 'not reached yet';
    const silentS = rounded((now - this.#probeHeardAt()!) / 1000, 1);
    return `no UDP echo from ${formatHostPort(identity.target.address, identity.target.port)} for ${silentS} s`;
  }

  /** This beacon's measurement of the pair (`selfCode`, peer) at `now`, if a probe was answered. */
  measurement(selfCode: string, now: number): Measurement | undefined {
    if (this.#identity === undefined) return undefined;
    const statistics = this.#window.statistics(now);
    if (statistics === undefined) return undefined;
    const [a, b] = orderedPair(selfCode, this.#identity.code);
    return {
      a,
      b,
      measuredBy: selfCode,
      medianMs: statistics.medianMs,
      p90Ms: statistics.p90Ms,
      samples: statistics.samples,
      loss: statistics.loss,
      measuredAt: statistics.newestAnswerAt,
    };
  }

  /** The peer's line in /health at `now`; the round trip only while it is younger than `staleAfterMs`. */
  health(selfCode: string, now: number, staleAfterMs: number): PeerHealth {
    const lastHeardAt = this.lastHeardAt;
    const measurement = this.measurement(selfCode, now);
    const fresh = measurement !== undefined && now - measurement.measuredAt <= staleAfterMs;
    return {
      url: this.url,
      ...(this.#identity !== undefined && { code: this.#identity.code }),
      state: this.#state,
      ...(this.#state === 'unreachable' && { reason: this.unreachableReason(now) }),
      ...(lastHeardAt !== undefined && { last_seen_s: rounded((now - lastHeardAt) / 1000, 1) }),
      ...(fresh && {
        median_ms: rounded(measurement.medianMs, 1),
        loss: rounded(measurement.loss, 3),
      }),
      ...(this.#fetchError !== undefined && { http_error: this.#fetchError }),
    };
  }

  /** When a probe of the current target was last answered, or probing it began. */
  #probeHeardAt(): number | undefined {
    const identity = this.#identity;
    if (identity === undefined) return undefined;
    return Math.max(this.#window.lastAnswerAt ?? -Infinity, identity.since);
  }
}
