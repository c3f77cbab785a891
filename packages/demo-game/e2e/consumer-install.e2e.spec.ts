/**
 * The published shape, from outside the workspace: every publishable package is packed
 * (`pnpm pack`, as it would be published) and the tarballs are installed with npm into a fresh
 * temporary project with no workspace around it. There:
 * - the root README's blocks that run are compiled by the project's own TypeScript against the
 *   packages' published declarations (strict, `skipLibCheck` off) and run with Node, and print what
 *   their `// prints:` comments say;
 * - a small Vite app that uses the main entry on the beacons backend is built for production: its
 *   bundle carries no koffi, no Node built-in and no module of the simulation, the Steam backend or
 *   Node's transports;
 * - that app is opened in Chromium against a beacon started from the packed `@relaylane/beacon`,
 *   and shows the ping it measured.
 * The install needs the npm registry (TypeScript, Vite, inversify, ws); nothing else leaves the
 * machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
  expectedPrints,
  readSnippets,
  type Snippet,
} from '../../core/src/test-support/readme-snippets.js';
import { type BeaconProcess, startBeaconProcess } from './support/beacon-process.js';
import { type ChromiumSession, launchChromium } from './support/chromium.js';
import { serveDirectory, type StaticServer } from './support/static-server.js';

const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURE_DIR = path.join(__dirname, 'fixtures', 'consumer-app');
/** The packages a game installs, by folder. */
const PUBLISHED = ['core', 'steam-net-utils', 'beacon'] as const;
/** Install, compile and build may each take a while on a cold cache. */
const SETUP_TIMEOUT_MS = 600_000;

interface RootPackageJson {
  readonly packageManager: string;
  readonly devDependencies: Readonly<Record<string, string>>;
}

function rootPackageJson(): RootPackageJson {
  return JSON.parse(
    readFileSync(path.join(REPOSITORY_ROOT, 'package.json'), 'utf8'),
  ) as RootPackageJson;
}

