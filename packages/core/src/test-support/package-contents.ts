/**
 * What `npm pack` would publish of a package (the built `dist/` must exist: the test command
 * builds before it tests), and the relative links of its README, so a spec can check that the
 * tarball carries every file the README links to and nothing that is only for the repository.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The files `npm pack` would put in the tarball, relative to the package folder. */
export function packedFiles(packageDir: string): string[] {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: packageDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [report] = JSON.parse(output) as [{ files: { path: string }[] }];
  return report.files.map((file) => file.path).sort();
}

/** The relative link targets of the package's README (no URLs, no anchors within the page). */
export function readmeLinks(packageDir: string): string[] {
  const markdown = readFileSync(path.join(packageDir, 'README.md'), 'utf8');
  return [...markdown.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
    .map((match) => match[1]!)
    .filter((target) => !/^[a-z]+:/.test(target));
}
