/**
 * The estimator (`@relaylane/steam-net-utils/estimator`) over the corpus's distinct location
 * strings in Steam's grammar, each row a ratio against a baseline measured in the same rounds:
 *
 * - `parse` of every string, against `JSON.parse` of the same entries as JSON (one call per
 *   location). Target: at most 1.5 times.
 * - `estimate(a, b)` between pre-parsed `PingLocation`s, against a bare kernel written here: the
 *   same minimum over routes (with the same early exit: routes ascend and backbone terms are >= 0)
 *   over two typed arrays per location (its entries' POP indices in the network and their route
 *   ms) and a copy of the network's backbone as an `Int32Array` n × n, for the same pairs. Before
 *   timing, the kernel's answer is checked to equal `estimate`'s for every pair. Target: at most
 *   1.5 times. Reported beside it: the same two over about 2,000 of the locations, few enough to
 *   stay in the CPU's caches, which separates the memory traffic of many locations from the work.
 * - `rank(player, texts)`, a first ranking of every string (parse + estimate + sort), against
 *   `JSON.parse` of the same entries as JSON plus one `Float64Array.prototype.sort` of as many
 *   random doubles (on a fresh copy). Target: at most 5 times.
 * - `rank(player, lobbyLocations, { into: previous })`, a re-rank of the parsed lobbies (estimate +
 *   sort, allocating nothing), against the sort alone. Target: at most 3 times.
 *
 * The whole-set passes (parse, rank, their baselines) run one pass per timed call; the estimates
 * run `estimatesPerRun` per call, walking the pairs (i, i + stride) through the whole set across
 * calls. Every result is added to the sink, so no work can be dropped.
 */
import {
  estimate,
  LobbyLocations,
  type PingLocation,
  parse,
  rank,
  type RankedLobbies,
  valveRelayNetwork,
} from '@relaylane/steam-net-utils/estimator';

import { type MeasureOptions, measureRounds, type Workload } from '../harness/measure.js';
import { freshCopySort } from '../harness/sort-baseline.js';
import { median } from '../harness/statistics.js';
import { sink } from '../harness/sink.js';
import { type LocationCorpus } from '../fixtures/location-strings.js';
import { pairPartner } from './ping-estimates.js';
import { comparisonRow, figure, type ResultRow } from '../report/results.js';

/** Sizes of the estimator benchmark. */
export interface EstimatorBenchmarkOptions {
  /** For the whole-set passes (parse, rank). */
  readonly passMeasure: MeasureOptions;
  /** For the estimates, timed in batches. */
  readonly measure: MeasureOptions;
  readonly estimatesPerRun: number;
  readonly seed: number;
}

/** The targets, as the most each subject may take over its baseline. */
export const ESTIMATOR_TARGETS = Object.freeze({
  parse: 1.5,
  estimate: 1.5,
  firstRank: 5,
  rerank: 3,
});

/** Every how many locations the cache-resident subset takes one (more than the variants per host). */
const CACHED_SUBSET_STEP = 51;
/** The most locations of the cache-resident subset. */
const CACHED_SUBSET_MAX = 2000;

/** A location as the bare kernel reads it: its entries' POP indices and route ms, best first. */
interface BareLocation {
  readonly indices: Int32Array;
  readonly routes: Int32Array;
}

/**
 * The bare kernel: the best relayed round trip between two locations over `backbone` (`size ×
 * size`), -1 when they share no route. The same arithmetic as the estimator's kernel, without its
 * argument checks, its network lookup and its shared-unknown-POP pass (the corpus has no POP the
 * network lacks; {@link toBareLocations} refuses one).
 */
export function bareEstimate(
  backbone: Int32Array,
  size: number,
  a: BareLocation,
  b: BareLocation,
): number {
  const indicesA = a.indices;
  const routesA = a.routes;
  const indicesB = b.indices;
  const routesB = b.routes;
  const countA = routesA.length;
  const countB = routesB.length;
  if (countA === 0 || countB === 0) return -1;
  const nearestB = routesB[0]!;
  let best = Infinity;
  for (let p = 0; p < countA; p++) {
    const toA = routesA[p]!;
    if (toA + nearestB >= best) break;
    const indexA = indicesA[p]!;
    if (indexA < 0) continue;
    const row = indexA * size;
    for (let q = 0; q < countB; q++) {
      const toB = routesB[q]!;
      if (toA + toB >= best) break;
      const indexB = indicesB[q]!;
      if (indexB < 0) continue;
      const total = toA + backbone[row + indexB]! + toB;
      if (total < best) best = total;
    }
  }
  return best === Infinity ? -1 : best;
}