function run(command: string, args: readonly string[], cwd: string): string {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      stdio: 'pipe',
      env: { ...process.env, NO_COLOR: '1', npm_config_fund: 'false', npm_config_audit: 'false' },
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}\n${stderr ?? ''}`,
    );
  }
}

/** Packs each published package with the pinned pnpm; returns the tarballs by package folder. */
function packAll(destination: string): Record<(typeof PUBLISHED)[number], string> {
  const pnpm = `pnpm@${rootPackageJson().packageManager.split('@')[1]}`;
  const tarballs = {} as Record<(typeof PUBLISHED)[number], string>;
  for (const folder of PUBLISHED) {
    const before = new Set(readdirSync(destination));
    run(
      'npx',
      ['--yes', pnpm, 'pack', '--pack-destination', destination],
      path.join(REPOSITORY_ROOT, 'packages', folder),
    );
    const made = readdirSync(destination).find(
      (file) => !before.has(file) && file.endsWith('.tgz'),
    );
    if (made === undefined) throw new Error(`pnpm pack made no tarball for packages/${folder}`);
    tarballs[folder] = path.join(destination, made);
  }
  return tarballs;
}

/** The project a game developer would start: the tarballs, TypeScript and Vite, nothing else. */
function createProject(
  project: string,
  tarballs: Record<(typeof PUBLISHED)[number], string>,
): void {
  const versions = rootPackageJson().devDependencies;
  writeFileSync(
    path.join(project, 'package.json'),
    `${JSON.stringify(
      {
        name: 'a-game-on-relaylane',
        private: true,
        type: 'module',
        dependencies: {
          '@relaylane/core': `file:${tarballs.core}`,
          '@relaylane/steam-net-utils': `file:${tarballs['steam-net-utils']}`,
          '@relaylane/beacon': `file:${tarballs.beacon}`,
        },
        devDependencies: {
          typescript: versions['typescript'],
          vite: versions['vite'],
          '@types/node': versions['@types/node'],
        },
      },
      null,
      2,
    )}\n`,
  );
  cpSync(FIXTURE_DIR, project, { recursive: true });
  // The npm cache first: a second run on a machine needs the registry only for what changed.
  run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
    project,
  );
}

/** Writes the README's blocks that run into `snippets/`, as the project's own modules. */
function writeSnippets(project: string, snippets: readonly Snippet[]): string[] {
  const folder = path.join(project, 'snippets');
  mkdirSync(folder, { recursive: true });
  return snippets.map((snippet) => {
    const name = `readme-line-${snippet.line}`;
    writeFileSync(path.join(folder, `${name}.ts`), snippet.code);
    return name;
  });
}

describe('the packed packages in a fresh npm project (a consumer, not the workspace)', () => {
  let scratch: string;
  let project: string;
  let snippets: Snippet[];
  let snippetNames: string[];
  let beacon: BeaconProcess | undefined;
  let server: StaticServer | undefined;
  let browser: ChromiumSession | undefined;

  beforeAll(() => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'relaylane-consumer-'));
    const packs = path.join(scratch, 'packs');
    project = path.join(scratch, 'game');
    mkdirSync(packs);
    mkdirSync(project);
    const tarballs = packAll(packs);
    createProject(project, tarballs);
    snippets = readSnippets(path.join(REPOSITORY_ROOT, 'README.md')).filter(
      (snippet) => snippet.run,
    );
    snippetNames = writeSnippets(project, snippets);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await beacon?.stop();
    if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  });

  it('installs only the tarballs: no workspace link, the published files', () => {
    for (const folder of PUBLISHED) {
      const installed = path.join(project, 'node_modules', '@relaylane', folder);
      expect(existsSync(path.join(installed, 'package.json'))).toBe(true);
      expect(existsSync(path.join(installed, 'src', 'index.ts'))).toBe(true);
      expect(existsSync(path.join(installed, '.tsbuildinfo'))).toBe(false);
    }
  });

  it("compiles the root README's blocks with the project's TypeScript against the published declarations", () => {
    expect(snippets.length).toBeGreaterThanOrEqual(2);
    run(
      process.execPath,
      [path.join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'],
      project,
    );
  });

  it('runs them with Node, and each prints what its comments say', () => {
    snippets.forEach((snippet, index) => {
      const output = run(
        process.execPath,
        [path.join('out', `${snippetNames[index]}.js`)],
        project,
      );
      expect(output.trimEnd().split('\n')).toEqual(expectedPrints(snippet));
    });
  });

  it('runs the terminal console from the installed package, on a pipe', () => {
    const bin = path.join(project, 'node_modules', '.bin', 'relaylane-net');
    expect(existsSync(bin)).toBe(true);
    const output = execFileSync(bin, ['--location', 'Tokyo'], {
      cwd: project,
      input: 'net.wait 30\nnet.ping tyo\n',
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(output).toMatch(/relay network current after \d+\.\d s/);
    expect(output).toMatch(/^tyo \(/m);
    // koffi is an optional dependency this project did not install: asking for Steam says so.
    const steam = spawnSync(bin, ['--backend', 'steam', '-e', 'net.status'], {
      cwd: project,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(steam.status).toBe(2);
    expect(steam.stderr).toMatch(
      /the Steam backend needs the koffi package, which is not installed \(npm install koffi\)/,
    );
  }, 70_000);

  describe('a Vite app on the main entry and the beacons backend', () => {
    let code: string;
    let sources: string[];

    beforeAll(() => {
      run(
        process.execPath,
        [
          path.join(project, 'node_modules', 'vite', 'bin', 'vite.js'),
          'build',
          '--logLevel',
          'warn',
        ],
        project,
      );
      const assets = path.join(project, 'dist', 'assets');
      const files = readdirSync(assets);
      code = files
        .filter((file) => file.endsWith('.js'))
        .map((file) => readFileSync(path.join(assets, file), 'utf8'))
        .join('\n');
      sources = files
        .filter((file) => file.endsWith('.js.map'))
        .flatMap(
          (file) =>
            (JSON.parse(readFileSync(path.join(assets, file), 'utf8')) as { sources: string[] })
              .sources,
        );
    }, SETUP_TIMEOUT_MS);

    it('bundles the installed packages', () => {
      expect(
        sources.some((source) => source.includes('node_modules/@relaylane/steam-net-utils/dist/')),
      ).toBe(true);
      expect(sources.some((source) => source.includes('/backends/beacons/'))).toBe(true);
    });

    it('carries no koffi, no Node built-in, and none of the simulation, the Steam backend or Node transports', () => {
      expect(code).not.toMatch(/koffi/);
      expect(code).not.toMatch(
        /__vite-browser-external|node:(dgram|fs|net|child_process|worker_threads)/,
      );
      const forbidden = sources.filter((source) =>
        /\/backends\/(simulated|steam)\/|\/node-transports\//.test(source),
      );
      expect(forbidden).toEqual([]);
    });

    it('runs in Chromium and shows the ping it measured to a beacon started from the packed @relaylane/beacon', async () => {
      beacon = await startBeaconProcess(
        ['--code', 'fra', '--geo', '8.68,50.12', '--desc', 'Frankfurt'],
        { udp: 0, http: 0 },
        path.join(project, 'node_modules', '@relaylane', 'beacon', 'dist', 'cli.js'),
      );
      server = await serveDirectory(path.join(project, 'dist'));
      browser = await launchChromium();
      const configUrl = `${beacon.httpUrl}/network-config`;
      await browser.page.goto(`${server.url}?beacons=${encodeURIComponent(configUrl)}`);
      await browser.page.waitForSelector('body[data-state="current"]', { timeout: 60_000 });
      const pops = await browser.page.locator('#pops li').allTextContents();
      expect(pops).toHaveLength(1);
      const [code, ping] = pops[0]!.split(' ');
      expect(code).toBe('fra');
      expect(Number(ping)).toBeGreaterThanOrEqual(0);
      expect(Number(ping)).toBeLessThan(1000);
    });
  });
});
