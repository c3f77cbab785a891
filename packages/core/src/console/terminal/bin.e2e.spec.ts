/**
 * End-to-end (integration): the built `relaylane-console` bin as a child process, driven through
 * piped standard input and `--eval`. The package is built first when its build is missing or older
 * than a source file.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const packageRoot = path.resolve(__dirname, '../../..');
const sourceRoot = path.join(packageRoot, 'src');
const buildInfo = path.join(packageRoot, 'dist', '.tsbuildinfo');
const bin = path.join(packageRoot, 'dist', 'console', 'terminal', 'bin.js');

function newestSourceTime(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
      newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

function ensureBuilt(): void {
  const upToDate =
    existsSync(bin) &&
    existsSync(buildInfo) &&
    statSync(buildInfo).mtimeMs >= newestSourceTime(sourceRoot);
  if (upToDate) return;
  const tsc = require.resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-b', packageRoot], { stdio: 'pipe' });
  } catch (error) {
    const output = (error as { stdout?: Buffer }).stdout?.toString() ?? '';
    throw new Error(`Building @relaylane/core for the bin test failed (tsc -b):\n${output}`);
  }
}

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runBin(args: string[], stdin: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('relaylane-console (built bin, child process)', () => {
  beforeAll(ensureBuilt, 120_000);

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
