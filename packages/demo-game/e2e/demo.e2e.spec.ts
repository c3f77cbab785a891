/**
 * The demo as a person uses it, in headless Debian Chromium: the built page served on localhost,
 * the relay network measured on real time (the page uses the system clock), the dev console typed
 * into. Every wait is on a condition in the page, bounded by a timeout; nothing sleeps.
 *
 * The tests run in order on one page, as one session: each starts from where the previous one
 * left the player (Frankfurt, then Sydney, then offline). Screenshots go to test-artifacts/e2e/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { type Page } from 'playwright-core';

import { canvasPixelStats } from './support/canvas-pixels.js';
import {
  assertChromiumInstalled,
  type ChromiumSession,
  launchChromium,
} from './support/chromium.js';
import { ensureDemoBuilt } from './support/demo-build.js';
import { runInDevConsole } from './support/dev-console.js';
import { serveDirectory, type StaticServer } from './support/static-server.js';

/** A condition the page reaches on its own within this time, or the test fails. */
const WAIT_MS = 30_000;
const ARTIFACTS_DIR = path.resolve(__dirname, '..', '..', '..', 'test-artifacts', 'e2e');
/** The bands from best to worst, as the page writes them in `data-band`. */
const BAND_ORDER = ['excellent', 'good', 'playable', 'poor', 'unknown'];

jest.setTimeout(120_000);

interface LobbyRowData {
  readonly id: string;
  readonly ping: number;
  readonly band: string;
  readonly pingText: string;
  readonly host: string;
}

