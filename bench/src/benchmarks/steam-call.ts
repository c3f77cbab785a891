/**
 * One call of the Steam backend through koffi into the native test double:
 * `estimatePingTimeFromLocalHost` on the service over the Steam backend, against an empty koffi
 * call into the same library (`SteamAPI_GetHSteamPipe`, which only returns the pipe). Target: at
 * most 2 times the empty call.
 *
 * Reported alongside, to show where the time goes: the backend's method without the service, and
 * the same C function called straight through koffi with no Relaylane code at all. The double
 * appends every call to its call log (the estimate's line spells out the 512-byte location); the
 * log is cleared after every timed call, outside the timing.
 */
import { type MeasureOptions, measureRounds, type Workload } from '../harness/measure.js';
import { sink } from '../harness/sink.js';
import { type SteamDoubleControls } from '../fixtures/steam-double.js';
import { startMeasuredSteamService } from '../fixtures/steam-session.js';
import { comparisonRow, figure, type ResultRow } from '../report/results.js';

/** Runs the Steam call benchmark on the double behind `controls`. */
export function runSteamCallBenchmark(
  controls: SteamDoubleControls,
  measure: MeasureOptions,
  callsPerRun: number,
): ResultRow[] {
  const { steam, backend } = startMeasuredSteamService(controls);
  try {
    const location = steam.getLocalPingLocation().location;
    const estimate = steam.estimatePingTimeFromLocalHost(location);
    if (!(estimate >= 0)) {
      throw new Error(`The double estimated ${estimate} for its own location; expected a ping.`);
    }
    const getHSteamPipe = controls.getHSteamPipe;
    const calls = callsPerRun;
    const afterEach = (): void => controls.clearLog();
    const workloads: Workload[] = [
      {
        name: 'service',
        opsPerRun: calls,
        afterEach,
        run: () => {
          for (let i = 0; i < calls; i++)
            sink.total += steam.estimatePingTimeFromLocalHost(location);
        },
      },
      {
        name: 'backend',
        opsPerRun: calls,
        afterEach,
        run: () => {
          for (let i = 0; i < calls; i++)
            sink.total += backend.estimatePingTimeFromLocalHost(location);
        },
      },
      {
        name: 'raw',
        opsPerRun: calls,
        afterEach,
        run: () => {
          for (let i = 0; i < calls; i++) sink.total += controls.rawEstimateFromLocalHost(location);
        },
      },
      {
        name: 'empty',
        opsPerRun: calls,
        afterEach,
        run: () => {
          for (let i = 0; i < calls; i++) sink.total += getHSteamPipe();
        },
      },
    ];
    const figures = measureRounds(workloads, measure);
    const empty = figure(
      'empty koffi call (SteamAPI_GetHSteamPipe)',
      'ns/op',
      figures.get('empty')!,
    );
    return [
      comparisonRow({
        id: 'steam-call/service-estimate-from-local-host/vs-empty-koffi-call',
        measure:
          'Steam backend through koffi into the test double: `steam.estimatePingTimeFromLocalHost` (service)',
        subject: figure(
          'NetworkingUtils.estimatePingTimeFromLocalHost',
          'ns/op',
          figures.get('service')!,
        ),
        baseline: empty,
        maxRatio: 2,
        target: '<= 2',
      }),
      comparisonRow({
        id: 'steam-call/backend-estimate-from-local-host/vs-empty-koffi-call',
        measure: 'the same through `SteamworksBackend.estimatePingTimeFromLocalHost` (no service)',
        subject: figure(
          'SteamworksBackend.estimatePingTimeFromLocalHost',
          'ns/op',
          figures.get('backend')!,
        ),
        baseline: empty,
        maxRatio: undefined,
        target: 'report (where the time goes)',
      }),
      comparisonRow({
        id: 'steam-call/raw-koffi-estimate/vs-empty-koffi-call',
        measure: 'the same C function straight through koffi (no Relaylane code)',
        subject: figure('raw koffi EstimatePingTimeFromLocalHost', 'ns/op', figures.get('raw')!),
        baseline: empty,
        maxRatio: undefined,
        target: "report (the double's own cost)",
      }),
    ];
  } finally {
    steam.dispose();
  }
}
