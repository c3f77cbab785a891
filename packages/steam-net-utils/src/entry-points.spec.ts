/**
 * The main entry must stay browser-safe: neither it nor anything it imports, transitively, may
 * import koffi or the Steam entry (`src/steam/`). This walks the import graph of the sources.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const PACKAGE_SRC = __dirname;
const CORE_SRC = path.resolve(PACKAGE_SRC, '..', '..', 'core', 'src');
const STEAM_DIR = path.join(PACKAGE_SRC, 'backends', 'steam') + path.sep;

// Static imports and re-exports (`import ... from 'x'`, `export ... from 'x'`, `import 'x'`),
// dynamic imports and requires.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;

/** The module specifiers a source file names (comments removed first). */
function importedSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return [...code.matchAll(SPECIFIER)].map((match) => match[1]!);
}

function resolveRelative(fromFile: string, specifier: string): string {
  const base = path.resolve(path.dirname(fromFile), specifier.replace(/\.js$/, ''));
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${fromFile}: cannot resolve '${specifier}'`);
}

/** Every file reachable from `entry`, and every bare specifier imported on the way (with who imports it). */
function walk(entry: string): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of importedSpecifiers(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) {
        pending.push(resolveRelative(file, specifier));
      } else if (specifier === '@relaylane/core') {
        pending.push(path.join(CORE_SRC, 'index.ts'));
      } else if (!packages.has(specifier)) {
        packages.set(specifier, path.relative(PACKAGE_SRC, file));
      }
    }
  }
  return { files, packages };
}

describe('the main entry (src/index.ts) import graph', () => {
  const { files, packages } = walk(path.join(PACKAGE_SRC, 'index.ts'));

  it('reaches the service, the simulation and core (the walk follows imports)', () => {
    const relative = [...files].map((file) => path.relative(PACKAGE_SRC, file));
    expect(relative).toEqual(
      expect.arrayContaining([
        path.join('service', 'networking-utils.ts'),
        path.join('backends', 'simulated', 'simulated-relay-network.ts'),
        path.join('compose', 'select-backend.ts'),
        path.join('..', '..', 'core', 'src', 'index.ts'),
      ]),
    );
  });

  it('never reaches a file of src/backends/steam', () => {
    expect([...files].filter((file) => file.startsWith(STEAM_DIR))).toEqual([]);
  });

  it('never imports koffi or a node: module', () => {
    const offending = [...packages].filter(
      ([specifier]) =>
        specifier === 'koffi' || specifier.startsWith('koffi/') || specifier.startsWith('node:'),
    );
    expect(offending).toEqual([]);
  });
});

describe('the estimator entry (src/estimator.ts) import graph', () => {
  const { files, packages } = walk(path.join(PACKAGE_SRC, 'estimator.ts'));
  const relative = [...files].map((file) => path.relative(PACKAGE_SRC, file));

  it('reaches the estimator (the walk follows imports)', () => {
    expect(relative).toEqual(
      expect.arrayContaining([
        path.join('estimator', 'ping-location-text.ts'),
        path.join('estimator', 'lobby-ranking.ts'),
        path.join('estimator', 'valve-relay-network.ts'),
      ]),
    );
  });

  it('reaches nothing but the estimator and the constants: no engine, simulation or Steam', () => {
    const outside = relative.filter(
      (file) =>
        file !== 'estimator.ts' &&
        !file.startsWith(`estimator${path.sep}`) &&
        !file.startsWith(`constants${path.sep}`),
    );
    expect(outside).toEqual([]);
  });

  it('imports no package at all', () => {
    expect([...packages.keys()]).toEqual([]);
  });
});

describe('the import scanner', () => {
  it('finds static imports, re-exports, side-effect imports, dynamic imports and requires', () => {
    const source = [
      "import koffi from 'koffi';",
      "import { type A } from './a.js';",
      'export { B } from "./b.js";',
      "export * from './c.js';",
      "import './d.js';",
      "const e = await import('./e.js');",
      "const f = require('./f.js');",
      "// import './commented.js';",
      "/* export * from './block.js'; */",
    ].join('\n');
    expect(importedSpecifiers(source)).toEqual([
      'koffi',
      './a.js',
      './b.js',
      './c.js',
      './d.js',
      './e.js',
      './f.js',
    ]);
  });

  it('sees the steam entry import koffi (so the graph test can fail)', () => {
    const { packages, files } = walk(path.join(PACKAGE_SRC, 'steam.ts'));
    expect(packages.has('koffi')).toBe(true);
    expect([...files].some((file) => file.startsWith(STEAM_DIR))).toBe(true);
  });
});

describe.each([
  ['the beacons entry in browsers (src/beacons.ts)', 'beacons.ts', false],
  ['autoBackend in browsers (src/auto.ts)', 'auto.ts', true],
])('%s import graph', (_name, entry, mayReachSimulation) => {
  const { files, packages } = walk(path.join(PACKAGE_SRC, entry));
  const relative = [...files].map((file) => path.relative(PACKAGE_SRC, file));

  it('reaches the beacons backend (the walk follows imports)', () => {
    expect(relative).toContain(path.join('backends', 'beacons', 'beacons-relay-network.ts'));
  });

  it("never reaches the Steam backend or Node's transports", () => {
    expect(
      relative.filter(
        (file) =>
          file.startsWith(path.join('backends', 'steam') + path.sep) ||
          file.startsWith('node-transports' + path.sep),
      ),
    ).toEqual([]);
  });

  it('never imports koffi, ws or a node: module', () => {
    const offending = [...packages].filter(
      ([specifier]) => specifier === 'koffi' || specifier === 'ws' || specifier.startsWith('node:'),
    );
    expect(offending).toEqual([]);
  });

  it(
    mayReachSimulation
      ? 'reaches the simulation (its last fallback)'
      : 'carries no simulation code',
    () => {
      const simulation = relative.filter((file) =>
        file.startsWith(path.join('backends', 'simulated') + path.sep),
      );
      if (mayReachSimulation) expect(simulation.length).toBeGreaterThan(0);
      else expect(simulation).toEqual([]);
    },
  );
});
