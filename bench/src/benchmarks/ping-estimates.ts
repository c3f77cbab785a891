/**
 * Estimates from parsed locations through the service on the simulated backend:
 * `estimatePingTimeBetweenTwoLocations` over pairs of distinct parsed locations and
 * `estimatePingTimeFromLocalHost` (what the service's lobby ranking calls), each over the
 * locations prepared once (`PreparedPingLocation`) and over their 512-byte arrays. One timed call
 * makes `estimatesPerRun` estimates; the pairs walk through the whole set across calls.
 *
 * Every row reports. The between-two-locations rows have a baseline measured in the same rounds:
 * the estimator's `estimate(a, b)` over the same pairs, parsed by the estimator (the service's
 * answer is checked to be the same for every pair first), so their ratio is what the service and
 * the simulated backend add to the estimate itself. The estimate's own target is a ratio to a bare
 * kernel (`estimator.ts`), no longer an absolute rate, which moved with the machine.
 */
import { type NetworkingUtils, PreparedPingLocation } from '@relaylane/steam-net-utils';
import { estimate, type PingLocation } from '@relaylane/steam-net-utils/estimator';

import { type MeasureOptions, measureRounds, type Workload } from '../harness/measure.js';
import { sink } from '../harness/sink.js';
import { formatRate } from '../report/format.js';
import { comparisonRow, figure, type ResultRow } from '../report/results.js';

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
  let between = 0;
  let fromLocal = 0;
  return [
    {
      name: `between${label}`,
      opsPerRun: estimates,
      run: () => {
        let i = between;
        for (let n = 0; n < estimates; n++) {
          const j = pairPartner(i, count);
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

/** The second location of pair `i` among `count`: a fixed stride away, never `i` itself. */
export function pairPartner(i: number, count: number): number {
  const stride = count > 7919 ? 7919 : 1;
  return i + stride < count ? i + stride : i + stride - count;
}

/**
 * Runs the estimate benchmark over `locations` (parsed by `networkingUtils`, at least 2) and
 * `parsed` (the same strings parsed by the estimator, in the same order): the service over the
 * byte arrays (GodotSteam's form, read and validated on every call) and prepared once
 * (`PreparedPingLocation`, what the service's lobby ranking keeps), and the estimator's
 * `estimate` between the same pairs as the baseline of the between-two-locations rows.
 *
 * @throws Error when the service's estimate of a pair differs from the estimator's.
 */
export function runPingEstimateBenchmark(
  networkingUtils: NetworkingUtils,
  locations: readonly Uint8Array[],
  parsed: readonly PingLocation[],
  measure: MeasureOptions,
  estimatesPerRun: number,
): ResultRow[] {
  const count = locations.length;
  if (count < 2 || parsed.length !== count) {
    throw new RangeError(
      'runPingEstimateBenchmark: give at least 2 locations, parsed by the service and the estimator.',
    );
  }
  const prepared = locations.map((location) => PreparedPingLocation.from(location));
  for (let i = 0; i < count; i++) {
    const j = pairPartner(i, count);
    const service = networkingUtils.estimatePingTimeBetweenTwoLocations(prepared[i]!, prepared[j]!);
    const expected = estimate(parsed[i]!, parsed[j]!);
    if (service !== expected) {
      throw new Error(
        `The service estimates ${service} ms between locations ${i} and ${j}, the estimator ${expected}.`,
      );
    }
  }
  let estimatorAt = 0;
  const figures = measureRounds(
    [
      ...estimateWorkloads(networkingUtils, locations, estimatesPerRun, ' (bytes)'),
      ...estimateWorkloads(networkingUtils, prepared, estimatesPerRun, ' (prepared)'),
      {
        name: 'estimator',
        opsPerRun: estimatesPerRun,
        run: () => {
          let i = estimatorAt;
          for (let n = 0; n < estimatesPerRun; n++) {
            sink.total += estimate(parsed[i]!, parsed[pairPartner(i, count)]!);
            i = i + 1 < count ? i + 1 : 0;
          }
          estimatorAt = i;
        },
      },
    ],
    measure,
  );
  const perSecond = (f: { median: number }): number => Math.round(1e9 / f.median);
  const n = count.toLocaleString('en-US');
  const estimator = figure(
    'estimator estimate(a, b), same pairs',
    'ns/op',
    figures.get('estimator')!,
  );
  const betweenRow = (id: string, name: string, workload: string, text: string): ResultRow => {
    const subject = figure(name, 'ns/op', figures.get(workload)!);
    return {
      ...comparisonRow({
        id,
        measure: text,
        subject,
        baseline: estimator,
        maxRatio: undefined,
        target: 'report (what the service adds to the estimate)',
        details: { perSecond: perSecond(subject), estimatorPerSecond: perSecond(estimator) },
      }),
      note: formatRate(perSecond(subject)),
    };
  };
  const localRow = (id: string, name: string, workload: string, text: string): ResultRow => {
    const subject = figure(name, 'ns/op', figures.get(workload)!);
    return {
      id,
      measure: text,
      subject,
      target: 'report',
      met: undefined,
      note: formatRate(perSecond(subject)),
      details: { perSecond: perSecond(subject) },
    };
  };
  return [
    betweenRow(
      'ping-estimates/between-two-locations/prepared',
      'estimatePingTimeBetweenTwoLocations (prepared)',
      'between (prepared)',
      `Service \`estimatePingTimeBetweenTwoLocations\` over ${n} parsed locations, prepared once (\`PreparedPingLocation\`)`,
    ),
    betweenRow(
      'ping-estimates/between-two-locations/bytes',
      'estimatePingTimeBetweenTwoLocations (bytes)',
      'between (bytes)',
      `the same over the 512-byte arrays (GodotSteam's form: both validated on every call)`,
    ),
    localRow(
      'ping-estimates/from-local-host/prepared',
      'estimatePingTimeFromLocalHost (prepared)',
      'local (prepared)',
      "`estimatePingTimeFromLocalHost` over the same prepared locations (what the service's lobby ranking calls)",
    ),
    localRow(
      'ping-estimates/from-local-host/bytes',
      'estimatePingTimeFromLocalHost (bytes)',
      'local (bytes)',
      '`estimatePingTimeFromLocalHost` over the 512-byte arrays',
    ),
  ];
}
