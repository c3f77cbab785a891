/**
 * `pnpm bench`: runs every benchmark on the built packages, prints the table, writes
 * `bench/results.json` and the generated section of `BENCHMARKS.md`.
 *
 *   node --expose-gc bench/dist/bench/src/run.js [--no-write] [--quick] [--only group,group]
 *
 * `--no-write` prints the table without touching either file; `--quick` runs small sizes for a
 * few seconds to check the setup (and writes nothing); `--only` runs some of the groups
 * (`signal`, `tick`, `locations`, `estimator`, `heap`, `steam`, `beacon`, `bundle-size`) and
 * writes nothing.
 */
import 'reflect-metadata';

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as prettier from 'prettier';

import { BENCH_GROUPS, type BenchGroup, FULL_SETTINGS, QUICK_SETTINGS, runSuite } from './suite.js';
import { describeMachine } from './report/machine.js';
import {
  type BenchRun,
  renderModuleTables,
  renderResultsSection,
  renderTable,
  replaceResultsSection,
} from './report/markdown.js';
import { STEAM_DOUBLE_SOURCE } from './fixtures/steam-double.js';

// bench/dist/bench/src/run.js -> the repository root (the build keeps the repository's layout
// under bench/dist, because the benchmarks compile the package's test-double builder too).
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const quick = process.argv.includes('--quick');
const groups = selectedGroups(process.argv);
const write = !quick && groups === BENCH_GROUPS && !process.argv.includes('--no-write');
const settings = quick ? QUICK_SETTINGS : FULL_SETTINGS;

const started = performance.now();
const machine = describeMachine();
console.log(`Relaylane benchmarks on ${machine.cpu}, Node ${machine.node} ${machine.platform}`);
const rows = await runSuite(
  settings,
  { repositoryRoot: root, steamDoubleSource: path.join(root, STEAM_DOUBLE_SOURCE) },
  (line) => console.log(`- ${line}`),
  groups,
);
const run: BenchRun = {
  machine,
  settings: {
    rounds: settings.measure.rounds,
    'ms per task and round': `${settings.measure.timeMs} (batches) / ${settings.passMeasure.timeMs} (whole-set passes)`,
    'location strings': settings.locationCount,
    'heap sessions': settings.heapRounds,
    'beacon echo ms per server and round': settings.beacon.runMs,
    'beacon flood': `${settings.beacon.floodSeconds} s, ${settings.beacon.floodClients} clients`,
    seed: settings.seed,
  },
  rows,
  durationSeconds: (performance.now() - started) / 1000,
};

console.log(`\n${renderTable(rows)}\n`);
const moduleTables = renderModuleTables(rows);
if (moduleTables !== '') console.log(`${moduleTables}\n`);
if (write) {
  const resultsPath = path.join(root, 'bench', 'results.json');
  writeFileSync(resultsPath, await formatted(resultsPath, JSON.stringify(run, null, 2)));
  const markdownPath = path.join(root, 'BENCHMARKS.md');
  let existing: string | undefined;
  try {
    existing = readFileSync(markdownPath, 'utf8');
  } catch {
    existing = undefined;
  }
  writeFileSync(
    markdownPath,
    await formatted(markdownPath, replaceResultsSection(existing, renderResultsSection(run))),
  );
  console.log(
    `Wrote ${path.relative(root, resultsPath)} and ${path.relative(root, markdownPath)}.`,
  );
}
const missed = rows.filter((row) => row.met === false).length;
console.log(missed === 0 ? 'Every target met.' : `${missed} target(s) missed: see BENCHMARKS.md.`);

/** The groups `--only a,b` names (every group without it); exits on a name it does not know. */
function selectedGroups(argv: readonly string[]): readonly BenchGroup[] {
  const at = argv.indexOf('--only');
  if (at === -1) return BENCH_GROUPS;
  const names = (argv[at + 1] ?? '').split(',').filter((name) => name !== '');
  const unknown = names.filter((name) => !(BENCH_GROUPS as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    console.error(
      `--only takes a comma-separated list of ${BENCH_GROUPS.join(', ')}; got '${argv[at + 1] ?? ''}'.`,
    );
    process.exit(2);
  }
  return BENCH_GROUPS.filter((group) => names.includes(group));
}

/** `text` as the repository's Prettier settings write the file at `filePath` (`pnpm format:check`). */
async function formatted(filePath: string, text: string): Promise<string> {
  const options = (await prettier.resolveConfig(filePath)) ?? {};
  return prettier.format(text, { ...options, filepath: filePath });
}
