// The README documents every setting of the CLI: its flag, its variable and its file key.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { CONFIG_ENV, CONFIG_FLAG, SETTINGS } from './options/settings.js';

const readme = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

describe('the README', () => {
  it.each(SETTINGS.map((setting) => [setting.flag, setting]))('documents %s', (_flag, setting) => {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${setting.flag} `));
    expect(row).toBeDefined();
    expect(row).toContain(`\`${setting.env}\``);
    expect(row).toContain(`\`${setting.key}\``);
  });

  it('documents the config file', () => {
    expect(readme).toContain(`\`${CONFIG_FLAG} <file.json>\``);
    expect(readme).toContain(`\`${CONFIG_ENV}\``);
  });
});
