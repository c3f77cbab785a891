// Every ```ts block of this package's README and of the repository's README is type-checked
// against the workspace's sources and, unless marked `<!-- not run -->`, run; what it prints must
// match its `// prints:` comments (see core's test-support/readme-snippets.ts).
import * as http from 'node:http';
import path from 'node:path';
import * as core from '@relaylane/core';
import * as inversify from 'inversify';

import {
  describeReadmeSnippets,
  type ReadmeCheckOptions,
} from '../../core/src/test-support/readme-snippets.js';
import * as autoEntry from './auto-node.js';
import * as beaconsEntry from './beacons-node.js';
import * as estimatorEntry from './estimator.js';
import * as networkingUtilsEntry from './index.js';
import * as simulatedEntry from './simulated.js';

const packageRoot = path.resolve(__dirname, '..');
const coreSource = path.resolve(packageRoot, '..', 'core', 'src');

const checked: Omit<ReadmeCheckOptions, 'readmePath'> = {
  paths: {
    '@relaylane/core': [path.join(coreSource, 'index.ts')],
    '@relaylane/core/babylon': [path.join(coreSource, 'babylon', 'index.ts')],
    '@relaylane/core/terminal': [path.join(coreSource, 'console', 'terminal', 'index.ts')],
    '@relaylane/core/console-overlay': [path.join(coreSource, 'console', 'overlay', 'index.ts')],
    '@relaylane/steam-net-utils': [path.join(__dirname, 'index.ts')],
    '@relaylane/steam-net-utils/simulated': [path.join(__dirname, 'simulated.ts')],
    '@relaylane/steam-net-utils/steam': [path.join(__dirname, 'steam.ts')],
    '@relaylane/steam-net-utils/estimator': [path.join(__dirname, 'estimator.ts')],
    '@relaylane/steam-net-utils/beacons': [path.join(__dirname, 'beacons-node.ts')],
    '@relaylane/steam-net-utils/auto': [path.join(__dirname, 'auto-node.ts')],
  },
  // The modules this spec has loaded, so a block sees the same classes as the rest of the run.
  runtimeModules: {
    '@relaylane/core': core,
    '@relaylane/steam-net-utils': networkingUtilsEntry,
    '@relaylane/steam-net-utils/simulated': simulatedEntry,
    '@relaylane/steam-net-utils/estimator': estimatorEntry,
    '@relaylane/steam-net-utils/beacons': beaconsEntry,
    '@relaylane/steam-net-utils/auto': autoEntry,
    'node:http': http,
    inversify,
    'reflect-metadata': {},
  },
};

describe('packages/steam-net-utils/README.md', () => {
  describeReadmeSnippets({
    ...checked,
    readmePath: path.join(packageRoot, 'README.md'),
    minimumBlocks: 6,
    // The Steam block needs a Steam client; the beacons block needs beacons that answer.
    maximumNotRun: 2,
  });
});

describe('README.md of the repository', () => {
  describeReadmeSnippets({
    ...checked,
    readmePath: path.resolve(packageRoot, '..', '..', 'README.md'),
    minimumBlocks: 2,
    maximumNotRun: 0,
  });
});
