import path from 'node:path';
import type { Config } from 'jest';

/**
 * One Jest project per package (and one for the benchmarks' smoke tests), all built from the same
 * base so that every package is tested the same way: TypeScript through ts-jest (transpile only;
 * `pnpm typecheck` type-checks the specs), `reflect-metadata` loaded first for inversify's
 * decorators, and the `.js` suffixes that NodeNext requires in relative imports mapped back to the
 * `.ts` sources.
 */
const tsJest: [string, unknown] = [
  'ts-jest',
  { tsconfig: path.join(__dirname, 'tsconfig.jest.json') },
];

// NodeNext needs `.js` in relative imports; Jest resolves the `.ts` source instead.
const relativeJsSuffix = { '^(\\.{1,2}/.*)\\.js$': '$1' };

// Tests run the workspace's packages from their sources, not from a build that may be stale.
const source = (...segments: string[]): string => path.join(__dirname, 'packages', ...segments);
const coreSource = source('core', 'src', 'index.ts');
const netUtilsSource = source('steam-net-utils', 'src', 'index.ts');
const simulatedSource = source('steam-net-utils', 'src', 'simulated.ts');
const steamSource = source('steam-net-utils', 'src', 'steam.ts');
const estimatorSource = source('steam-net-utils', 'src', 'estimator.ts');
// Jest runs in Node, so the beacons entry is Node's build (package.json's `node` condition).
const beaconsSource = source('steam-net-utils', 'src', 'beacons-node.ts');
const autoSource = source('steam-net-utils', 'src', 'auto-node.ts');
const beaconSource = source('beacon', 'src', 'index.ts');
// Every entry of the workspace's packages, mapped to its source.
const coreTerminalSource = source('core', 'src', 'console', 'terminal', 'index.ts');
const workspaceEntries = {
  '^@relaylane/core$': coreSource,
  '^@relaylane/core/terminal$': coreTerminalSource,
  '^@relaylane/steam-net-utils$': netUtilsSource,
  '^@relaylane/steam-net-utils/simulated$': simulatedSource,
  '^@relaylane/steam-net-utils/steam$': steamSource,
  '^@relaylane/steam-net-utils/estimator$': estimatorSource,
  '^@relaylane/steam-net-utils/beacons$': beaconsSource,
  '^@relaylane/steam-net-utils/auto$': autoSource,
  '^@relaylane/beacon$': beaconSource,
};

/**
 * Jest runs CommonJS; these dependencies ship ES modules only (`@babylonjs/core`, `tinybench`), so
 * their files go through ts-jest too (allowJs, to CommonJS) and are not ignored by the transform.
 */
function withEsmOnlyPackages(names: readonly string[]): Partial<Config> {
  const alternatives = names.map((name) => name.replace('/', '\\/')).join('|');
  const storeNames = names.map((name) => name.replace('/', '\\+')).join('|');
  return {
    transform: {
      '^.+\\.tsx?$': tsJest,
      [`^.+/(${alternatives})/.+\\.js$`]: [
        'ts-jest',
        {
          tsconfig: { allowJs: true, module: 'CommonJS', target: 'ES2022', isolatedModules: true },
        },
      ],
    },
    transformIgnorePatterns: [
      `/node_modules/(?!(\\.pnpm/(${storeNames})[^/]*/node_modules/)?(${alternatives})/)`,
    ],
  };
}

function project(displayName: string, rootDir: string, overrides: Partial<Config> = {}): Config {
  return {
    displayName,
    rootDir,
    testMatch: ['<rootDir>/src/**/*.spec.ts'],
    testEnvironment: 'node',
    setupFiles: ['reflect-metadata'],
    transform: { '^.+\\.tsx?$': tsJest },
    moduleNameMapper: relativeJsSuffix,
    ...overrides,
  };
}

function packageProject(directory: string, overrides: Partial<Config> = {}): Config {
  return project(`@relaylane/${directory}`, source(directory), overrides);
}

const config: Config = {
  projects: [
    // The Babylon adapter's spec runs the real @babylonjs/core.
    packageProject('core', withEsmOnlyPackages(['@babylonjs/core'])),
    packageProject('steam-net-utils', {
      moduleNameMapper: {
        ...relativeJsSuffix,
        '^@relaylane/core$': coreSource,
        '^@relaylane/core/terminal$': coreTerminalSource,
      },
    }),
    // The beacon: real sockets on 127.0.0.1 and ::1 (port 0); its rounds and timeouts run on each
    // test's own clock.
    packageProject('beacon'),
    packageProject('demo-game', {
      moduleNameMapper: { ...relativeJsSuffix, ...workspaceEntries },
    }),
    // The demo in headless Chromium against its built page: real time, so a longer timeout.
    packageProject('demo-game', {
      displayName: '@relaylane/demo-game (browser)',
      testMatch: ['<rootDir>/e2e/**/*.e2e.spec.ts'],
      testTimeout: 120_000,
      moduleNameMapper: { ...relativeJsSuffix, ...workspaceEntries },
    }),
    // The lint rules of eslint/ (layers, package order, import cycles) against their fixtures.
    project('eslint', path.join(__dirname, 'eslint'), { testMatch: ['<rootDir>/*.spec.ts'] }),
    // Every benchmark once with tiny sizes, so `pnpm bench` cannot rot.
    project('bench', path.join(__dirname, 'bench'), {
      ...withEsmOnlyPackages(['tinybench', '@babylonjs/core']),
      moduleNameMapper: { ...relativeJsSuffix, ...workspaceEntries },
    }),
  ],
};

export default config;
