/**
 * Estimates from parsed locations through the service on the simulated backend:
 * `estimatePingTimeBetweenTwoLocations` over pairs of distinct parsed locations (target: at
 * least 5 million a second), and, reported alongside, `estimatePingTimeFromLocalHost` (what the
 * lobby ranking calls), each over the locations prepared once and over their byte arrays. One
 * timed call makes `estimatesPerRun` estimates; the pairs walk through the whole set across
 * calls.
 */
import { type NetworkingUtils, PreparedPingLocation } from '@relaylane/steam-net-utils';

import { type MeasureOptions, measureRounds, type Workload } from '../harness/measure.js';
import { sink } from '../harness/sink.js';
import { formatRate } from '../report/format.js';
import { figure, type ResultRow } from '../report/results.js';

/** The rate the between-two-locations estimate must reach, per second. */
export const MIN_ESTIMATES_PER_SECOND = 5_000_000;

/** Parses every text with the service; throws when one does not parse. */
export function parseAll(networkingUtils: NetworkingUtils, texts: readonly string[]): Uint8Array[] {
  return texts.map((text) => {
    const parsed = networkingUtils.parsePingLocationString(text);
    if (!parsed.success) throw new Error(`parsePingLocationString refused '${text}'.`);
    return parsed.ping_location;
  });
}

type Location = Uint8Array | PreparedPingLocation;

/**
 * Two workloads walking `locations` (`estimates` per call): between each location and the one a
 * fixed stride away, and from the local host to each.
 */
function estimateWorkloads(
  networkingUtils: NetworkingUtils,
  locations: readonly Location[],
  estimates: number,
  label: string,
): Workload[] {
  const count = locations.length;
  // The second location of pair i is a fixed stride away, never the first one itself.
  const stride = count > 7919 ? 7919 : 1;
  let between = 0;
  let fromLocal = 0;
  return [
    {
      name: `between${label}`,
      opsPerRun: estimates,
      run: () => {
        let i = between;
        for (let n = 0; n < estimates; n++) {
          const j = i + stride < count ? i + stride : i + stride - count;
          sink.total += networkingUtils.estimatePingTimeBetweenTwoLocations(
            locations[i]!,
            locations[j]!,
          );
          i = i + 1 < count ? i + 1 : 0;
        }
        between = i;
      },
    },
    {
      name: `local${label}`,
      opsPerRun: estimates,
      run: () => {
        let i = fromLocal;
        for (let n = 0; n < estimates; n++) {
          sink.total += networkingUtils.estimatePingTimeFromLocalHost(locations[i]!);
          i = i + 1 < count ? i + 1 : 0;
        }
        fromLocal = i;
      },
    },
  ];
}

/**
 * Runs the estimate benchmark over `locations` (parsed by `steam`, at least 2): as byte arrays
 * (GodotSteam's form, read and validated on every call) and prepared once
 * (`PreparedPingLocation`, what the lobby ranking keeps). The rate target is on the prepared
 * form; the byte form is reported beside it.
 */
export function runPingEstimateBenchmark(
  networkingUtils: NetworkingUtils,
  locations: readonly Uint8Array[],
  measure: MeasureOptions,
  estimatesPerRun: number,
): ResultRow[] {
  const count = locations.length;
  if (count < 2) throw new RangeError('runPingEstimateBenchmark: give at least 2 locations.');
  const prepared = locations.map((location) => PreparedPingLocation.from(location));
  const figures = measureRounds(
    [
      ...estimateWorkloads(networkingUtils, locations, estimatesPerRun, ' (bytes)'),
      ...estimateWorkloads(networkingUtils, prepared, estimatesPerRun, ' (prepared)'),
    ],
    measure,
  );
  const perSecond = (f: { median: number }): number => Math.round(1e9 / f.median);
  const n = count.toLocaleString('en-US');
  const row = (
    id: string,
    name: string,
    workload: string,
    measureText: string,
    target: string,
    minPerSecond: number | undefined,
  ): ResultRow => {
    const subject = figure(name, 'ns/op', figures.get(workload)!);
    return {
      id,
      measure: measureText,
      subject,
      target,
      met: minPerSecond === undefined ? undefined : perSecond(subject) >= minPerSecond,
      note: formatRate(perSecond(subject)),
      details: { perSecond: perSecond(subject) },
    };
  };
  return [
    row(
      'ping-estimates/between-two-locations/prepared',
      'estimatePingTimeBetweenTwoLocations (prepared)',
      'between (prepared)',
      `\`estimatePingTimeBetweenTwoLocations\` over ${n} parsed locations, prepared once (\`PreparedPingLocation\`)`,
      '>= 5,000,000 per second (<= 200 ns each)',
      MIN_ESTIMATES_PER_SECOND,
    ),
    row(
      'ping-estimates/between-two-locations/bytes',
      'estimatePingTimeBetweenTwoLocations (bytes)',
      'between (bytes)',
      `the same over the 512-byte arrays (GodotSteam's form: both validated on every call)`,
      'report',
      undefined,
    ),
    row(
      'ping-estimates/from-local-host/prepared',
      'estimatePingTimeFromLocalHost (prepared)',
      'local (prepared)',
      '`estimatePingTimeFromLocalHost` over the same prepared locations (what the lobby ranking calls)',
      'report',
      undefined,
    ),
    row(
      'ping-estimates/from-local-host/bytes',
      'estimatePingTimeFromLocalHost (bytes)',
      'local (bytes)',
      '`estimatePingTimeFromLocalHost` over the 512-byte arrays',
      'report',
      undefined,
    ),
  ];
}
