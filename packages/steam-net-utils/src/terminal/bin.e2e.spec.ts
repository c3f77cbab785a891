/**
 * End-to-end: the `relaylane-net` bin (the checked-in one the package manager links, which loads
 * the built program) as a child process on its real fixed-rate loop, driven through a pipe and
 * through `--eval`. The test command builds first; a missing or stale build fails with what to run.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

import {
  requireFreshBuild,
  runBin as runScript,
} from '../../../core/src/test-support/built-bin.js';

const packageRoot = path.resolve(__dirname, '..', '..');
const builtProgram = path.join(packageRoot, 'dist', 'net-console.js');
const bin = path.join(packageRoot, 'bin', 'relaylane-net.js');
/** The bin runs in real time: the simulation needs a few seconds to measure. */
const RUN_TIMEOUT_MS = 60_000;

const runBin = (args: string[], stdin: string) => runScript(bin, args, stdin, RUN_TIMEOUT_MS);

describe('relaylane-net (the bin, child process)', () => {
  beforeAll(() => requireFreshBuild(packageRoot, builtProgram));

  it(
    'runs a piped script: waits for the relay network, then every POP with its ping',
    async () => {
      const run = await runBin(['--location', 'Sydney'], 'net.wait 30\nnet.pops\nnet.ping syd\n');
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/relay network current after \d+\.\d s/);
      expect(run.stdout).toMatch(/syd/);
    },
    RUN_TIMEOUT_MS,
  );

  it('is linked at the repository root by the install, so `npx relaylane-net` works in a clone', () => {
    // The package manager links a bin when it installs, before anything is built: the linked
    // file is the checked-in bin, which exists then (a bin in dist/ was never linked: npx 404).
    const repositoryRoot = path.resolve(packageRoot, '..', '..');
    for (const name of ['relaylane-net', 'relaylane-console', 'relaylane-beacon']) {
      expect(existsSync(path.join(repositoryRoot, 'node_modules', '.bin', name))).toBe(true);
    }
  });

  it('answers --eval and --help, and exits 2 naming a bad option', async () => {
    const status = await runBin(['-e', 'net.status'], '');
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/backend: simulated/);
    const help = await runBin(['--help'], '');
    expect(help.stdout).toMatch(/^Usage: relaylane-net/);
    const bad = await runBin(['--seed', 'x'], '');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/relaylane-net: --seed takes an integer/);
  });
});
