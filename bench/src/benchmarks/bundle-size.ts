/**
 * Browser bundle sizes: what a game's production build pays for Relaylane.
 *
 * Four small programs (`bench/src/fixtures/bundle-entries/`) are built with Vite, minified, for
 * production, against the packages' built files through their exports (see `harness/bundle.ts`):
 *
 * - core alone: `new Engine()`, a `Signal` with one listener, one tick;
 * - service, no backend: the same plus `NetworkingUtilsPlugin` on a trivial backend object
 *   written in the entry, so nothing in it asks for the simulation or Steam;
 * - service on the simulation: the same with the plugin on the simulated backend;
 * - service on the beacons backend alone: the same with the plugin on `beaconsBackend` from
 *   `@relaylane/steam-net-utils/beacons`. Vite builds without Node's `node` export condition, so
 *   it resolves the package's browser build (WebSocket probes), as a game's build does.
 *
 * Each build's figure is its gzipped size (level 9); the minified size goes with it. The core
 * build is the baseline of the service build, measured in the same run; target: the service
 * adds at most 25 KB (25 × 1,024 bytes) gzipped. The simulation build's baseline is the service
 * build: the difference is the simulation's own share (reported). The beacons build's baseline
 * is the core build too, with the same 25 KB target, and it must carry no simulation module
 * (its target needs both). The service and beacons rows keep their largest modules, how many of
 * their modules are the simulation's and whether `koffi` appears in them (and, for the beacons,
 * `dgram`: Node's UDP, which only the Node build uses): a build that names no such backend should
 * carry none of them.
 */
import path from 'node:path';

import { type BuiltBundle, buildBundles, GZIP_LEVEL } from '../harness/bundle.js';
import { medianRatio } from '../harness/statistics.js';
import { formatKilobytes } from '../report/format.js';
import { figure, type ResultRow } from '../report/results.js';

/** The entry programs, relative to the repository root. */
export const BUNDLE_ENTRIES_DIRECTORY = 'bench/src/fixtures/bundle-entries';

/** The script that runs Vite, relative to the repository root. */
export const VITE_BUNDLE_SCRIPT = 'bench/src/harness/vite-bundle.mjs';

/** The entry file of each build. */
export const BUNDLE_ENTRY_FILES = Object.freeze({
  core: 'core-alone.ts',
  service: 'service-custom-backend.ts',
  simulated: 'service-simulated.ts',
  beacons: 'service-beacons.ts',
});

/** The most the service without a backend may add to the core build, gzipped bytes. */
export const MAX_SERVICE_OVER_CORE_GZIP_BYTES = 25 * 1024;

/** The most the service on the beacons backend may add to the core build, gzipped bytes. */
export const MAX_BEACONS_OVER_CORE_GZIP_BYTES = 25 * 1024;

/** How many of the service and beacons builds' modules their rows list. */
export const LARGEST_MODULES_LISTED = 10;

/** Module ids of the simulated backend (its folder is `simulation/` or `backends/simulated/`). */
export const SIMULATION_MODULE_ID =
  /^@relaylane\/steam-net-utils\/dist\/(?:simulation|backends\/simulated)\//;

/** The four builds of one run. */
export interface BundleSizes {
  readonly core: BuiltBundle;
  readonly service: BuiltBundle;
  readonly simulated: BuiltBundle;
  readonly beacons: BuiltBundle;
}

/**
 * Builds the four entries against the built packages of the repository at `repositoryRoot`, in
 * a folder made and deleted under `temporaryDirectory` (default: the OS's temporary folder).
 *
 * @throws Error when a package is not built (`pnpm run build`) or a build fails.
 */
