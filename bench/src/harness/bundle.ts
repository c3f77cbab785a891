/**
 * Production browser builds of small entry programs, made with Vite in a temporary folder and
 * measured: bytes as emitted (minified) and gzipped (Node's zlib, level 9), and which modules the
 * bundle carries.
 *
 * The entries are copied into a fresh folder under the OS's temporary folder whose
 * `node_modules` links each package they import to the repository's install, so the packages
 * resolve through their `package.json` exports to their built files, as in a game's build. Vite
 * runs in a child process (`vite-bundle.mjs`); the folder is deleted afterwards, whatever happens.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** One program to build. */
export interface BundleEntry {
  /** Names the build in the result, e.g. `core`. */
  readonly name: string;
  /** The entry file (TypeScript or JavaScript); it is copied, never built where it is. */
  readonly file: string;
}

/** A module of a bundle and its share of it. */
export interface BundleModule {
  /**
   * The module as `<package>/<path in the package>` (`@relaylane/core/dist/engine.js`), or the
   * entry's file name for the entry itself.
   */
  readonly id: string;
  /** Its code's length in the bundle after tree-shaking, before minification (characters). */
  readonly renderedBytes: number;
}

/** One finished build. */
export interface BuiltBundle {
  readonly name: string;
  /** The files emitted (one chunk for a program without dynamic imports). */
  readonly fileCount: number;
  /** Every emitted file's bytes, summed. */
  readonly minifiedBytes: number;
  /** Every emitted file gzipped on its own at level 9, summed. */
  readonly gzipBytes: number;
  /** The emitted files' text, concatenated: what to search for strings that must not ship. */
  readonly code: string;
  /** Every module in the bundle, largest first. */
  readonly modules: readonly BundleModule[];
  /** What Vite warned about (a Node built-in made empty for the browser, for one). */
  readonly warnings: readonly string[];
}

/** What {@link buildBundles} needs besides the entries. */
export interface BundleBuildOptions {
  /** The `node_modules` folder the entries' bare imports are installed in. */
  readonly nodeModules: string;
  /** `vite-bundle.mjs`, which runs the builds (its own imports resolve from where it is). */
  readonly builderScript: string;
  /** Where the build's folder is made and deleted (default: the OS's temporary folder). */
  readonly temporaryDirectory?: string;
}

/** gzip level of the figures (the highest; a server's static compression usually uses it). */
export const GZIP_LEVEL = 9;

/**
 * Builds every entry (one build each) and measures the results.
 *
 * @throws Error naming the package when an entry imports one that is not installed or not built
 *   (then: `pnpm install`, `pnpm run build`), and with Vite's output when a build fails.
 */
