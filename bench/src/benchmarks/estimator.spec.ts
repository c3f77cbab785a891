import { estimate, PingLocation, valveRelayNetwork } from '@relaylane/steam-net-utils/estimator';

import { createLocationCorpus, parsedLocations } from '../fixtures/location-strings.js';
import { TINY_MEASURE } from '../test-support/tiny.js';
import {
  bareEstimate,
  ESTIMATOR_TARGETS,
  runEstimatorBenchmark,
  toBareLocations,
} from './estimator.js';

describe('estimator benchmark (smoke)', () => {
  const corpus = createLocationCorpus(60, 9);
  const locations = parsedLocations(corpus);

  it('gives four ratio rows with their targets, and the cached estimate reported', () => {
    const rows = runEstimatorBenchmark(corpus, locations, {
      passMeasure: TINY_MEASURE,
      measure: TINY_MEASURE,
      estimatesPerRun: 10,
      seed: 9,
    });
    expect(rows.map((row) => row.id)).toEqual([
      'estimator/parse/vs-json-parse',
      'estimator/estimate/vs-bare-kernel',
      'estimator/estimate/vs-bare-kernel/cached-subset',
      'estimator/rank-first/vs-json-parse-and-sort',
      'estimator/rerank/vs-sort',
    ]);
    expect(rows.map((row) => row.target)).toEqual([
      `<= ${ESTIMATOR_TARGETS.parse}`,
      `<= ${ESTIMATOR_TARGETS.estimate}`,
      'report (memory traffic against work)',
      `<= ${ESTIMATOR_TARGETS.firstRank}`,
      `<= ${ESTIMATOR_TARGETS.rerank}`,
    ]);
    for (const row of rows) expect(row.ratio).toBeGreaterThan(0);
    expect(rows.map((row) => typeof row.met)).toEqual([
      'boolean',
      'boolean',
      'undefined',
      'boolean',
      'boolean',
    ]);
    expect(rows[3]!.details!['lobbiesWithAnEstimate']).toBe(60);
  });

  it('has a bare kernel that answers what estimate() answers, -1 for an empty location', () => {
    const network = valveRelayNetwork();
    const bare = toBareLocations(locations);
    for (let i = 0; i < locations.length; i++) {
      const j = (i * 7 + 3) % locations.length;
      expect(bareEstimate(network.backbone, network.size, bare[i]!, bare[j]!)).toBe(
        estimate(locations[i]!, locations[j]!),
      );
    }
    const [empty] = toBareLocations([PingLocation.EMPTY]);
    expect(bareEstimate(network.backbone, network.size, empty!, bare[0]!)).toBe(-1);
  });
});