export function measureBundleSizes(
  repositoryRoot: string,
  temporaryDirectory?: string,
): BundleSizes {
  const entries = Object.entries(BUNDLE_ENTRY_FILES).map(([name, file]) => ({
    name,
    file: path.join(repositoryRoot, BUNDLE_ENTRIES_DIRECTORY, file),
  }));
  const built = buildBundles(entries, {
    nodeModules: path.join(repositoryRoot, 'node_modules'),
    builderScript: path.join(repositoryRoot, VITE_BUNDLE_SCRIPT),
    ...(temporaryDirectory === undefined ? {} : { temporaryDirectory }),
  });
  const named = (name: keyof typeof BUNDLE_ENTRY_FILES): BuiltBundle => {
    const bundle = built.find((candidate) => candidate.name === name);
    if (bundle === undefined) throw new Error(`The bundle build returned no '${name}' build.`);
    return bundle;
  };
  return {
    core: named('core'),
    service: named('service'),
    simulated: named('simulated'),
    beacons: named('beacons'),
  };
}

/** The bundle's modules that belong to the simulated backend. */
export function simulationModules(bundle: BuiltBundle): BuiltBundle['modules'] {
  return bundle.modules.filter((module) => SIMULATION_MODULE_ID.test(module.id));
}

/** Whether the bundle's code mentions koffi (the Steam backend's native binding) at all. */
export function mentionsKoffi(bundle: BuiltBundle): boolean {
  return bundle.code.includes('koffi');
}

/** Whether the bundle's code mentions `dgram` (Node's UDP, the beacons backend's Node transport). */
export function mentionsDgram(bundle: BuiltBundle): boolean {
  return bundle.code.includes('dgram');
}

/** The four rows of the group (see the file comment). */
export function bundleSizeRows(sizes: BundleSizes): ResultRow[] {
  const { core, service, simulated, beacons } = sizes;
  const overCore = service.gzipBytes - core.gzipBytes;
  const overService = simulated.gzipBytes - service.gzipBytes;
  const serviceSimulation = simulationModules(service);
  const serviceSimulationBytes = serviceSimulation.reduce((sum, m) => sum + m.renderedBytes, 0);
  return [
    {
      id: 'bundle-size/core',
      measure:
        'Browser bundle (Vite production build, gzip -9): core alone — `new Engine()`, a `Signal`, one tick',
      subject: figure('core build, gzipped', 'bundle bytes', [core.gzipBytes]),
      note: `${formatKilobytes(core.minifiedBytes)} minified`,
      target: 'report',
      met: undefined,
      details: bundleDetails(core),
    },
    {
      id: 'bundle-size/service-without-backend/over-core',
      measure:
        'the same plus `NetworkingUtilsPlugin` on a trivial backend object written in the entry (service, no backend)',
      subject: figure('service build, gzipped', 'bundle bytes', [service.gzipBytes]),
      baseline: figure('core build', 'bundle bytes', [core.gzipBytes]),
      ratio: medianRatio([service.gzipBytes], [core.gzipBytes]),
      note:
        `${formatKilobytes(overCore, true)} gz over core; ${formatKilobytes(service.minifiedBytes)} minified; ` +
        (serviceSimulation.length === 0
          ? 'no simulation module'
          : `${serviceSimulation.length} simulation modules (${formatKilobytes(serviceSimulationBytes)} rendered)`) +
        (mentionsKoffi(service) ? '; mentions koffi' : ''),
      target: `<= ${MAX_SERVICE_OVER_CORE_GZIP_BYTES / 1024} KB gz over core`,
      met: overCore <= MAX_SERVICE_OVER_CORE_GZIP_BYTES,
      details: {
        ...bundleDetails(service),
        overCoreGzipBytes: overCore,
        overCoreMinifiedBytes: service.minifiedBytes - core.minifiedBytes,
        maxOverCoreGzipBytes: MAX_SERVICE_OVER_CORE_GZIP_BYTES,
        simulationModules: serviceSimulation.length,
        simulationRenderedBytes: serviceSimulationBytes,
        mentionsKoffi: mentionsKoffi(service),
      },
      largestModules: {
        build: '"service, no backend"',
        modules: service.modules.slice(0, LARGEST_MODULES_LISTED),
      },
    },
    {
      id: 'bundle-size/simulated/over-service',
      measure: 'the same with the plugin on the simulated backend (Frankfurt) instead',
      subject: figure('simulation build, gzipped', 'bundle bytes', [simulated.gzipBytes]),
      baseline: figure('service build', 'bundle bytes', [service.gzipBytes]),
      ratio: medianRatio([simulated.gzipBytes], [service.gzipBytes]),
      note:
        `${formatKilobytes(overService, true)} gz over the service: the simulation's share` +
        (serviceSimulation.length === 0
          ? ''
          : ` beyond the ${serviceSimulation.length} simulation modules the service build carries`) +
        `; ${formatKilobytes(simulated.minifiedBytes)} minified`,
      target: "report (the simulation's share)",
      met: undefined,
      details: {
        ...bundleDetails(simulated),
        overServiceGzipBytes: overService,
        overServiceMinifiedBytes: simulated.minifiedBytes - service.minifiedBytes,
        simulationModules: simulationModules(simulated).length,
      },
    },
    beaconsRow(core, beacons),
  ];
}