let server: StaticServer | undefined;
let browser: ChromiumSession | undefined;
let page: Page;
const pageErrors: string[] = [];

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`) });
}

async function lobbyRows(): Promise<LobbyRowData[]> {
  return page.$$eval('li.lobby-row', (rows) =>
    rows.map((row) => ({
      id: row.getAttribute('data-lobby-id') ?? '',
      ping: Number(row.getAttribute('data-ping')),
      band: row.getAttribute('data-band') ?? '',
      pingText: row.querySelector('.ping-pill')?.textContent ?? '',
      host: row.querySelector('.lobby-row__host > span')?.textContent ?? '',
    })),
  );
}

/** Waits until every lobby row shows a numeric ping. */
async function waitForEstimatedLobbies(): Promise<void> {
  await page.waitForFunction(
    () => {
      const rows = [...document.querySelectorAll('li.lobby-row')];
      return rows.length > 0 && rows.every((row) => Number(row.getAttribute('data-ping')) >= 0);
    },
    undefined,
    { timeout: WAIT_MS },
  );
}

/** Runs a line in the page's dev console (see support/dev-console.ts). */
async function runInConsole(line: string): Promise<string> {
  return runInDevConsole(page, line, WAIT_MS);
}

beforeAll(async () => {
  // First, so a machine without Chromium fails at once, naming the install script.
  assertChromiumInstalled();
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const dist = ensureDemoBuilt();
  server = await serveDirectory(dist);
  browser = await launchChromium();
  page = browser.page;
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the demo page in headless Chromium', () => {
  test('the relay network status reaches CURRENT, shown by name with the backend and the location', async () => {
    await page.waitForSelector('.status-summary[data-status="CURRENT"]', { timeout: WAIT_MS });
    await expect(page.locator('.status-backend').getAttribute('data-backend')).resolves.toBe(
      'simulated',
    );
    await expect(page.locator('.status-player').textContent()).resolves.toMatch(/^Frankfurt/);
    // The local ping location string is published once the measurement is done.
    await page.waitForFunction(
      () =>
        (document.querySelector('.status-location')?.getAttribute('data-location') ?? '') !== '',
      undefined,
      { timeout: WAIT_MS },
    );
    await screenshot('01-current');
  });

  test('`singletons` and `signals` name types and listeners as the source does, through the production build', async () => {
    const singletons = await runInConsole('singletons');
    expect(singletons).toMatch(/Steam\s+NetworkingUtils/);
    const signals = await runInConsole('signals Steam');
    const listeners = [...signals.matchAll(/-> (\S+)/g)].map((match) => match[1]!);
    expect(listeners.length).toBeGreaterThan(0);
    // A minifier's names are one or two characters, private ones with their '#'.
    expect(listeners.filter((name) => /^#?[A-Za-z_$]{1,2}$/.test(name))).toEqual([]);
  });

  test('the globe canvas drew a frame with WebGL (not a blank or flat canvas)', async () => {
    await expect(page.locator('.stage').getAttribute('data-renderer')).resolves.toBe('webgl');
    await page.locator('.stage').screenshot({ path: path.join(ARTIFACTS_DIR, '02-globe.png') });
    const stats = await canvasPixelStats(page, '#globe-canvas');
    expect(stats.width).toBeGreaterThan(100);
    // A flat frame has one colour; the shaded globe, its grid, POPs and route have hundreds.
    expect(stats.distinctColors).toBeGreaterThan(50);
    expect(stats.differingShare).toBeGreaterThan(0.1);
  });

  test('lobby rows show numeric pings, sorted ascending, coloured by band', async () => {
    await waitForEstimatedLobbies();
    const rows = await lobbyRows();
    expect(rows.length).toBeGreaterThanOrEqual(24);
    for (const row of rows) {
      expect(Number.isInteger(row.ping)).toBe(true);
      expect(row.pingText).toBe(`${row.ping} ms`);
    }
    const pings = rows.map((row) => row.ping);
    expect(pings).toEqual([...pings].sort((a, b) => a - b));
    // Sorted by ping, the bands can only get worse down the list.
    const bandRanks = rows.map((row) => BAND_ORDER.indexOf(row.band));
    expect(bandRanks.every((rank) => rank >= 0)).toBe(true);
    expect(bandRanks).toEqual([...bandRanks].sort((a, b) => a - b));
    // From Frankfurt, the host next door is the nearest.
    expect(rows[0]!.host).toBe('Frankfurt');
  });

  test('the region picker shows the automatic pick with its ping, marked in the POP list', async () => {
    await page.waitForSelector('.region-current[data-pop="fra"][data-pinned="false"]', {
      timeout: WAIT_MS,
    });
    await expect(
      page.locator('li.pop-row[data-chosen="true"]').getAttribute('data-pop'),
    ).resolves.toBe('fra');
    const ping = Number(await page.locator('.region-current').getAttribute('data-ping'));
    expect(ping).toBeGreaterThanOrEqual(0);
    await expect(page.locator('.region-picker .badge').textContent()).resolves.toBe('auto');
  });

  test('`net.sim.where Sydney` typed in the console moves the player: the region becomes syd and the lobby order changes', async () => {
    const before = (await lobbyRows()).map((row) => row.id);
    const output = await runInConsole('net.sim.where Sydney');
    expect(output).toContain('Sydney (Australia)');
    await page.waitForSelector('.region-current[data-pop="syd"]', { timeout: WAIT_MS });
    await page.waitForFunction(
      (previousFirst) => {
        const first = document.querySelector('li.lobby-row');
        return first !== null && first.getAttribute('data-lobby-id') !== previousFirst;
      },
      before[0],
      { timeout: WAIT_MS },
    );
    await waitForEstimatedLobbies();
    const rows = await lobbyRows();
    expect(rows.map((row) => row.id)).not.toEqual(before);
    expect(rows[0]!.host).toBe('Sydney');
    const pings = rows.map((row) => row.ping);
    expect(pings).toEqual([...pings].sort((a, b) => a - b));
    await screenshot('03-sydney');
  });

  test('pinning a region from the picker overrides the automatic pick; Automatic gives it back', async () => {
    await page.locator('li.pop-row[data-pop="sgp"] button').click();
    await page.waitForSelector('.region-current[data-pop="sgp"][data-pinned="true"]', {
      timeout: WAIT_MS,
    });
    await expect(page.locator('.region-picker .badge').textContent()).resolves.toBe('pinned');
    await screenshot('04-pinned');
    await page.getByRole('button', { name: 'Automatic' }).click();
    await page.waitForSelector('.region-current[data-pop="syd"][data-pinned="false"]', {
      timeout: WAIT_MS,
    });
  });

  test('`net.sim.offline on` shows the failure statuses in the status panel and no lobby estimate', async () => {
    await runInConsole('net.sim.offline on');
    await page.waitForFunction(
      () =>
        ['RETRYING', 'PREVIOUSLY', 'FAILED'].includes(
          document.querySelector('.status-summary')?.getAttribute('data-status') ?? '',
        ),
      undefined,
      { timeout: WAIT_MS },
    );
    const history = await page.$$eval('.status-history li', (items) =>
      items.map((item) => item.getAttribute('data-status')),
    );
    expect(
      history.some((status) => ['RETRYING', 'PREVIOUSLY', 'FAILED'].includes(status ?? '')),
    ).toBe(true);
    // Without relays there is no estimate, and the rows say so instead of showing a number.
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('li.lobby-row')].every(
          (row) => Number(row.getAttribute('data-ping')) < 0,
        ),
      undefined,
      { timeout: WAIT_MS },
    );
    const rows = await lobbyRows();
    expect(rows.every((row) => row.band === 'unknown' && !/\d/.test(row.pingText))).toBe(true);
    await screenshot('05-offline');
  });

  test('the page threw no uncaught error', () => {
    expect(pageErrors).toEqual([]);
  });
});
