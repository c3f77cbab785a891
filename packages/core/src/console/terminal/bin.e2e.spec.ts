/**
 * End-to-end (integration): the `relaylane-console` bin (the checked-in one the package manager
 * links, which loads the built program) as a child process, driven through
 * piped standard input and `--eval`. The test command builds first; a missing or stale build fails
 * with what to run.
 */
import path from 'node:path';

import { requireFreshBuild, runBin as runScript } from '../../test-support/built-bin.js';

const packageRoot = path.resolve(__dirname, '../../..');
const builtProgram = path.join(packageRoot, 'dist', 'console', 'terminal', 'bin.js');
// The checked-in bin the package manager links, which loads the built program.
const bin = path.join(packageRoot, 'bin', 'relaylane-console.js');

const runBin = (args: string[], stdin: string) => runScript(bin, args, stdin);

describe('relaylane-console (built bin, child process)', () => {
  beforeAll(() => requireFreshBuild(packageRoot, builtProgram));

  it('runs piped commands against a bare engine and exits 0', async () => {
    const run = await runBin([], 'plugins\nsingletons\nhelp clear\n');
    expect(run).toEqual({
      code: 0,
      stdout:
        "1. dev-console\nNo singleton is registered.\nUsage: clear\nClear the console's scrollback.\n",
      stderr: '',
    });
  });

  it('exits 1 when a piped command failed, with the message on stderr', async () => {
    const run = await runBin([], 'plugins\nnet.pops\n');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("Unknown command 'net.pops'. Type 'help' for the list.\n");
  });

  it('runs --eval commands without reading stdin', async () => {
    const run = await runBin(['-e', 'plugins', '--eval', 'history'], 'nope\n');
    expect(run).toEqual({
      code: 0,
      stdout: '1. dev-console\n1  plugins\n2  history\n',
      stderr: '',
    });
  });
});
