import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { type BuiltBundle } from '../harness/bundle.js';
import {
  BUNDLE_ENTRY_FILES,
  bundleSizeRows,
  type BundleSizes,
  LARGEST_MODULES_LISTED,
  MAX_BEACONS_OVER_CORE_GZIP_BYTES,
  MAX_SERVICE_OVER_CORE_GZIP_BYTES,
  measureBundleSizes,
  mentionsDgram,
  mentionsKoffi,
  simulationModules,
} from './bundle-size.js';

// From bench/src/benchmarks to the repository root. The builds use the packages' built files.
const repositoryRoot = path.resolve(__dirname, '..', '..', '..');

/**
 * Node's flags to run a browser build with: Node before 22 has a `WebSocket` only behind a flag,
 * and the beacons backend's browser build needs one to start.
 */
const browserLikeNode =
  Number(process.versions.node.split('.')[0]) < 22 ? ['--experimental-websocket'] : [];

/** The bytes the packages put in a bundle: every module but the entry program itself. */
function packageBytes(bundle: BuiltBundle, entryFile: string): number {
  return bundle.modules
    .filter((module) => module.id !== entryFile)
    .reduce((sum, module) => sum + module.renderedBytes, 0);
}

describe('bundle-size benchmark (smoke, one Vite build of each entry on the built packages)', () => {
  // The build's folder is made in this scratch folder, to see that it is deleted.
  let scratch: string;
  let sizes: BundleSizes;
  beforeAll(() => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'relaylane-bench-spec-'));
    sizes = measureBundleSizes(repositoryRoot, scratch);
  }, 60_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('deletes its temporary folder once the builds are measured', () => {
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('builds each entry into one file, with no warning from Vite', () => {
    for (const bundle of [sizes.core, sizes.service, sizes.simulated, sizes.beacons]) {
      expect(bundle.fileCount).toBe(1);
      expect(bundle.warnings).toEqual([]);
    }
    expect(sizes.core.modules.map((module) => module.id)).toContain(BUNDLE_ENTRY_FILES.core);
    expect(sizes.core.modules.map((module) => module.id)).toContain(
      '@relaylane/core/dist/engine.js',
    );
  });

  it('gives plausible sizes: core above zero and smaller gzipped, the service at least core', () => {
    const { core, service } = sizes;
    expect(core.gzipBytes).toBeGreaterThan(0);
    expect(core.gzipBytes).toBeLessThan(core.minifiedBytes);
    expect(service.gzipBytes).toBeGreaterThanOrEqual(core.gzipBytes);
    expect(service.minifiedBytes).toBeGreaterThanOrEqual(core.minifiedBytes);
    expect(sizes.simulated.gzipBytes).toBeGreaterThanOrEqual(core.gzipBytes);
    expect(sizes.beacons.gzipBytes).toBeGreaterThanOrEqual(service.gzipBytes);
  });

  it("puts at least as much of the packages' code in the simulation build as in the service build", () => {
    expect(packageBytes(sizes.simulated, BUNDLE_ENTRY_FILES.simulated)).toBeGreaterThanOrEqual(
      packageBytes(sizes.service, BUNDLE_ENTRY_FILES.service),
    );
  });

  // A build carries only the backend it names: the simulation adds to the service build.
  it('makes the simulation build at least as large as the service build', () => {
    expect(sizes.simulated.gzipBytes).toBeGreaterThanOrEqual(sizes.service.gzipBytes);
  });

  it("sees the simulation's modules in the simulation build (what the next checks look for)", () => {
    expect(simulationModules(sizes.simulated).length).toBeGreaterThan(0);
  });

  it('keeps koffi out of the service build without a backend', () => {
    expect(mentionsKoffi(sizes.service)).toBe(false);
  });

  it('keeps the simulation out of the service build without a backend', () => {
    expect(simulationModules(sizes.service).map((module) => module.id)).toEqual([]);
  });

  it("builds the beacons backend's browser build: its modules, no Node transport, no koffi", () => {
    const ids = sizes.beacons.modules.map((module) => module.id);
    expect(ids).toContain('@relaylane/steam-net-utils/dist/beacons.js');
    expect(ids).not.toContain('@relaylane/steam-net-utils/dist/beacons-node.js');
    expect(ids.filter((id) => id.includes('/node-transports/'))).toEqual([]);
    expect(mentionsDgram(sizes.beacons)).toBe(false);
    expect(mentionsKoffi(sizes.beacons)).toBe(false);
  });

  it('builds programs that run: each prints its frame line in Node, without reflect-metadata', () => {
    for (const bundle of [sizes.core, sizes.service, sizes.simulated, sizes.beacons]) {
      const run = spawnSync(process.execPath, [...browserLikeNode, '--input-type=module'], {
        input: bundle.code,
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`frame of ${1 / 60} s`);
    }
  });

  it('gives four rows: core reported, the service against core with the 25 KB target, the simulation against the service, the beacons against core', () => {
    const [core, service, simulated, beacons, ...rest] = bundleSizeRows(sizes);
    expect(rest).toHaveLength(0);
    expect(core!.met).toBeUndefined();
    expect(core!.subject.median).toBe(sizes.core.gzipBytes);

    expect(service!.baseline!.median).toBe(sizes.core.gzipBytes);
    expect(service!.details!['overCoreGzipBytes']).toBe(
      sizes.service.gzipBytes - sizes.core.gzipBytes,
    );
    expect(service!.met).toBe(
      sizes.service.gzipBytes - sizes.core.gzipBytes <= MAX_SERVICE_OVER_CORE_GZIP_BYTES,
    );
    expect(service!.note).toMatch(/^[+-]\d+\.\d KB gz over core/);
    const listed = service!.largestModules!.modules;
    expect(listed).toHaveLength(LARGEST_MODULES_LISTED);
    expect(listed.map((module) => module.renderedBytes)).toEqual(
      [...listed.map((module) => module.renderedBytes)].sort((a, b) => b - a),
    );

    expect(simulated!.baseline!.median).toBe(sizes.service.gzipBytes);
    expect(simulated!.met).toBeUndefined();

    expect(beacons!.baseline!.median).toBe(sizes.core.gzipBytes);
    expect(beacons!.details!['overCoreGzipBytes']).toBe(
      sizes.beacons.gzipBytes - sizes.core.gzipBytes,
    );
    expect(beacons!.met).toBe(
      sizes.beacons.gzipBytes - sizes.core.gzipBytes <= MAX_BEACONS_OVER_CORE_GZIP_BYTES &&
        simulationModules(sizes.beacons).length === 0,
    );
    expect(beacons!.note).toMatch(/^[+-]\d+\.\d KB gz over core/);
    expect(beacons!.largestModules!.modules).toHaveLength(LARGEST_MODULES_LISTED);
  });
});
