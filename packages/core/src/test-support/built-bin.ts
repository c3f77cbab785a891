/**
 * For end-to-end specs that run a package's built files (a bin as a child process): the test
 * command builds first (`pnpm run build` in scripts/test.sh), so a missing or stale build is a
 * failure that says what to run, not something a spec builds behind the developer's back.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Folders of test code, which the build leaves out (a change there rebuilds nothing). */
const UNBUILT_FOLDERS = new Set(['test-support', 'test-double']);

/** The newest modification time of a built source file under `directory`. */
function newestSourceTime(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!UNBUILT_FOLDERS.has(entry.name)) newest = Math.max(newest, newestSourceTime(full));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
      newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

/**
 * Throws unless `builtFile` exists and the package's build (its `.tsbuildinfo`, which `tsc -b`
 * always rewrites) is newer than every source file under its `src/`.
 */
export function requireFreshBuild(packageRoot: string, builtFile: string): void {
  const buildInfo = path.join(packageRoot, '.tsbuildinfo');
  const built = existsSync(builtFile) && existsSync(buildInfo) ? statSync(buildInfo).mtimeMs : 0;
  if (built < newestSourceTime(path.join(packageRoot, 'src'))) {
    throw new Error(
      `${path.relative(process.cwd(), builtFile)} is missing or older than the sources: run ` +
        `\`pnpm run build\` (or \`npx tsc -b ${path.relative(process.cwd(), packageRoot)}\`) ` +
        'before this spec; `pnpm test` does.',
    );
  }
}

/** How a bin run by {@link runBin} ended. */
export interface BinRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the Node script `bin` with `args` as a child process, writes `stdin` to it and closes it;
 * resolves with its exit code and outputs. A child still running after `timeoutMs` is killed
 * (its code is then null).
 */
export function runBin(
  bin: string,
  args: readonly string[],
  stdin: string,
  timeoutMs = 60_000,
): Promise<BinRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(stdin);
  });
}
