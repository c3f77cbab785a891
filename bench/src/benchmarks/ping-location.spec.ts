import { createLocationCorpus, parsedLocations } from '../fixtures/location-strings.js';
import { createMeasuredService } from '../fixtures/simulated-service.js';
import { TINY_MEASURE } from '../test-support/tiny.js';
import { runLobbyRankingBenchmark } from './lobby-ranking.js';
import { parseAll, runPingEstimateBenchmark } from './ping-estimates.js';
import { runPingLocationParseBenchmark } from './ping-location-parse.js';

describe('ping-location benchmarks (smoke)', () => {
  const corpus = createLocationCorpus(60, 5);
  const { networkingUtils } = createMeasuredService(corpus.world, 5);
  afterAll(() => networkingUtils.dispose());

  it('parse: one row against JSON.parse, with the corpus sizes', () => {
    const [row] = runPingLocationParseBenchmark(networkingUtils, corpus, TINY_MEASURE);
    expect(row!.id).toBe('ping-location-parse/vs-json-parse');
    expect(row!.details!['strings']).toBe(60);
    expect(row!.ratio).toBeGreaterThan(0);
  });

  it('estimates: four reported rows, the two between locations against the estimator', () => {
    const rows = runPingEstimateBenchmark(
      networkingUtils,
      parseAll(networkingUtils, corpus.texts),
      parsedLocations(corpus),
      TINY_MEASURE,
      10,
    );
    expect(rows.map((row) => row.met)).toEqual([undefined, undefined, undefined, undefined]);
    expect(rows.map((row) => row.ratio !== undefined)).toEqual([true, true, false, false]);
    expect(rows[0]!.baseline).toBe(rows[1]!.baseline);
    for (const row of rows) expect(row.details!['perSecond']).toBeGreaterThan(0);
  });

  it('ranking: first rank and re-rank against the same sort, the re-rank also against the old one', () => {
    const rows = runLobbyRankingBenchmark(networkingUtils, corpus.texts, TINY_MEASURE, 5);
    expect(rows.map((row) => row.id)).toEqual([
      'lobby-ranking/first-rank/vs-float64-sort',
      'lobby-ranking/rerank/vs-float64-sort',
      'lobby-ranking/rerank/vs-sort',
    ]);
    expect(rows.map((row) => row.met === undefined)).toEqual([true, false, true]);
    expect(rows[0]!.baseline).toBe(rows[1]!.baseline);
    expect(rows[2]!.subject).toBe(rows[1]!.subject);
    // Every lobby of the simulated world has an estimate once the local host has measured.
    expect(rows[1]!.details!['lobbiesWithAnEstimate']).toBe(60);
  });
});
