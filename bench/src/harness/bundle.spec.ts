import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { buildBundles, importedPackages } from './bundle.js';

describe('importedPackages', () => {
  it('names each package a source imports by bare specifier, once, scoped or not', () => {
    const source = [
      "import { Engine } from '@relaylane/core';",
      "import { type X, Y } from '@relaylane/steam-net-utils';",
      "import '@relaylane/steam-net-utils/steam';",
      "export { z } from 'lodash/fp';",
      "const lazy = import('tseep');",
      "import { here } from './here.js';",
      "import fs from 'node:fs';",
    ].join('\n');
    expect(importedPackages(source)).toEqual([
      '@relaylane/core',
      '@relaylane/steam-net-utils',
      'lodash',
      'tseep',
    ]);
  });
});

describe('buildBundles', () => {
  it('names a package that is not installed, and leaves no temporary folder behind', () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'relaylane-bench-spec-'));
    try {
      const entry = path.join(scratch, 'entry.ts');
      writeFileSync(entry, "import { nothing } from 'no-such-package';\nconsole.log(nothing);\n");
      const temporaryDirectory = path.join(scratch, 'tmp');
      mkdirSync(temporaryDirectory);
      expect(() =>
        buildBundles([{ name: 'entry', file: entry }], {
          nodeModules: path.join(scratch, 'node_modules'),
          builderScript: path.join(scratch, 'never-run.mjs'),
          temporaryDirectory,
        }),
      ).toThrow(/'no-such-package', which is not installed/);
      expect(readdirSync(temporaryDirectory)).toEqual([]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