/** Each location's entries as two typed arrays of their own; throws for a POP the network lacks. */
export function toBareLocations(locations: readonly PingLocation[]): BareLocation[] {
  const network = valveRelayNetwork();
  return locations.map((location) => {
    const entries = location.entries();
    const indices = new Int32Array(entries.length);
    const routes = new Int32Array(entries.length);
    entries.forEach((entry, k) => {
      indices[k] = network.indexOf(entry.popId);
      routes[k] = entry.routeMs;
      if (indices[k]! < 0) {
        throw new Error(
          `Location '${String(location)}' names POP '${entry.code}', unknown to Valve's network.`,
        );
      }
    });
    return { indices, routes };
  });
}

/** Runs the four rows over `corpus` (verified) and its parsed `locations` (at least 2). */
export function runEstimatorBenchmark(
  corpus: LocationCorpus,
  locations: readonly PingLocation[],
  options: EstimatorBenchmarkOptions,
): ResultRow[] {
  const { texts, json } = corpus;
  const count = texts.length;
  if (count < 2 || locations.length !== count) {
    throw new RangeError('runEstimatorBenchmark: give at least 2 locations, one per string.');
  }
  const n = count.toLocaleString('en-US');

  // --- estimates between two parsed locations, against the bare kernel ---
  const network = valveRelayNetwork();
  const backbone = network.backbone.slice();
  const size = network.size;
  const bare = toBareLocations(locations);
  for (let i = 0; i < count; i++) {
    const j = pairPartner(i, count);
    const expected = estimate(locations[i]!, locations[j]!);
    const got = bareEstimate(backbone, size, bare[i]!, bare[j]!);
    if (got !== expected) {
      throw new Error(
        `The bare kernel gives ${got} ms between '${texts[i]}' and '${texts[j]}', estimate() ${expected}.`,
      );
    }
  }
  // The same over a subset small enough to stay in the CPU's caches (~2,000 locations from
  // different hosts: every 51st, so neighbours are never variants of one host), reported to show
  // how much of the gap above is memory traffic rather than work.
  const subset = locations
    .filter((_, i) => i % CACHED_SUBSET_STEP === 0)
    .slice(0, CACHED_SUBSET_MAX);
  const bareSubset = subset.map((_, k) => bare[k * CACHED_SUBSET_STEP]!);
  const perRun = options.estimatesPerRun;
  const estimateFigures = measureRounds(
    [
      ...estimatePairWorkloads('', locations, bare, backbone, size, perRun),
      ...estimatePairWorkloads(' (cached subset)', subset, bareSubset, backbone, size, perRun),
    ],
    options.measure,
  );

  // --- parse and rank: whole-set passes ---
  // The player: a host in Frankfurt, whose location reaches the backend as text.
  const player = parse(
    corpus.world.locationStringFor(
      corpus.world.createHost({ location: 'Frankfurt', connection: 'fiber' }),
    ),
  );
  if (!player.ok) throw new Error(`The player's location does not parse: ${player.reason}.`);
  const pool = new LobbyLocations(texts);
  const previous: RankedLobbies = rank(player, pool);
  checkRanking(previous, player, locations);
  const sortCopy = freshCopySort(count, options.seed);
  const jsonParseAll = (): number => {
    let entries = 0;
    for (let i = 0; i < count; i++) entries += (JSON.parse(json[i]!) as unknown[]).length;
    return entries;
  };
  // Parsing and ranking are measured apart, so that neither pass pays for collecting the
  // other's garbage (a first ranking leaves megabytes of it).
  const parseWorkloads: Workload[] = [
    {
      name: 'parse',
      opsPerRun: count,
      run: () => {
        let entries = 0;
        for (let i = 0; i < count; i++) {
          const parsed = parse(texts[i]!);
          if (parsed.ok) entries += parsed.size;
        }
        sink.total += entries;
      },
    },
    { name: 'JSON.parse', opsPerRun: count, run: () => void (sink.total += jsonParseAll()) },
  ];
  const rankWorkloads: Workload[] = [
    {
      name: 'rank (first time)',
      opsPerRun: 1,
      run: () => {
        const ranked = rank(player, texts);
        sink.total += ranked.order[0]! + ranked.estimatedCount;
      },
    },
    {
      name: 'JSON.parse + sort',
      opsPerRun: 1,
      run: () => void (sink.total += jsonParseAll() + sortCopy()),
    },
    {
      name: 'rank (re-rank into)',
      opsPerRun: 1,
      run: () => {
        const ranked = rank(player, pool, { into: previous });
        sink.total += ranked.order[0]! + ranked.estimatedCount;
      },
    },
    { name: 'sort', opsPerRun: 1, run: () => void (sink.total += sortCopy()) },
  ];
  const passFigures = new Map([
    ...measureRounds(parseWorkloads, options.passMeasure),
    ...measureRounds(rankWorkloads, options.passMeasure),
  ]);

  const ns = (workload: string, label: string, figures = passFigures) =>
    figure(label, 'ns/op', figures.get(workload)!);
  const sort = ns('sort', `Float64Array sort of ${n} random doubles (fresh copy)`);
  const details = {
    locations: count,
    meanTextLength: Math.round(texts.reduce((sum, t) => sum + t.length, 0) / count),
    meanJsonLength: Math.round(json.reduce((sum, t) => sum + t.length, 0) / count),
  };
  const t = ESTIMATOR_TARGETS;
  return [
    comparisonRow({
      id: 'estimator/parse/vs-json-parse',
      measure: `Estimator \`parse\` of ${n} distinct location strings in Steam's grammar`,
      subject: ns('parse', 'parse'),
      baseline: ns('JSON.parse', 'JSON.parse of the same entries as JSON'),
      maxRatio: t.parse,
      target: `<= ${t.parse}`,
      details,
    }),
    comparisonRow({
      id: 'estimator/estimate/vs-bare-kernel',
      measure: `Estimator \`estimate(a, b)\` between two parsed locations (pairs of ${n})`,
      subject: ns('estimate', 'estimate', estimateFigures),
      baseline: ns(
        'bare kernel',
        'bare kernel, same pairs (typed arrays + Int32Array backbone)',
        estimateFigures,
      ),
      maxRatio: t.estimate,
      target: `<= ${t.estimate}`,
      details: {
        locations: count,
        estimatesPerRun: perRun,
        networkPops: size,
        estimatesPerSecond: Math.round(1e9 / median(estimateFigures.get('estimate')!)),
      },
    }),
    comparisonRow({
      id: 'estimator/estimate/vs-bare-kernel/cached-subset',
      measure: `the same over pairs of ${subset.length.toLocaleString('en-US')} of those locations (one in ${CACHED_SUBSET_STEP}: a set that stays in the CPU's caches)`,
      subject: ns('estimate (cached subset)', 'estimate, cached subset', estimateFigures),
      baseline: ns('bare kernel (cached subset)', 'bare kernel, same pairs', estimateFigures),
      maxRatio: undefined,
      target: 'report (memory traffic against work)',
      details: { locations: subset.length, estimatesPerRun: perRun },
    }),
    comparisonRow({
      id: 'estimator/rank-first/vs-json-parse-and-sort',
      measure: `Estimator \`rank(player, texts)\` of ${n} lobbies, first time (parse + estimate + sort)`,
      subject: ns('rank (first time)', 'rank (new ranking)'),
      baseline: ns('JSON.parse + sort', `JSON.parse of the same as JSON + sort of ${n} doubles`),
      maxRatio: t.firstRank,
      target: `<= ${t.firstRank}`,
      details: { lobbies: count, lobbiesWithAnEstimate: previous.estimatedCount },
    }),
    comparisonRow({
      id: 'estimator/rerank/vs-sort',
      measure: `Estimator re-rank of the same ${n} lobbies (\`rank(player, lobbyLocations, { into })\`: estimate + sort)`,
      subject: ns('rank (re-rank into)', 'rank into the previous ranking'),
      baseline: sort,
      maxRatio: t.rerank,
      target: `<= ${t.rerank}`,
      details: { lobbies: count },
    }),
  ];
}

