/**
 * `parsePingLocationString` (the service on the simulated backend, which parses into GodotSteam's
 * 512-byte form) over distinct location strings in Steam's grammar, against `JSON.parse` of the
 * same entries as JSON (see `fixtures/location-strings.ts`). One timed call parses every string
 * once. Target: at most 2 times `JSON.parse`.
 */
import { type NetworkingUtils } from '@relaylane/steam-net-utils';

import { type MeasureOptions, measureRounds, type Workload } from '../harness/measure.js';
import { sink } from '../harness/sink.js';
import { type LocationCorpus } from '../fixtures/location-strings.js';
import { comparisonRow, figure, type ResultRow } from '../report/results.js';

/** Runs the parse benchmark over `corpus` with `steam` (a service on the corpus's world). */
export function runPingLocationParseBenchmark(
  networkingUtils: NetworkingUtils,
  corpus: LocationCorpus,
  measure: MeasureOptions,
): ResultRow[] {
  const { texts, json } = corpus;
  const count = texts.length;
  const workloads: Workload[] = [
    {
      name: 'parsePingLocationString',
      opsPerRun: count,
      run: () => {
        for (let i = 0; i < count; i++) {
          if (networkingUtils.parsePingLocationString(texts[i]!).success) sink.total++;
        }
      },
    },
    {
      name: 'JSON.parse',
      opsPerRun: count,
      run: () => {
        for (let i = 0; i < count; i++) {
          if ((JSON.parse(json[i]!) as unknown[]).length > 0) sink.total++;
        }
      },
    },
  ];
  const figures = measureRounds(workloads, measure);
  return [
    comparisonRow({
      id: 'ping-location-parse/vs-json-parse',
      measure: `\`parsePingLocationString\` of ${count.toLocaleString('en-US')} distinct location strings in Steam's grammar`,
      subject: figure('parsePingLocationString', 'ns/op', figures.get('parsePingLocationString')!),
      baseline: figure(
        'JSON.parse of the same entries as JSON',
        'ns/op',
        figures.get('JSON.parse')!,
      ),
      maxRatio: 2,
      target: '<= 2',
      details: {
        strings: count,
        hosts: corpus.hostCount,
        meanTextLength: Math.round(texts.reduce((n, t) => n + t.length, 0) / count),
        meanJsonLength: Math.round(json.reduce((n, t) => n + t.length, 0) / count),
      },
    }),
  ];
}
