/**
 * The demo at a phone's width (390 px, an iPhone's) in headless Chromium: nothing is wider than
 * the screen, before and after the relay network is measured (the rows then hold pings), and the
 * globe's labels are not cut at its panel's edge.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import {
  assertChromiumInstalled,
  type ChromiumSession,
  launchChromium,
} from './support/chromium.js';
import { ensureDemoBuilt } from './support/demo-build.js';
import { serveDirectory, type StaticServer } from './support/static-server.js';

const PHONE = { width: 390, height: 844 };
const WAIT_MS = 30_000;
const ARTIFACTS_DIR = path.resolve(__dirname, '..', '..', '..', 'test-artifacts', 'e2e');

let server: StaticServer | undefined;
let browser: ChromiumSession | undefined;

beforeAll(async () => {
  assertChromiumInstalled();
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  server = await serveDirectory(ensureDemoBuilt());
  browser = await launchChromium(PHONE);
  await browser.page.goto(server.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The page's width and the elements that reach past the screen's right edge. */
async function overflow(): Promise<{ scrollWidth: number; wider: string[] }> {
  return browser!.page.evaluate(() => {
    const wider: string[] = [];
    for (const element of document.querySelectorAll('body *')) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > window.innerWidth + 1) {
        wider.push(
          `${element.tagName.toLowerCase()}.${element.className} (right ${Math.round(box.right)})`,
        );
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, wider };
  });
}

describe('the demo at 390 px wide', () => {
  it('does not overflow sideways while the relay network is measured', async () => {
    expect(await overflow()).toEqual({ scrollWidth: PHONE.width, wider: [] });
  });

  it('does not overflow sideways once the lobby rows show pings', async () => {
    await browser!.page.waitForFunction(
      () =>
        [...document.querySelectorAll('li.lobby-row')].some(
          (row) => Number(row.getAttribute('data-ping')) >= 0,
        ),
      undefined,
      { timeout: WAIT_MS },
    );
    expect(await overflow()).toEqual({ scrollWidth: PHONE.width, wider: [] });
    // The globe's labels stay whole inside the layer over the canvas (which clips them).
    const cut = await browser!.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.globe-label')]
        .filter((label) => !label.hidden && label.offsetWidth > 0)
        .filter((label) => {
          const box = label.getBoundingClientRect();
          const layer = label.parentElement!.getBoundingClientRect();
          return (
            box.left < layer.left - 1 ||
            box.right > layer.right + 1 ||
            box.top < layer.top - 1 ||
            box.bottom > layer.bottom + 1
          );
        })
        .map((label) => label.textContent),
    );
    expect(cut).toEqual([]);
    await browser!.page.screenshot({ path: path.join(ARTIFACTS_DIR, 'phone-390.png') });
  });
});