/**
 * `estimate` and the bare kernel over the pairs (i, partner(i)) of `locations` (at least 2),
 * `perRun` per call, each walking the whole set across calls.
 */
function estimatePairWorkloads(
  label: string,
  locations: readonly PingLocation[],
  bare: readonly BareLocation[],
  backbone: Int32Array,
  size: number,
  perRun: number,
): Workload[] {
  const count = locations.length;
  let estimateAt = 0;
  let bareAt = 0;
  return [
    {
      name: `estimate${label}`,
      opsPerRun: perRun,
      run: () => {
        let i = estimateAt;
        let total = 0;
        for (let k = 0; k < perRun; k++) {
          total += estimate(locations[i]!, locations[pairPartner(i, count)]!);
          i = i + 1 < count ? i + 1 : 0;
        }
        estimateAt = i;
        sink.total += total;
      },
    },
    {
      name: `bare kernel${label}`,
      opsPerRun: perRun,
      run: () => {
        let i = bareAt;
        let total = 0;
        for (let k = 0; k < perRun; k++) {
          total += bareEstimate(backbone, size, bare[i]!, bare[pairPartner(i, count)]!);
          i = i + 1 < count ? i + 1 : 0;
        }
        bareAt = i;
        sink.total += total;
      },
    },
  ];
}

/** Throws unless `ranked` puts every lobby in order with `estimate`'s ping from `player`. */
function checkRanking(
  ranked: RankedLobbies,
  player: PingLocation,
  locations: readonly PingLocation[],
): void {
  let last = -Infinity;
  for (let k = 0; k < ranked.length; k++) {
    const ping = ranked.pings[k]!;
    const expected = estimate(player, locations[ranked.order[k]!]!);
    if (ping !== expected || ping < last) {
      throw new Error(
        `rank() gives row ${k} (lobby ${ranked.order[k]}) ${ping} ms; estimate() gives ${expected} ` +
          `and the row before ${last}.`,
      );
    }
    last = ping;
  }
}
