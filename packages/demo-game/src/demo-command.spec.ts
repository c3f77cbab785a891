/**
 * The README's demo command (`bash scripts/demo.sh`) builds the demo once: the workspace build
 * builds it, and serving it (`vite preview`) builds nothing (a first user saw it built twice).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const repositoryRoot = path.resolve(__dirname, '..', '..', '..');
const demoScript = readFileSync(path.join(repositoryRoot, 'scripts', 'demo.sh'), 'utf8');
const rootScripts = (
  JSON.parse(readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;
const demoScripts = (
  JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

/** The script's commands, without comments. */
const commands = demoScript
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

describe('the demo command', () => {
  it('builds once: the workspace build (which builds the demo), then a server that builds nothing', () => {
    expect(commands.filter((line) => /\bbuild\b/.test(line))).toEqual(['pnpm run build']);
    expect(rootScripts['build']).toMatch(/@relaylane\/demo-game run build/);
    expect(commands.at(-1)).toBe('pnpm --filter @relaylane/demo-game run serve');
    expect(demoScripts['serve']).toMatch(/^vite preview /);
  });
});
