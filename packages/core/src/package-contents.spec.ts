// The published package: what its README links to is in it; what is only for this repository is
// not (specs, test support, the compiler's build info).
import path from 'node:path';

import { packedFiles, readmeLinks } from './test-support/package-contents.js';

const packageDir = path.resolve(__dirname, '..');

describe('the @relaylane/core tarball', () => {
  const files = packedFiles(packageDir);

  it('has its entries, built', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/index.js',
        'dist/babylon/index.js',
        'dist/console/terminal/index.js',
        'dist/console/overlay/index.js',
      ]),
    );
  });

  it('carries every file its README links to', () => {
    const missing = readmeLinks(packageDir).filter(
      (target) => !files.some((file) => file === target || file.startsWith(`${target}/`)),
    );
    expect(missing).toEqual([]);
  });

  it('carries no spec, test support or build info', () => {
    expect(files.filter((file) => /\.spec\.|test-support|tsbuildinfo/.test(file))).toEqual([]);
  });
});
