/**
 * The READMEs' blocks marked `<!-- runs in a browser -->` (a page's program: the in-game console
 * overlay, for one), built with Vite against the built packages as a game's page is, and run in
 * headless Chromium: each must print what its `// prints:` comments say, and throw nothing. The
 * Node run of the README specs skips them; this is where they run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import {
  expectedPrints,
  readSnippets,
  type Snippet,
} from '../../core/src/test-support/readme-snippets.js';
import {
  assertChromiumInstalled,
  type ChromiumSession,
  launchChromium,
} from './support/chromium.js';
import { DEMO_PACKAGE_DIR } from './support/demo-build.js';
import { serveDirectory } from './support/static-server.js';

const REPOSITORY_ROOT = path.resolve(DEMO_PACKAGE_DIR, '..', '..');
const READMES = [
  'README.md',
  'packages/core/README.md',
  'packages/steam-net-utils/README.md',
  'packages/beacon/README.md',
];
/** What the page logs after the block's own code, so the test knows it ran to its end. */
const DONE = '__readme_snippet_done__';
const WAIT_MS = 30_000;

const browserSnippets: [string, Snippet][] = READMES.flatMap((readme) =>
  readSnippets(path.join(REPOSITORY_ROOT, readme))
    .filter((snippet) => snippet.browser)
    .map((snippet): [string, Snippet] => [`${readme}:${snippet.line}`, snippet]),
);

/** Builds `snippet` as a page in a folder of its own inside the demo package (for its packages). */
function buildPage(snippet: Snippet): string {
  // Inside the demo's folder, so the bare imports resolve through its node_modules.
  const root = mkdtempSync(path.join(DEMO_PACKAGE_DIR, '.readme-page-'));
  writeFileSync(
    path.join(root, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"></head><body><script type="module" src="./main.ts"></script></body></html>\n',
  );
  writeFileSync(path.join(root, 'main.ts'), `${snippet.code}\nconsole.log('${DONE}');\n`);
  const requireFromDemo = createRequire(path.join(DEMO_PACKAGE_DIR, 'package.json'));
  const viteBin = path.join(
    path.dirname(requireFromDemo.resolve('vite/package.json')),
    'bin',
    'vite.js',
  );
  execFileSync(
    process.execPath,
    [viteBin, 'build', root, '--base', './', '--outDir', 'dist', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'pipe',
      env: { ...process.env, NO_COLOR: '1' },
    },
  );
  return root;
}

describe("the READMEs' browser blocks, in Chromium", () => {
  let browser: ChromiumSession | undefined;

  beforeAll(async () => {
    assertChromiumInstalled();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('finds at least one block to run', () => {
    expect(browserSnippets.length).toBeGreaterThanOrEqual(1);
  });

  it.each(browserSnippets)(
    '%s prints what its comments say and throws nothing',
    async (_name, snippet) => {
      const root = buildPage(snippet);
      const server = await serveDirectory(path.join(root, 'dist'));
      const page = await browser!.context.newPage();
      try {
        const printed: string[] = [];
        const errors: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'log') printed.push(message.text());
        });
        page.on('pageerror', (error) => errors.push(error.message));
        // Settled by the block's last line, or by the first error it throws.
        const finished = Promise.race([
          page.waitForEvent('console', {
            predicate: (message) => message.text() === DONE,
            timeout: WAIT_MS,
          }),
          page.waitForEvent('pageerror', { timeout: WAIT_MS }),
        ]);
        await page.goto(server.url);
        await finished;
        expect(errors).toEqual([]);
        expect(printed.filter((line) => line !== DONE)).toEqual(expectedPrints(snippet));
      } finally {
        await page.close();
        await server.close();
        rmSync(root, { recursive: true, force: true });
      }
    },
  );
});
