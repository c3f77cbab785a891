import path from 'node:path';
import type { Config } from 'jest';

/**
 * One Jest project per package, all built from the same base so that every package is tested the
 * same way: TypeScript through ts-jest (transpile only; `pnpm typecheck` type-checks the specs),
 * `reflect-metadata` loaded first for inversify's decorators, and the `.js` suffixes that NodeNext
 * requires in relative imports mapped back to the `.ts` sources.
 */
const tsJestTransform: Record<string, [string, unknown]> = {
  '^.+\\.tsx?$': [
    'ts-jest',
    {
      tsconfig: path.join(__dirname, 'tsconfig.jest.json'),
    },
  ],
};

// NodeNext needs `.js` in relative imports; Jest resolves the `.ts` source instead.
const relativeJsSuffix = { '^(\\.{1,2}/.*)\\.js$': '$1' };

// Tests run the workspace's packages from their sources, not from a build that may be stale.
const coreSource = path.join(__dirname, 'packages', 'core', 'src', 'index.ts');
const netUtilsSource = path.join(__dirname, 'packages', 'steam-net-utils', 'src', 'index.ts');

function packageProject(directory: string, overrides: Partial<Config> = {}): Config {
  return {
    displayName: `@relaylane/${directory}`,
    rootDir: path.join(__dirname, 'packages', directory),
    testMatch: ['<rootDir>/src/**/*.spec.ts'],
    testEnvironment: 'node',
    setupFiles: ['reflect-metadata'],
    transform: tsJestTransform,
    moduleNameMapper: relativeJsSuffix,
    ...overrides,
  };
}

const config: Config = {
  projects: [
    packageProject('core', {
      // @babylonjs/core ships ES modules only; the Babylon adapter's spec runs the real library, so
      // its files go through ts-jest (allowJs, to CommonJS) like ours.
      transform: {
        ...tsJestTransform,
        '^.+/@babylonjs/core/.+\\.js$': [
          'ts-jest',
          {
            tsconfig: {
              allowJs: true,
              module: 'CommonJS',
              target: 'ES2022',
              isolatedModules: true,
            },
          },
        ],
      },
      transformIgnorePatterns: [
        '/node_modules/(?!(\\.pnpm/@babylonjs\\+core[^/]*/node_modules/)?@babylonjs/core/)',
      ],
    }),
    packageProject('steam-net-utils', {
      moduleNameMapper: { ...relativeJsSuffix, '^@relaylane/core$': coreSource },
    }),
    packageProject('demo-game', {
      moduleNameMapper: {
        ...relativeJsSuffix,
        '^@relaylane/core$': coreSource,
        '^@relaylane/steam-net-utils$': netUtilsSource,
      },
    }),
    // The demo in headless Chromium against its built page: real time, so a longer timeout.
    packageProject('demo-game', {
      displayName: '@relaylane/demo-game (browser)',
      testMatch: ['<rootDir>/e2e/**/*.e2e.spec.ts'],
      testTimeout: 120_000,
      moduleNameMapper: { ...relativeJsSuffix, '^@relaylane/core$': coreSource },
    }),
  ],
};

export default config;
