// Every ```ts block of this package's README is type-checked against the package's sources and run
// (it starts a beacon on 127.0.0.1, port 0, and closes it); what it prints must match its
// `// prints:` comments (see core's test-support/readme-snippets.ts).
import path from 'node:path';

import { describeReadmeSnippets } from '../../core/src/test-support/readme-snippets.js';
import * as beaconEntry from './index.js';

const packageRoot = path.resolve(__dirname, '..');

describe('packages/beacon/README.md', () => {
  describeReadmeSnippets({
    readmePath: path.join(packageRoot, 'README.md'),
    paths: { '@relaylane/beacon': [path.join(__dirname, 'index.ts')] },
    runtimeModules: { '@relaylane/beacon': beaconEntry },
    minimumBlocks: 1,
    maximumNotRun: 0,
  });
});
