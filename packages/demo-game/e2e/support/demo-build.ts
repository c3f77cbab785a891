/**
 * The built demo the browser tests serve. The test command builds it before Jest starts; when
 * `dist` is missing (a spec run on its own), it is built here with Vite, in a child process
 * (Vite is an ES module package; Jest's module system loads CommonJS).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { RelaylaneError } from '@relaylane/core';

/** The demo package's directory. */
export const DEMO_PACKAGE_DIR = path.resolve(__dirname, '..', '..');
/** Where `vite build` writes the page. */
export const DEMO_DIST_DIR = path.join(DEMO_PACKAGE_DIR, 'dist');

/**
 * Returns {@link DEMO_DIST_DIR}, building it first when it has no `index.html`.
 *
 * @throws RelaylaneError `DEMO_BUILD_FAILED` with Vite's output when the build fails (the workspace packages must be built
 *   first: `pnpm run build` at the repository root).
 */
export function ensureDemoBuilt(): string {
  if (existsSync(path.join(DEMO_DIST_DIR, 'index.html'))) return DEMO_DIST_DIR;
  const requireFromDemo = createRequire(path.join(DEMO_PACKAGE_DIR, 'package.json'));
  const viteBin = path.join(
    path.dirname(requireFromDemo.resolve('vite/package.json')),
    'bin',
    'vite.js',
  );
  try {
    execFileSync(process.execPath, [viteBin, 'build'], {
      cwd: DEMO_PACKAGE_DIR,
      stdio: 'pipe',
      env: { ...process.env, NO_COLOR: '1' },
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    const output = `${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`;
    throw new RelaylaneError(
      'DEMO_BUILD_FAILED',
      `Building the demo with Vite failed (is every workspace package built? run \`pnpm run build\` at the repository root first):\n${output}`,
      { cause: error },
    );
  }
  return DEMO_DIST_DIR;
}
