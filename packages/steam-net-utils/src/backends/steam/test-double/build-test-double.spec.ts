/**
 * Building the test double: once per source (cached by hash), safe when builders race, clear
 * errors without a compiler or with a broken source, and a source that compiles warning-free.
 */
import childProcess from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
  buildSteamApiTestDouble,
  TEST_DOUBLE_LIBRARY_NAME,
  TestDoubleBuildError,
} from './build-test-double.js';
import { thrownBy } from '../../../../../core/src/test-support/errors.js';

const caught = (fn: () => unknown): TestDoubleBuildError => thrownBy(fn, TestDoubleBuildError);

const SOURCE = path.join(__dirname, 'steam_api_double.c');

let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'relaylane-build-double-'));
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(scratch, { recursive: true, force: true });
});

it('compiles the double into the cache and returns the same file without compiling again', () => {
  const spawn = jest.spyOn(childProcess, 'spawnSync');
  const first = buildSteamApiTestDouble({ cacheDir: scratch });
  expect(path.basename(first)).toBe(TEST_DOUBLE_LIBRARY_NAME);
  expect(first.startsWith(scratch)).toBe(true);
  expect(readFileSync(first).subarray(0, 4)).toEqual(Buffer.from([0x7f, 0x45, 0x4c, 0x46])); // ELF
  const compiles = spawn.mock.calls.length;
  expect(compiles).toBe(1);
  expect(buildSteamApiTestDouble({ cacheDir: scratch })).toBe(first);
  expect(spawn.mock.calls.length).toBe(compiles);
});

it('builds a new library when the source changes', () => {
  const source = path.join(scratch, 'double.c');
  copyFileSync(SOURCE, source);
  const first = buildSteamApiTestDouble({ cacheDir: scratch, sourcePath: source });
  writeFileSync(source, `${readFileSync(source, 'utf8')}\n/* changed */\n`);
  const second = buildSteamApiTestDouble({ cacheDir: scratch, sourcePath: source });
  expect(second).not.toBe(first);
  expect(existsSync(first) && existsSync(second)).toBe(true);
});

it('keeps a complete library when another builder finishes first (atomic rename)', () => {
  // A "compiler" that, like a concurrent builder, puts a finished library in place before
  // producing its own output into the temporary file.
  const racer = path.join(scratch, 'racing-cc.sh');
  writeFileSync(
    racer,
    [
      '#!/bin/sh',
      'out=""; prev=""',
      'for a in "$@"; do if [ "$prev" = "-o" ]; then out="$a"; fi; prev="$a"; done',
      `cc "$@" && cp "$out" "$(dirname "$out")/${TEST_DOUBLE_LIBRARY_NAME}"`,
      'touch "$out.racer-was-here"',
      '',
    ].join('\n'),
  );
  chmodSync(racer, 0o755);
  const built = buildSteamApiTestDouble({ cacheDir: scratch, compiler: racer });
  expect(statSync(built).size).toBeGreaterThan(1000);
  expect(readdirSync(path.dirname(built)).some((name) => name.endsWith('.racer-was-here'))).toBe(
    true,
  );
  // Only the library (and the racer's marker) remain: no temporary file is left behind.
  expect(readdirSync(path.dirname(built)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
});

it('leaves no file behind when compiling fails, and reports the compiler output', () => {
  const source = path.join(scratch, 'broken.c');
  const cacheDir = path.join(scratch, 'cache');
  writeFileSync(source, 'int main( {\n');
  const error = caught(() => buildSteamApiTestDouble({ cacheDir, sourcePath: source }));
  expect(error.code).toBe('STEAM_TEST_DOUBLE_COMPILE_FAILED');
  expect(error.message).toContain(source);
  expect(error.message).toMatch(/error/);
  const dirs = readdirSync(cacheDir);
  expect(dirs).toHaveLength(1);
  expect(readdirSync(path.join(cacheDir, dirs[0]!))).toEqual([]);
});

it('says how to install a compiler when there is none', () => {
  const error = caught(() =>
    buildSteamApiTestDouble({ cacheDir: scratch, compiler: path.join(scratch, 'no-such-cc') }),
  );
  expect(error.code).toBe('STEAM_TEST_DOUBLE_COMPILER_MISSING');
  expect(error.message).toContain('build-essential');
  expect(error.message).toContain('set CC');
});

it('reports a source that cannot be read', () => {
  const error = caught(() =>
    buildSteamApiTestDouble({ cacheDir: scratch, sourcePath: path.join(scratch, 'none.c') }),
  );
  expect(error.code).toBe('STEAM_TEST_DOUBLE_SOURCE_UNKNOWN');
});

it('is C11 that compiles without a single warning (-Wall -Wextra -Wpedantic -Wconversion)', () => {
  const run = childProcess.spawnSync(
    process.env['CC'] ?? 'cc',
    [
      '-std=c11',
      '-Wall',
      '-Wextra',
      '-Wpedantic',
      '-Wconversion',
      '-Wshadow',
      '-Werror',
      '-fsyntax-only',
      SOURCE,
    ],
    { encoding: 'utf8' },
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
});
