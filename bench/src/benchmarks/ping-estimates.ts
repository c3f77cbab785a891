/**
 * Estimates from parsed locations through the service on the simulated backend:
 * `estimatePingTimeBetweenTwoLocations` over pairs of distinct parsed locations (target: at
 * least 5 million a second), and, reported alongside, `estimatePingTimeFromLocalHost` (what the
 * lobby ranking calls). One timed call makes `estimatesPerRun` estimates; the pairs walk through
 * the whole set across calls.
 */
import { type NetworkingUtils } from '@relaylane/steam-net-utils';

import { type MeasureOptions, measureRounds, type Workload } from '../harness/measure.js';
import { sink } from '../harness/sink.js';
import { formatRate } from '../report/format.js';
import { figure, type ResultRow } from '../report/results.js';

/** The rate the between-two-locations estimate must reach, per second. */
export const MIN_ESTIMATES_PER_SECOND = 5_000_000;

/** Parses every text with the service; throws when one does not parse. */
export function parseAll(steam: NetworkingUtils, texts: readonly string[]): Uint8Array[] {
  return texts.map((text) => {
    const parsed = steam.parsePingLocationString(text);
    if (!parsed.success) throw new Error(`parsePingLocationString refused '${text}'.`);
    return parsed.ping_location;
  });
}

/** Runs the estimate benchmark over `locations` (parsed by `steam`, at least 2). */
export function runPingEstimateBenchmark(
  steam: NetworkingUtils,
  locations: readonly Uint8Array[],
  measure: MeasureOptions,
  estimatesPerRun: number,
): ResultRow[] {
  const count = locations.length;
  if (count < 2) throw new RangeError('runPingEstimateBenchmark: give at least 2 locations.');
  // The second location of pair i is a fixed stride away, never the first one itself.
  const stride = count > 7919 ? 7919 : 1;
  let between = 0;
  let fromLocal = 0;
  const workloads: Workload[] = [
    {
      name: 'estimatePingTimeBetweenTwoLocations',
      opsPerRun: estimatesPerRun,
      run: () => {
        let i = between;
        for (let n = 0; n < estimatesPerRun; n++) {
          const j = i + stride < count ? i + stride : i + stride - count;
          sink.total += steam.estimatePingTimeBetweenTwoLocations(locations[i]!, locations[j]!);
          i = i + 1 < count ? i + 1 : 0;
        }
        between = i;
      },
    },
    {
      name: 'estimatePingTimeFromLocalHost',
      opsPerRun: estimatesPerRun,
      run: () => {
        let i = fromLocal;
        for (let n = 0; n < estimatesPerRun; n++) {
          sink.total += steam.estimatePingTimeFromLocalHost(locations[i]!);
          i = i + 1 < count ? i + 1 : 0;
        }
        fromLocal = i;
      },
    },
  ];
  const figures = measureRounds(workloads, measure);
  const betweenFigure = figure(
    'estimatePingTimeBetweenTwoLocations',
    'ns/op',
    figures.get('estimatePingTimeBetweenTwoLocations')!,
  );
  const localFigure = figure(
    'estimatePingTimeFromLocalHost',
    'ns/op',
    figures.get('estimatePingTimeFromLocalHost')!,
  );
  const perSecond = (f: { median: number }): number => Math.round(1e9 / f.median);
  return [
    {
      id: 'ping-estimates/between-two-locations',
      measure: `\`estimatePingTimeBetweenTwoLocations\` over ${count.toLocaleString('en-US')} parsed locations`,
      subject: betweenFigure,
      target: '>= 5,000,000 per second (<= 200 ns each)',
      met: perSecond(betweenFigure) >= MIN_ESTIMATES_PER_SECOND,
      note: formatRate(perSecond(betweenFigure)),
      details: { perSecond: perSecond(betweenFigure) },
    },
    {
      id: 'ping-estimates/from-local-host',
      measure: `\`estimatePingTimeFromLocalHost\` over the same parsed locations`,
      subject: localFigure,
      target: 'report (what the lobby ranking calls)',
      met: undefined,
      note: formatRate(perSecond(localFigure)),
      details: { perSecond: perSecond(localFigure) },
    },
  ];
}
