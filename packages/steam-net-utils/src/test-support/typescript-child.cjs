// @ts-check
/**
 * Runs one of the workspace's TypeScript files in a plain Node process, the way Jest runs the
 * specs: every `.ts` file is transpiled to CommonJS as it is required (TypeScript's
 * `transpileModule`, no type check), a relative `./x.js` import finds `./x.ts`, and the workspace
 * packages resolve to their sources (as jest.config.ts maps them).
 *
 *   node typescript-child.cjs <file.ts> [arguments...]
 *
 * For tests that must run code in a child process of its own (a crash in native code then fails
 * the test instead of killing Jest). The file runs as the main program: `process.argv[2]` is its
 * path, its own arguments follow.
 */
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const packagesDir = path.resolve(__dirname, '..', '..', '..');

/** @type {Readonly<Record<string, string>>} */
const workspaceEntries = {
  '@relaylane/core': 'core/src/index.ts',
  '@relaylane/steam-net-utils': 'steam-net-utils/src/index.ts',
  '@relaylane/steam-net-utils/simulated': 'steam-net-utils/src/simulated.ts',
  '@relaylane/steam-net-utils/steam': 'steam-net-utils/src/steam.ts',
  '@relaylane/steam-net-utils/estimator': 'steam-net-utils/src/estimator.ts',
  '@relaylane/steam-net-utils/beacons': 'steam-net-utils/src/beacons-node.ts',
  '@relaylane/steam-net-utils/auto': 'steam-net-utils/src/auto-node.ts',
};

/** @type {import('typescript').CompilerOptions} */
const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  experimentalDecorators: true,
  inlineSourceMap: true,
};

// Node's resolver, wrapped: the two rewrites above, everything else as Node resolves it.
const resolveFilename = /** @type {any} */ (Module)._resolveFilename;
/** @type {any} */ (Module)._resolveFilename = function (
  /** @type {string} */ request,
  /** @type {{ filename?: string } | undefined} */ parent,
  /** @type {unknown[]} */ ...rest
) {
  const entry = workspaceEntries[request];
  if (entry !== undefined) return path.join(packagesDir, entry);
  const fromTypeScript = parent?.filename?.endsWith('.ts') === true;
  if (fromTypeScript && request.startsWith('.') && request.endsWith('.js')) {
    const source = path.resolve(path.dirname(parent.filename ?? ''), `${request.slice(0, -3)}.ts`);
    if (fs.existsSync(source)) return source;
  }
  return resolveFilename.call(this, request, parent, ...rest);
};

/** @type {any} */ (Module)._extensions['.ts'] = (
  /** @type {{ _compile(code: string, filename: string): void }} */ module,
  /** @type {string} */ filename,
) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions,
  });
  module._compile(outputText, filename);
};

const main = process.argv[2];
if (main === undefined) {
  console.error('Usage: node typescript-child.cjs <file.ts> [arguments...]');
  process.exit(2);
}
require(path.resolve(main));
