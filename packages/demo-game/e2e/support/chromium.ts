/**
 * Starts Debian's Chromium (`/usr/bin/chromium`) headless through playwright-core, with the flags
 * a closed CI machine needs and a new empty profile directory, removed again by `close()`.
 * The tests never download a browser: when Chromium is missing they fail, naming the script that
 * installs it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { RelaylaneError } from '@relaylane/core';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Where Debian's chromium package puts the browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * The command-line flags: headless, no sandbox (CI runs as root), no GPU (WebGL then renders
 * through SwiftShader, which these Chromium versions only allow when asked), and nothing that
 * talks to Google's services (a closed network refuses those connections).
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** A running browser with one page. */
export interface ChromiumSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Closes the browser and removes its profile directory. */
  close(): Promise<void>;
}

/** The error when Chromium is not installed (code `CHROMIUM_MISSING`): the fix is one script away. */
export class ChromiumMissingError extends RelaylaneError {
  constructor() {
    super(
      'CHROMIUM_MISSING',
      `Chromium is not installed: ${CHROMIUM_PATH} does not exist. The demo's browser tests run ` +
        "Debian's Chromium; install it with `bash scripts/install-chromium.sh` (as root, or with " +
        'sudo), then run the tests again.',
    );
  }
}

/** @throws ChromiumMissingError when {@link CHROMIUM_PATH} does not exist. */
export function assertChromiumInstalled(): void {
  if (!existsSync(CHROMIUM_PATH)) throw new ChromiumMissingError();
}

/**
 * Launches Chromium with {@link CHROMIUM_FLAGS} and a fresh `--user-data-dir`.
 *
 * @throws ChromiumMissingError when {@link CHROMIUM_PATH} does not exist.
 */
export async function launchChromium(
  viewport = { width: 1440, height: 900 },
): Promise<ChromiumSession> {
  assertChromiumInstalled();
  const profile = mkdtempSync(path.join(os.tmpdir(), 'relaylane-chromium-'));
  let context: BrowserContext;
  try {
    // Playwright passes the profile as --user-data-dir itself (it refuses the flag in `args`).
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_FLAGS],
      viewport,
      deviceScaleFactor: 1,
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      try {
        await context.close();
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}
