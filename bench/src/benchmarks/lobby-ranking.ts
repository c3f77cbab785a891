/**
 * `LobbyPingRanking` over lobbies whose hosts all have distinct location strings: the first
 * `rank()` (a new ranking: every string parsed, estimated and sorted) and `rerank()` (estimated
 * and sorted again from the parsed locations), against sorting the same numbers (the ranking's
 * pings) with `Array.prototype.sort((a, b) => a - b)` on a fresh copy. Targets: both reported;
 * the re-rank within 3 times the plain sort.
 */
import { LobbyPingRanking, type NetworkingUtils } from '@relaylane/steam-net-utils';

import { type MeasureOptions, measureRounds, type Workload } from '../harness/measure.js';
import { sink } from '../harness/sink.js';
import { comparisonRow, figure, type ResultRow } from '../report/results.js';

/** Runs the ranking benchmark with one lobby per text. */
export function runLobbyRankingBenchmark(
  networkingUtils: NetworkingUtils,
  texts: readonly string[],
  measure: MeasureOptions,
): ResultRow[] {
  const lobbies = texts.map((pingLocation, index) => ({ id: index, pingLocation }));
  const reranking = new LobbyPingRanking<(typeof lobbies)[number]>(networkingUtils);
  const pings = reranking.rank(lobbies).map((row) => row.ping);
  const known = pings.filter((ping) => ping >= 0).length;
  const workloads: Workload[] = [
    {
      name: 'rank (first time)',
      opsPerRun: 1,
      run: () => {
        sink.total += new LobbyPingRanking<(typeof lobbies)[number]>(networkingUtils).rank(
          lobbies,
        ).length;
      },
    },
    {
      name: 'rerank',
      opsPerRun: 1,
      run: () => {
        sink.total += reranking.rerank().length;
      },
    },
    {
      name: 'sort',
      opsPerRun: 1,
      run: () => {
        sink.total += pings.slice().sort((a, b) => a - b)[0]!;
      },
    },
  ];
  const figures = measureRounds(workloads, measure);
  const sort = figure(
    `sort of the same ${lobbies.length.toLocaleString('en-US')} numbers`,
    'ns/op',
    figures.get('sort')!,
  );
  const count = lobbies.length.toLocaleString('en-US');
  const details = { lobbies: lobbies.length, lobbiesWithAnEstimate: known };
  return [
    comparisonRow({
      id: 'lobby-ranking/first-rank/vs-sort',
      measure: `Lobby ranking of ${count} lobbies, first time (parse + estimate + sort)`,
      subject: figure(
        'LobbyPingRanking.rank (new ranking)',
        'ns/op',
        figures.get('rank (first time)')!,
      ),
      baseline: sort,
      maxRatio: undefined,
      target: 'report',
      details,
    }),
    comparisonRow({
      id: 'lobby-ranking/rerank/vs-sort',
      measure: `Lobby ranking of ${count} lobbies, re-rank (estimate + sort)`,
      subject: figure('LobbyPingRanking.rerank', 'ns/op', figures.get('rerank')!),
      baseline: sort,
      maxRatio: 3,
      target: '<= 3',
      details,
    }),
  ];
}
