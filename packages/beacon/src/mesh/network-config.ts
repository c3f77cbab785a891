/**
 * /network-config: this beacon and what it knows of the mesh, merged into Valve's SDR config shape.
 *
 * The measurements:
 * - this beacon's own, one per peer: the statistics of its window of probes;
 * - every backbone entry of every peer's last config, except those this beacon measured itself
 *   (its own are live). One peer's config carries the pairs that peer measured and those it merged
 *   from its own peers, so one URL gives the whole mesh.
 *
 * A measurement is kept while its newest sample is at most `staleAfterMs` old. Ages are carried
 * through every hop (a measurement passed on keeps the time of its newest sample), so data cannot
 * be kept alive by beacons passing it back and forth. Of two copies of the same measurement (the
 * same pair, measured by the same beacon, heard through two peers), the newer is kept.
 *
 * The published round trip of a pair (`typical_pings`): where both ends measured it, the mean of
 * their two medians; where one did, its median; rounded to whole milliseconds. The two ends probe
 * the same path in opposite directions, so their medians differ by noise only, and the mean is the
 * same whichever beacon serves the config. `backbone` lists each end's measurement separately
 * (`measured_by`), so a pair measured from both ends has two entries there and one in
 * `typical_pings`.
 *
 * The POPs: this beacon; each peer heard from within `staleAfterMs` (its own /beacon entry); and
 * every end of a kept pair that the peers' configs describe. A pair whose end no config describes
 * is left out, so every code in `typical_pings` and `backbone` is in `pops`.
 */
import {
  type BackboneEntry,
  compareCodes,
  type Measurement,
  type NetworkConfig,
  type PopEntry,
} from './documents.js';
import { MAX_PEER_POPS, type PeerReport } from './read-peer-documents.js';
import { rounded } from './statistics.js';

/** What the config needs of one peer. */
export interface PeerView {
  readonly identity?: { readonly code: string; readonly entry: PopEntry };
  readonly lastHeardAt?: number;
  /** This beacon's measurement of the pair with this peer. */
  readonly measurement?: Measurement;
  readonly report?: PeerReport;
}

export interface NetworkConfigInputs {
  readonly self: { readonly code: string; readonly entry: PopEntry };
  readonly peers: readonly PeerView[];
  /** The monotonic clock's reading now. */
  readonly now: number;
  /** Unix milliseconds now. */
  readonly epochMs: number;
  readonly staleAfterMs: number;
  /** Unix milliseconds when the beacon started (the revision while it has no other data). */
  readonly startedAtEpochMs: number;
}

export function buildNetworkConfig(inputs: NetworkConfigInputs): NetworkConfig {
  const { self, peers, now, staleAfterMs } = inputs;
  const isFresh = (at: number | undefined): at is number =>
    at !== undefined && now - at <= staleAfterMs;

  const measurements = new Map<string, Measurement>();
  const offer = (measurement: Measurement): void => {
    if (!isFresh(measurement.measuredAt)) return;
    const key = `${measurement.a} ${measurement.b} ${measurement.measuredBy}`;
    const known = measurements.get(key);
    if (known === undefined || known.measuredAt < measurement.measuredAt)
      measurements.set(key, measurement);
  };
  for (const peer of peers) if (peer.measurement !== undefined) offer(peer.measurement);
  for (const peer of peers) {
    for (const measurement of peer.report?.measurements ?? []) {
      if (measurement.measuredBy !== self.code) offer(measurement);
    }
  }

  const pops = new Map<string, PopEntry>([[self.code, self.entry]]);
  for (const peer of peers) {
    if (peer.identity !== undefined && isFresh(peer.lastHeardAt) && !pops.has(peer.identity.code)) {
      pops.set(peer.identity.code, peer.identity.entry);
    }
  }
  // Ends described only second-hand: from the most recently fetched config that describes them.
  const reports = peers
    .map((peer) => peer.report)
    .filter((report): report is PeerReport => report !== undefined)
    .sort((x, y) => y.fetchedAt - x.fetchedAt);
  const describe = (code: string): boolean => {
    if (pops.has(code)) return true;
    if (pops.size >= MAX_PEER_POPS) return false;
    const entry = reports.find((report) => report.pops.has(code))?.pops.get(code);
    if (entry !== undefined) pops.set(code, entry);
    return entry !== undefined;
  };
  const kept = [...measurements.values()]
    .filter((measurement) => describe(measurement.a) && describe(measurement.b))
    .sort(
      (x, y) =>
        compareCodes(x.a, y.a) ||
        compareCodes(x.b, y.b) ||
        compareCodes(x.measuredBy, y.measuredBy),
    );

  const medians = new Map<string, { a: string; b: string; values: number[] }>();
  for (const measurement of kept) {
    const key = `${measurement.a} ${measurement.b}`;
    const pair = medians.get(key) ?? { a: measurement.a, b: measurement.b, values: [] };
    pair.values.push(measurement.medianMs);
    medians.set(key, pair);
  }
  const typicalPings = [...medians.values()].map(
    ({ a, b, values }) =>
      [a, b, Math.round(values.reduce((sum, value) => sum + value, 0) / values.length)] as const,
  );

  const backbone: BackboneEntry[] = kept.map((measurement) => ({
    a: measurement.a,
    b: measurement.b,
    median_ms: rounded(measurement.medianMs, 1),
    p90_ms: rounded(measurement.p90Ms, 1),
    samples: measurement.samples,
    loss: rounded(measurement.loss, 3),
    age_s: rounded(Math.max(0, now - measurement.measuredAt) / 1000, 1),
    measured_by: measurement.measuredBy,
  }));

  const newest = Math.max(
    -Infinity,
    ...kept.map((measurement) => measurement.measuredAt),
    ...peers.map((peer) => peer.lastHeardAt).filter(isFresh),
  );
  const revisionMs =
    newest === -Infinity ? inputs.startedAtEpochMs : inputs.epochMs - (now - newest);
  return {
    revision: Math.floor(revisionMs / 1000),
    pops: Object.fromEntries([...pops].sort(([x], [y]) => compareCodes(x, y))),
    typical_pings: typicalPings,
    backbone,
  };
}
