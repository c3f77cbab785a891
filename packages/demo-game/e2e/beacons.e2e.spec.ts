/**
 * The demo on the beacons backend, in headless Debian Chromium: three beacons run in this process
 * on 127.0.0.1 with a region's delay emulated on their echoes (the kernel here has no netem), the
 * built page is opened with `?beacons=<their network config>`, and the pings it shows are the ones
 * the browser measured over WebSocket. Every wait is on a condition in the page, bounded.
 */
import { type RunningBeacon, startBeacon } from '@relaylane/beacon';
import { type Page } from 'playwright-core';

import {
  assertChromiumInstalled,
  type ChromiumSession,
  launchChromium,
} from './support/chromium.js';
import { ensureDemoBuilt } from './support/demo-build.js';
import { runInDevConsole } from './support/dev-console.js';
import { serveDirectory, type StaticServer } from './support/static-server.js';

const WAIT_MS = 30_000;
/**
 * A ping shown is the median of a round's WebSocket echoes, each delayed by the emulated delay on
 * a noisy machine: at least the delay, and at most this much above it.
 */
const TOLERANCE_MS = 30;

jest.setTimeout(120_000);

const REGIONS = [
  { code: 'sgp', desc: 'Singapore', geo: { lon: 103.99, lat: 1.36 }, delayMs: 90 },
  { code: 'lhr', desc: 'London', geo: { lon: -0.45, lat: 51.47 }, delayMs: 30 },
  { code: 'fra', desc: 'Frankfurt', geo: { lon: 8.68, lat: 50.12 }, delayMs: 10 },
] as const;

let beacons: RunningBeacon[] = [];
let server: StaticServer | undefined;
let browser: ChromiumSession | undefined;
let page: Page;
const pageErrors: string[] = [];

async function popPings(): Promise<Record<string, number>> {
  return page.$$eval('li.pop-row', (rows) =>
    Object.fromEntries(
      rows.map((row) => [
        row.getAttribute('data-pop') ?? '',
        Number(row.getAttribute('data-ping')),
      ]),
    ),
  );
}

beforeAll(async () => {
  assertChromiumInstalled();
  // The last beacon knows the others as peers: its network config lists all three.
  for (const { code, desc, geo, delayMs } of REGIONS) {
    beacons.push(
      await startBeacon({
        code,
        desc,
        geo,
        host: '127.0.0.1',
        udpPort: 0,
        httpPort: 0,
        peers: beacons.map((beacon) => beacon.httpUrl),
        emulate: { delayMs },
        log: () => undefined,
      }),
    );
  }
  server = await serveDirectory(ensureDemoBuilt());
  browser = await launchChromium();
  page = browser.page;
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const configUrl = `${beacons.at(-1)!.httpUrl}/network-config`;
  await page.goto(`${server.url}?beacons=${encodeURIComponent(configUrl)}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await Promise.all(beacons.map((beacon) => beacon.close()));
  beacons = [];
});

describe('the demo on the beacons backend in headless Chromium', () => {
  test('says it runs on the beacons backend, and reaches CURRENT on real replies', async () => {
    await page.waitForSelector('.status-summary[data-status="CURRENT"]', { timeout: WAIT_MS });
    await expect(page.locator('.status-backend').getAttribute('data-backend')).resolves.toBe(
      'beacons',
    );
  });

  test('measured each beacon close to its emulated delay, and shows a route to each', async () => {
    await page.waitForFunction(
      (codes) =>
        codes.every(
          (code) =>
            Number(
              document.querySelector(`li.pop-row[data-pop="${code}"]`)?.getAttribute('data-ping'),
            ) >= 0,
        ),
      REGIONS.map((region) => region.code),
      { timeout: WAIT_MS },
    );
    // The direct pings, as `net.beacons` prints them: the median of each round's echoes.
    const output = await runInDevConsole(page, 'net.beacons', WAIT_MS);
    const routes = await popPings();
    for (const { code, delayMs } of REGIONS) {
      const direct = Number(new RegExp(`${code} +ping (\\d+)ms`).exec(output)?.[1]);
      expect({
        code,
        directNearDelay: direct >= delayMs && direct <= delayMs + TOLERANCE_MS,
      }).toEqual({
        code,
        directNearDelay: true,
      });
      // The region list shows the best route: direct, or through another beacon when faster.
      expect({ code, routeAtMostDirect: routes[code]! <= direct + 1 }).toEqual({
        code,
        routeAtMostDirect: true,
      });
    }
    await page.waitForSelector('.region-current[data-pop="fra"]', { timeout: WAIT_MS });
  });

  test('estimates the lobbies from the measured pings', async () => {
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('li.lobby-row')].some(
          (row) => Number(row.getAttribute('data-ping')) >= 0,
        ),
      undefined,
      { timeout: WAIT_MS },
    );
  });

  test('`net.beacons` says the probes go over WebSocket', async () => {
    const output = await runInDevConsole(page, 'net.beacons', WAIT_MS);
    expect(output).toContain('probes over websocket');
  });

  test('the page threw no uncaught error', () => {
    expect(pageErrors).toEqual([]);
  });
});