export function buildBundles(
  entries: readonly BundleEntry[],
  options: BundleBuildOptions,
): BuiltBundle[] {
  const root = mkdtempSync(
    path.join(options.temporaryDirectory ?? os.tmpdir(), 'relaylane-bench-bundle-'),
  );
  try {
    const packages = new Map<string, string>();
    const jobEntries = entries.map((entry) => {
      const copy = path.join(root, path.basename(entry.file));
      const source = readFileSync(entry.file, 'utf8');
      writeFileSync(copy, source);
      for (const name of importedPackages(source)) {
        if (!packages.has(name)) packages.set(name, linkPackage(root, options.nodeModules, name));
      }
      return { name: entry.name, entry: copy };
    });
    const realRoot = realpathSync(root);
    const result = runBuilder(options.builderScript, root, jobEntries);
    return result.bundles.map((bundle) => {
      const files = bundle.files.map((file) => Buffer.from(file.base64, 'base64'));
      return {
        name: bundle.name,
        fileCount: files.length,
        minifiedBytes: files.reduce((sum, bytes) => sum + bytes.length, 0),
        gzipBytes: files.reduce(
          (sum, bytes) => sum + gzipSync(bytes, { level: GZIP_LEVEL }).length,
          0,
        ),
        code: files.map((bytes) => bytes.toString('utf8')).join('\n'),
        modules: bundle.modules
          .map((module) => ({
            id: displayId(module.id, realRoot, packages),
            renderedBytes: module.renderedLength,
          }))
          .sort((a, b) => b.renderedBytes - a.renderedBytes || a.id.localeCompare(b.id)),
        warnings: bundle.warnings,
      };
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The packages a source file imports by bare specifier (`@scope/name/sub` -> `@scope/name`). */
export function importedPackages(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
    const specifier = match[1]!;
    if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) {
      continue;
    }
    const parts = specifier.split('/');
    names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
  }
  return [...names];
}

/** Links `name` from `nodeModules` into `root/node_modules`; returns the package's real folder. */
function linkPackage(root: string, nodeModules: string, name: string): string {
  const installed = path.join(nodeModules, ...name.split('/'));
  if (!existsSync(installed)) {
    throw new Error(
      `A bundle entry imports '${name}', which is not installed in ${nodeModules}. ` +
        'Run pnpm install (and add the package to the root package.json if it is new).',
    );
  }
  const real = realpathSync(installed);
  checkBuilt(real, name);
  const link = path.join(root, 'node_modules', ...name.split('/'));
  mkdirSync(path.dirname(link), { recursive: true });
  symlinkSync(real, link, process.platform === 'win32' ? 'junction' : 'dir');
  return real;
}

/** Throws when the file the package's main export names is missing (a workspace package not built). */
function checkBuilt(packageDirectory: string, name: string): void {
  const manifest = JSON.parse(
    readFileSync(path.join(packageDirectory, 'package.json'), 'utf8'),
  ) as {
    exports?: unknown;
    main?: unknown;
  };
  const main = mainExport(manifest.exports) ?? manifest.main;
  if (typeof main !== 'string') return;
  const file = path.join(packageDirectory, main);
  if (!existsSync(file)) {
    throw new Error(
      `'${name}' is not built: its main export ${file} does not exist. Run pnpm run build first.`,
    );
  }
}

/** The `default` (or `import`) target of a package's `"."` export, when it has one. */
function mainExport(exports: unknown): string | undefined {
  const dot =
    typeof exports === 'object' && exports !== null && '.' in exports
      ? (exports as Record<string, unknown>)['.']
      : exports;
  if (typeof dot === 'string') return dot;
  if (typeof dot !== 'object' || dot === null) return undefined;
  const conditions = dot as Record<string, unknown>;
  const target = conditions['default'] ?? conditions['import'];
  return typeof target === 'string' ? target : undefined;
}

/** What `vite-bundle.mjs` writes. */
interface BuilderResult {
  readonly bundles: readonly {
    readonly name: string;
    readonly files: readonly { readonly fileName: string; readonly base64: string }[];
    readonly modules: readonly { readonly id: string; readonly renderedLength: number }[];
    readonly warnings: readonly string[];
  }[];
}

function runBuilder(
  builderScript: string,
  root: string,
  entries: readonly { name: string; entry: string }[],
): BuilderResult {
  const jobPath = path.join(root, 'job.json');
  const output = path.join(root, 'result.json');
  writeFileSync(jobPath, JSON.stringify({ root, entries, output }));
  // NODE_ENV decides what Vite defines `process.env.NODE_ENV` as in the bundle; Jest sets `test`.
  const run = spawnSync(process.execPath, [builderScript, jobPath], {
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (run.error !== undefined) {
    throw new Error(`Could not start Node to run ${builderScript}: ${run.error.message}`);
  }
  if (run.status !== 0) {
    throw new Error(
      `The Vite build of ${entries.map((entry) => entry.name).join(', ')} failed ` +
        `(node ${builderScript}, exit ${String(run.status)}):\n${run.stderr}${run.stdout}`,
    );
  }
  return JSON.parse(readFileSync(output, 'utf8')) as BuilderResult;
}

/**
 * A module id as `<package>/<path>`: files of a linked package by the package's name, other
 * installed files by the path after their last `node_modules/`, the entries by file name,
 * virtual modules by their name.
 */
function displayId(id: string, root: string, packages: ReadonlyMap<string, string>): string {
  // A leading NUL marks a bundler's virtual module (`\0rolldown/runtime.js`).
  const normalized = id.replace(/^\0/, '').replaceAll('\\', '/');
  const within = (folder: string): string | undefined => {
    const prefix = `${folder.replaceAll('\\', '/')}/`;
    return normalized.startsWith(prefix) ? normalized.slice(prefix.length) : undefined;
  };
  const entry = within(root);
  if (entry !== undefined) return entry;
  for (const [name, folder] of packages) {
    const rest = within(folder);
    if (rest !== undefined) return `${name}/${rest}`;
  }
  const installed = normalized.lastIndexOf('/node_modules/');
  return installed < 0 ? normalized : normalized.slice(installed + '/node_modules/'.length);
}
