/**
 * The estimator entry (`@relaylane/steam-net-utils/estimator`) in a browser build: a page that
 * imports only it is built with Vite for production, must carry none of the simulation, the
 * engine or the Steam backend, and must give in Chromium exactly the answers the estimator gives
 * in Node.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { type ChromiumSession, launchChromium } from './support/chromium.js';
import { DEMO_PACKAGE_DIR } from './support/demo-build.js';
import { serveDirectory, type StaticServer } from './support/static-server.js';
import { PAGE_LOCATIONS } from './fixtures/estimator-page/real-locations.js';
import { type EstimatorRun, runEstimator } from './fixtures/estimator-page/run-estimator.js';

const PAGE_DIR = path.join(__dirname, 'fixtures', 'estimator-page');

/** Builds the page into a new temporary folder and returns it. */
function buildPage(): string {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'relaylane-estimator-page-'));
  const requireFromDemo = createRequire(path.join(DEMO_PACKAGE_DIR, 'package.json'));
  const viteBin = path.join(
    path.dirname(requireFromDemo.resolve('vite/package.json')),
    'bin',
    'vite.js',
  );
  execFileSync(process.execPath, [viteBin, 'build', PAGE_DIR, '--logLevel', 'warn'], {
    cwd: PAGE_DIR,
    stdio: 'pipe',
    env: { ...process.env, NO_COLOR: '1', ESTIMATOR_PAGE_OUT_DIR: outDir },
  });
  return outDir;
}

/** The built JavaScript, all chunks together. */
function builtJavaScript(outDir: string): string {
  const assets = path.join(outDir, 'assets');
  return readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(path.join(assets, file), 'utf8'))
    .join('\n');
}

describe('the estimator entry in a browser build', () => {
  let outDir: string;
  let server: StaticServer;
  let browser: ChromiumSession;

  beforeAll(async () => {
    outDir = buildPage();
    server = await serveDirectory(outDir);
    browser = await launchChromium({ width: 800, height: 600 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('carries no simulation, engine, dependency injection or Steam code', () => {
    const code = builtJavaScript(outDir);
    // Error codes and names that only those layers have; string literals survive minification.
    for (const marker of ['SIMULATION_', 'ENGINE_', 'SERVICE_', 'STEAM_', 'koffi', 'inversify']) {
      expect(code.includes(marker)).toBe(false);
    }
    // ...while the estimator's own are there (so the checks above can fail).
    expect(code).toContain('ESTIMATOR_NOT_A_LOCATION');
    expect(code).toContain('Frankfurt (Germany)');
    expect(gzipSync(code, { level: 9 }).length).toBeLessThan(20 * 1024);
  });

  it('gives in Chromium exactly what it gives in Node', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await page.waitForFunction(() => window.estimatorRun !== undefined, undefined, {
      timeout: 20_000,
    });
    const inBrowser = await page.evaluate(() => window.estimatorRun as EstimatorRun);
    const inNode = runEstimator(PAGE_LOCATIONS);
    expect(inBrowser).toEqual(inNode);
    // The strings round-trip, and the estimates are real numbers, not sentinels.
    expect(inNode.texts.slice(0, 3)).toEqual(PAGE_LOCATIONS.slice(0, 3));
    expect(inNode.estimates[0]![1]).toBeGreaterThan(100);
    expect(inNode.estimates[0]![3]).toBe(-2);
  });
});
