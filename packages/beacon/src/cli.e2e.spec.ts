/**
 * End-to-end: the `relaylane-beacon` bin (the checked-in one, which loads dist/cli.js) as a child
 * process, on port 0. The
 * test command builds first (`pnpm run build` in scripts/test.sh); a missing or stale build is a
 * failure that says so, not something this spec builds.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

import { requireFreshBuild } from '../../core/src/test-support/built-bin.js';
import { UdpTestClient } from './test-support/udp-client.js';

const packageRoot = path.resolve(__dirname, '..');
const builtCli = path.join(packageRoot, 'dist', 'cli.js');
// The checked-in bin the package manager links, which loads the built CLI.
const bin = path.join(packageRoot, 'bin', 'relaylane-beacon.js');

interface Exit {
  readonly code: number | null;
  readonly stderr: string;
}

describe('relaylane-beacon (built bin, child process)', () => {
  beforeAll(() => requireFreshBuild(packageRoot, builtCli));

  it('listens, answers a probe, and exits 0 on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        bin,
        '--code',
        'fra',
        '--geo',
        '8.68,50.12',
        '--host',
        '127.0.0.1',
        '--udp-port',
        '0',
        '--http-port',
        '0',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<Exit>((resolve) =>
      child.on('close', (code) => resolve({ code, stderr })),
    );
    const lines = createInterface({ input: child.stdout });
    const firstLine = await new Promise<string>((resolve, reject) => {
      const timeout = setTimeout(
        () => reject(new Error(`no line within 10 s; stderr: ${stderr}`)),
        10_000,
      );
      lines.once('line', (line) => {
        clearTimeout(timeout);
        resolve(line);
      });
    });
    const listening = JSON.parse(firstLine) as { msg: string; udp: string };
    expect(listening.msg).toBe('listening');

    const udp = await UdpTestClient.open();
    const probe = Buffer.from([0xff, 0xff, 0x52, 0x4c, 0, 0, 0, 9, 1, 2, 3, 4]);
    const answer = await udp.roundTrip(probe, Number(listening.udp.split(':')[1]));
    expect([...answer]).toEqual([0, 0, ...probe.subarray(2)]);
    await udp.close();

    child.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, stderr: '' });
  }, 20_000);

  it('exits 2 for a POP code that is not one', async () => {
    const child = spawn(process.execPath, [bin, '--code', 'Frankfurt', '--geo', '8.68,50.12'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain("--code: 'Frankfurt' is not a POP code");
  }, 20_000);
});