/** The beacons build's row: over core, with no simulation module. */
function beaconsRow(core: BuiltBundle, beacons: BuiltBundle): ResultRow {
  const overCore = beacons.gzipBytes - core.gzipBytes;
  const simulation = simulationModules(beacons);
  const simulationBytes = simulation.reduce((sum, m) => sum + m.renderedBytes, 0);
  return {
    id: 'bundle-size/service-beacons/over-core',
    measure:
      'the same with the plugin on the beacons backend alone (`beaconsBackend` from `@relaylane/steam-net-utils/beacons`, its browser build)',
    subject: figure('beacons build, gzipped', 'bundle bytes', [beacons.gzipBytes]),
    baseline: figure('core build', 'bundle bytes', [core.gzipBytes]),
    ratio: medianRatio([beacons.gzipBytes], [core.gzipBytes]),
    note:
      `${formatKilobytes(overCore, true)} gz over core; ${formatKilobytes(beacons.minifiedBytes)} minified; ` +
      (simulation.length === 0
        ? 'no simulation module'
        : `${simulation.length} simulation modules (${formatKilobytes(simulationBytes)} rendered)`) +
      (mentionsKoffi(beacons) ? '; mentions koffi' : '') +
      (mentionsDgram(beacons) ? '; mentions dgram' : ''),
    target: `<= ${MAX_BEACONS_OVER_CORE_GZIP_BYTES / 1024} KB gz over core, no simulation module`,
    met: overCore <= MAX_BEACONS_OVER_CORE_GZIP_BYTES && simulation.length === 0,
    details: {
      ...bundleDetails(beacons),
      overCoreGzipBytes: overCore,
      overCoreMinifiedBytes: beacons.minifiedBytes - core.minifiedBytes,
      maxOverCoreGzipBytes: MAX_BEACONS_OVER_CORE_GZIP_BYTES,
      simulationModules: simulation.length,
      simulationRenderedBytes: simulationBytes,
      mentionsKoffi: mentionsKoffi(beacons),
      mentionsDgram: mentionsDgram(beacons),
    },
    largestModules: {
      build: '"service on the beacons backend alone"',
      modules: beacons.modules.slice(0, LARGEST_MODULES_LISTED),
    },
  };
}

/** Builds the four entries and gives the group's rows. */
export function runBundleSizeBenchmark(repositoryRoot: string): ResultRow[] {
  return bundleSizeRows(measureBundleSizes(repositoryRoot));
}

function bundleDetails(bundle: BuiltBundle): Record<string, number | string | boolean> {
  return {
    minifiedBytes: bundle.minifiedBytes,
    gzipBytes: bundle.gzipBytes,
    gzipLevel: GZIP_LEVEL,
    files: bundle.fileCount,
    modules: bundle.modules.length,
    viteWarnings: bundle.warnings.length,
  };
}
