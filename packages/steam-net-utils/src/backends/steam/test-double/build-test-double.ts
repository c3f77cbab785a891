/// <reference types="node" />
/**
 * Compiles the Steam API test double (`steam_api_double.c`) with the machine's C compiler, once:
 * the library is cached under a folder named by a hash of the source and the compile command, so
 * an edit of the source builds a new one and an unchanged source is never compiled twice.
 *
 * Safe when several Jest workers build at the same time: each compiles to a file of its own
 * (process id and random suffix) and renames it into place, which is atomic on one file system;
 * the last rename wins with identical contents, and no worker ever loads a half-written file.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { RelaylaneError } from '@relaylane/core';

/** The library file name of the built double. */
export const TEST_DOUBLE_LIBRARY_NAME = 'libsteam_api_double.so';

/** The compiler flags (besides `-o <file> <source>`). */
export const TEST_DOUBLE_CFLAGS: readonly string[] = Object.freeze([
  '-std=c11',
  '-shared',
  '-fPIC',
  '-O1',
  '-pthread',
]);

/**
 * The flags added for AddressSanitizer: every read or write the double makes out of the bounds of
 * a heap block (its own, or a buffer Node allocated) stops the process with a report. Load such a
 * build with the sanitizer's runtime preloaded (see {@link addressSanitizerRuntime}).
 */
export const ADDRESS_SANITIZER_CFLAGS: readonly string[] = Object.freeze([
  '-fsanitize=address',
  '-fno-omit-frame-pointer',
  '-g',
]);

/** Thrown when the double cannot be compiled; the message says what to install or fix. */
export class TestDoubleBuildError extends RelaylaneError {}

/** Where the source and cache are, and which compiler to run. */
export interface BuildTestDoubleOptions {
  /** The C source (default: `steam_api_double.c` next to this module, found through `__dirname`). */
  readonly sourcePath?: string;
  /** The cache folder (default `<os.tmpdir()>/relaylane-steam-api-double`). */
  readonly cacheDir?: string | undefined;
  /** The compiler (default the `CC` environment variable, else `cc`). */
  readonly compiler?: string;
  /** `'address'` builds the double with AddressSanitizer ({@link ADDRESS_SANITIZER_CFLAGS}). */
  readonly sanitizer?: 'address' | undefined;
}

function defaultSourcePath(): string {
  // Tests run this module as CommonJS (ts-jest), where __dirname is its folder.
  if (typeof __dirname !== 'string') {
    throw new TestDoubleBuildError(
      'STEAM_TEST_DOUBLE_SOURCE_UNKNOWN',
      'buildSteamApiTestDouble: cannot locate steam_api_double.c from an ES module; pass the ' +
        'sourcePath option (the file is in src/backends/steam/test-double/ of @relaylane/steam-net-utils).',
    );
  }
  return path.join(__dirname, 'steam_api_double.c');
}

/**
 * Builds the test double unless the cache already holds this exact build.
 *
 * @returns the path of the compiled library.
 * @throws TestDoubleBuildError `STEAM_TEST_DOUBLE_COMPILER_MISSING` when the compiler cannot be
 *   run, `STEAM_TEST_DOUBLE_COMPILE_FAILED` with the compiler's output when compiling fails,
 *   `STEAM_TEST_DOUBLE_SOURCE_UNKNOWN` when the source cannot be read.
 */
export function buildSteamApiTestDouble(options: BuildTestDoubleOptions = {}): string {
  const sourcePath = options.sourcePath ?? defaultSourcePath();
  const compiler = options.compiler ?? process.env['CC'] ?? 'cc';
  const flags = [
    ...TEST_DOUBLE_CFLAGS,
    ...(options.sanitizer === 'address' ? ADDRESS_SANITIZER_CFLAGS : []),
  ];
  let source: Buffer;
  try {
    source = readFileSync(sourcePath);
  } catch (error) {
    throw new TestDoubleBuildError(
      'STEAM_TEST_DOUBLE_SOURCE_UNKNOWN',
      `buildSteamApiTestDouble: cannot read the test double's source '${sourcePath}': ${
        (error as Error).message
      }`,
    );
  }
  const key = createHash('sha256')
    .update(source)
    .update('\0')
    .update([compiler, ...flags, process.platform, process.arch].join(' '))
    .digest('hex')
    .slice(0, 16);
  const dir = path.join(
    options.cacheDir ?? path.join(os.tmpdir(), 'relaylane-steam-api-double'),
    key,
  );
  const target = path.join(dir, TEST_DOUBLE_LIBRARY_NAME);
  if (existsSync(target)) return target;

  mkdirSync(dir, { recursive: true });
  const temporary = path.join(
    dir,
    `.${TEST_DOUBLE_LIBRARY_NAME}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  const run = spawnSync(compiler, [...flags, '-o', temporary, sourcePath], {
    encoding: 'utf8',
  });
  if (run.error !== undefined) {
    throw new TestDoubleBuildError(
      'STEAM_TEST_DOUBLE_COMPILER_MISSING',
      `buildSteamApiTestDouble: could not run the C compiler '${compiler}' (${run.error.message}). ` +
        'Install one (Debian/Ubuntu: apt-get install build-essential; macOS: xcode-select ' +
        '--install) or set CC to a C11 compiler. Verify with: cc --version',
    );
  }
  if (run.status !== 0) {
    rmSync(temporary, { force: true });
    throw new TestDoubleBuildError(
      'STEAM_TEST_DOUBLE_COMPILE_FAILED',
      `buildSteamApiTestDouble: '${compiler} ${flags.join(' ')}' failed on ` +
        `${sourcePath} (exit ${String(run.status)}):\n${run.stderr}`,
    );
  }
  // Atomic: a concurrent builder either sees no file or a complete one.
  renameSync(temporary, target);
  return target;
}

/**
 * The AddressSanitizer runtime the compiler links against (`libasan.so`), to preload into a
 * process that loads a sanitized double (`LD_PRELOAD`): Node itself is not instrumented, so the
 * runtime must be in place before the library. Undefined when the compiler names none.
 */
export function addressSanitizerRuntime(compiler = process.env['CC'] ?? 'cc'): string | undefined {
  const run = spawnSync(compiler, ['-print-file-name=libasan.so'], { encoding: 'utf8' });
  const file = run.status === 0 ? run.stdout.trim() : '';
  // Without the library the compiler prints the bare name back.
  return file !== '' && path.isAbsolute(file) && existsSync(file) ? file : undefined;
}
