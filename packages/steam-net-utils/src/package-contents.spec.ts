// The published package: what its README links to is in it; what is only for this repository is
// not (specs, test support, the native test double, the compiler's build info).
import path from 'node:path';

import { packedFiles, readmeLinks } from '../../core/src/test-support/package-contents.js';

const packageDir = path.resolve(__dirname, '..');

describe('the @relaylane/steam-net-utils tarball', () => {
  const files = packedFiles(packageDir);

  it('has the three entries, built', () => {
    expect(files).toEqual(
      expect.arrayContaining(['dist/index.js', 'dist/simulated.js', 'dist/steam.js']),
    );
  });

  it.each(readmeLinks(packageDir))('carries %s, which the README links to', (target) => {
    expect(files.some((file) => file === target || file.startsWith(`${target}/`))).toBe(true);
  });

  it('carries no spec, test support, test double or build info', () => {
    expect(
      files.filter((file) => /\.spec\.|test-support|test-double|tsbuildinfo/.test(file)),
    ).toEqual([]);
  });
});
