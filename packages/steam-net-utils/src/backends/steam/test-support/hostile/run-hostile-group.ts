/**
 * Runs one group of the hostile-input suite (hostile-child.ts) in a child process, against the
 * test double built with AddressSanitizer and the sanitizer's runtime preloaded, and reads its
 * report. A crash, a sanitizer report (exit code {@link SANITIZER_EXIT_CODE}) or a time-out comes
 * back as the child's status and output, for the spec to fail with.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import {
  addressSanitizerRuntime,
  buildSteamApiTestDouble,
} from '../../test-double/build-test-double.js';
import { type HostileGroup, type HostileReport } from './hostile-child.js';

/** The exit code the sanitizer ends the child with when it finds a bad access. */
export const SANITIZER_EXIT_CODE = 86;

/** The longest a group may run; a group that hangs is killed and fails. */
export const GROUP_TIMEOUT_MS = 240_000;

/** How a group ended. */
export interface HostileRun {
  /** The child's report, when it got as far as printing it. */
  readonly report: HostileReport | undefined;
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  /** The end of the child's standard error (a sanitizer report, a stack). */
  readonly stderr: string;
}

const childRunner = path.resolve(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'test-support',
  'typescript-child.cjs',
);
const childProgram = path.join(__dirname, 'hostile-child.ts');

/**
 * The sanitizer's runtime, or an error saying what to install: the suite does not run without it
 * (a double that is not instrumented cannot show an out-of-bounds access).
 */
export function requireSanitizerRuntime(): string {
  const runtime = addressSanitizerRuntime();
  if (runtime === undefined) {
    throw new Error(
      "The hostile-input suite needs AddressSanitizer's runtime (libasan.so), which the C " +
        "compiler names with -print-file-name=libasan.so. Install GCC's (Debian: apt-get install " +
        'gcc, which brings libasan) or set CC to a compiler that has it.',
    );
  }
  return runtime;
}

/** Runs `group` in a child process and returns how it ended. */
export function runHostileGroup(group: HostileGroup): HostileRun {
  const runtime = requireSanitizerRuntime();
  // Built here, once; the child finds it in the cache.
  buildSteamApiTestDouble({ sanitizer: 'address' });
  const run = spawnSync(process.execPath, [childRunner, childProgram, group, 'address'], {
    encoding: 'utf8',
    timeout: GROUP_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      LD_PRELOAD: runtime,
      // Node's own allocations are not the double's: leaks are not what this suite looks for.
      ASAN_OPTIONS: `detect_leaks=0:halt_on_error=1:exitcode=${SANITIZER_EXIT_CODE}`,
    },
  });
  const lastLine = run.stdout.trim().split('\n').pop() ?? '';
  let report: HostileReport | undefined;
  try {
    report = lastLine.startsWith('{') ? (JSON.parse(lastLine) as HostileReport) : undefined;
  } catch {
    report = undefined;
  }
  return { report, status: run.status, signal: run.signal, stderr: run.stderr.slice(-8000) };
}
