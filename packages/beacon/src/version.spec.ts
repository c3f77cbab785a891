// The version the beacon reports is its package's, and the published package carries what its
// README links to (the deployment files) and nothing that is only for this repository.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { packedFiles, readmeLinks } from '../../core/src/test-support/package-contents.js';
import { BEACON_VERSION } from './version.js';

const packageDir = path.resolve(__dirname, '..');

describe('the @relaylane/beacon package', () => {
  it('reports the version of its package.json', () => {
    const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(BEACON_VERSION).toBe(manifest.version);
  });

  describe('tarball', () => {
    const files = packedFiles(packageDir);

    it('has the entry and the bin, built', () => {
      expect(files).toEqual(expect.arrayContaining(['dist/index.js', 'dist/cli.js', 'Dockerfile']));
    });

    it.each(readmeLinks(packageDir))('carries %s, which the README links to', (target) => {
      expect(files.some((file) => file === target || file.startsWith(`${target}/`))).toBe(true);
    });

    it('carries no spec, test support or build info', () => {
      expect(files.filter((file) => /\.spec\.|test-support|tsbuildinfo/.test(file))).toEqual([]);
    });
  });
});
