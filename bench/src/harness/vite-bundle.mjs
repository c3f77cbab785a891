// @ts-check
/**
 * Builds browser bundles with Vite, in a Node process of its own: Vite ships ES modules only,
 * which Jest's CommonJS runtime cannot load on Node 20, so `bundle.ts` runs this file with
 * `node` both under `pnpm bench` and in the smoke spec.
 *
 *   node vite-bundle.mjs <job.json>
 *
 * The job names a root folder and the entry files in it; each entry is its own production build
 * (minified, nothing written to disk). The result, written to the job's `output` file, holds
 * every emitted file's bytes (base64) and each chunk's modules with their rendered length, so the
 * caller measures sizes and attributes them. Vite's warnings are returned, not printed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { build, createLogger } from 'vite';

/**
 * @typedef {object} BundleJob
 * @property {string} root The folder the entries are in (Vite's root); its cache goes under it.
 * @property {{ name: string; entry: string }[]} entries One build per entry (absolute paths).
 * @property {string} output Where the result is written, as JSON.
 */

/**
 * @typedef {object} BundleJobResult
 * @property {{ name: string; files: { fileName: string; base64: string }[]; modules: { id: string; renderedLength: number }[]; warnings: string[] }[]} bundles
 */

const jobPath = process.argv[2];
if (jobPath === undefined) {
  console.error('Usage: node vite-bundle.mjs <job.json>');
  process.exit(2);
}
/** @type {BundleJob} */
const job = JSON.parse(readFileSync(jobPath, 'utf8'));

/** @type {BundleJobResult} */
const result = { bundles: [] };
for (const { name, entry } of job.entries) {
  /** @type {string[]} */
  const warnings = [];
  const logger = createLogger('warn');
  logger.warn = (message) => void warnings.push(message);
  logger.warnOnce = logger.warn;

  const output = await build({
    root: job.root,
    configFile: false,
    publicDir: false,
    cacheDir: path.join(job.root, '.vite'),
    mode: 'production',
    customLogger: logger,
    build: {
      write: false,
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      rolldownOptions: { input: entry },
    },
  });
  if (!('output' in output) && !Array.isArray(output)) {
    throw new Error(`Vite returned a watcher for ${entry}; expected a finished build.`);
  }

  const files = [];
  const modules = [];
  for (const { output: emitted } of Array.isArray(output) ? output : [output]) {
    for (const file of emitted) {
      const bytes = Buffer.from(file.type === 'chunk' ? file.code : file.source);
      files.push({ fileName: file.fileName, base64: bytes.toString('base64') });
      if (file.type === 'chunk') {
        for (const [id, info] of Object.entries(file.modules)) {
          modules.push({ id, renderedLength: info.renderedLength });
        }
      }
    }
  }
  result.bundles.push({ name, files, modules, warnings });
}
writeFileSync(job.output, JSON.stringify(result));
