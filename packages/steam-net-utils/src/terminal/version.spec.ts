import { readFileSync } from 'node:fs';
import path from 'node:path';

import { NET_CLI_VERSION } from './version.js';

describe('relaylane-net --version', () => {
  it("is the version of the package's package.json", () => {
    const manifest = JSON.parse(
      readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8'),
    ) as { version: string };
    expect(NET_CLI_VERSION).toBe(manifest.version);
  });
});
