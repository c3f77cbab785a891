// @ts-check
/**
 * Turns the table of eslint/layers.mjs into ESLint flat-config objects:
 * - `import-x/no-restricted-paths`, one config object per layer, with one zone per layer it may
 *   not import (so that a message names both layers), one for specs and test-support/, and one for
 *   files that belong to no layer;
 * - `no-restricted-imports` for the workspace packages a package must not import;
 * - `import-x/no-cycle` over the production files.
 * Imports are resolved by eslint-import-resolver-typescript, which maps NodeNext's `.js`
 * specifiers to the `.ts` sources.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import {
  cycleCheckedSources,
  enforceArchitecture,
  exemptFiles,
  layeredPackages,
  workspacePackages,
} from './layers.mjs';

/** @typedef {import('./layers.mjs').Layer} Layer */
/** @typedef {import('./layers.mjs').LayeredPackage} LayeredPackage */
/** @typedef {import('eslint').Linter.Config} Config */

const table = 'eslint/layers.mjs';
const repositoryRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const sourceFiles = '**/*.{ts,mts,cts,tsx}';

/**
 * Zones are matched against absolute paths. Anchored at any depth rather than at this checkout,
 * the same zones apply to the spec's fixtures, which copy the packages' layout in a folder of
 * their own.
 * @param {string} relative
 */
const anywhere = (relative) => `/**/${relative}`;

/**
 * The rules, as config objects to spread into eslint.config.mjs; none when the switch of
 * eslint/layers.mjs is off (the architecture spec sets RELAYLANE_ENFORCE_ARCHITECTURE=1 to check
 * them whatever the switch says).
 * @returns {Config[]}
 */
export function architecture() {
  if (!enforceArchitecture && process.env.RELAYLANE_ENFORCE_ARCHITECTURE !== '1') return [];
  return [
    {
      name: 'architecture/import resolution',
      files: [sourceFiles, '**/*.{js,mjs,cjs}'],
      plugins: { 'import-x': importX },
      settings: {
        'import-x/resolver-next': [createTypeScriptImportResolver()],
        // Without TypeScript's extensions here, import-x would not follow imports of .ts files.
        'import-x/extensions': ['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs'],
        // The cycle check reads sources only: not a workspace package's built typings, not
        // dependencies.
        'import-x/ignore': ['[\\\\/]node_modules[\\\\/]', '\\.d\\.[cm]?ts$'],
      },
    },
    ...layeredPackages.flatMap(layerConfigs),
    ...packageConfigs(),
    {
      name: 'architecture/no import cycles',
      files: cycleCheckedSources.map((source) => [`${source}/**`, sourceFiles]),
      ignores: exemptFiles,
      rules: { 'import-x/no-cycle': 'error' },
    },
  ];
}

/**
 * One config object per layer of a package: its production files may import only the layers
 * it lists.
 * @param {LayeredPackage} layered
 * @returns {Config[]}
 */
function layerConfigs(layered) {
  const layers = withUnnamedBackends(layered);
  checkTable(layered, layers);
  const inSource = (/** @type {string} */ glob) => `${layered.src}/${glob}`;
  const everyLayerFile = layers.flatMap((each) =>
    each.files.map((glob) => anywhere(inSource(glob))),
  );
  // Specs and their helpers sit in the layers' folders but belong to no layer.
  const specOnly = [anywhere(inSource('**/test-support/**')), anywhere(inSource('**/*.spec.ts'))];
  return layers.map((importer) => {
    const target = importer.files.map((glob) => anywhere(inSource(glob)));
    const forbidden = layers.filter(
      (other) => other !== importer && !importer.mayImport.includes(other.name),
    );
    /** @type {{ target: string[], from: string[], except?: string[], message: string }[]} */
    const zones = forbidden.map((imported) => ({
      target,
      from: imported.files.map((glob) => anywhere(inSource(glob))),
      except: specOnly,
      message: `${importer.name} may not import ${imported.name}: ${reason(layered, layers, importer, imported)} (see ${table})`,
    }));
    zones.push({
      target,
      from: specOnly,
      message: `${importer.name} may not import test-support/ or a spec: they are for specs only (see ${table})`,
    });
    zones.push({
      target,
      from: [anywhere(inSource('**'))],
      except: [...everyLayerFile, ...specOnly],
      message: `${importer.name} may not import a file that is in no layer: every production file of ${layered.src} belongs to a layer of ${table}`,
    });
    return {
      name: `architecture/${layered.name} ${importer.name}`,
      files: importer.files.map((glob) => [inSource(glob), sourceFiles]),
      ignores: exemptFiles,
      rules: { 'import-x/no-restricted-paths': ['error', { basePath: '/', zones }] },
    };
  });
}

/**
 * Why `importer` may not import `imported`, for the message.
 * @param {LayeredPackage} layered
 * @param {readonly Layer[]} layers
 * @param {Layer} importer
 * @param {Layer} imported
 */
function reason(layered, layers, importer, imported) {
  if (isBackend(layered, importer) && isBackend(layered, imported)) {
    return 'backends never import each other';
  }
  if (layers.indexOf(imported) > layers.indexOf(importer)) return 'imports point down the layers';
  return importer.mayImport.length === 0
    ? `${importer.name} imports nothing outside itself`
    : `${importer.name} imports only ${importer.mayImport.join(', ')}`;
}

/**
 * @param {LayeredPackage} layered
 * @param {Layer} candidate
 */
function isBackend(layered, candidate) {
  const folder = layered.backendsFolder;
  return folder !== undefined && candidate.name.startsWith(folder) && candidate.name !== folder;
}

/**
 * The table's layers plus, for each backend folder on disk that the table does not name, a layer
 * of its own right after the named backends, so that it too may not import another backend. The
 * folders are looked for in this checkout and under the working directory (where the spec's
 * fixtures are); a backends folder that does not exist yet has none.
 * @param {LayeredPackage} layered
 * @returns {Layer[]}
 */
function withUnnamedBackends(layered) {
  const folder = layered.backendsFolder;
  if (folder === undefined) return [...layered.layers];
  const named = new Set(layered.layers.map((each) => each.name));
  const unnamed = new Set();
  for (const root of new Set([repositoryRoot, process.cwd()])) {
    for (const entry of listDirectory(path.join(root, layered.src, folder))) {
      const name = `${folder}${entry.name}/`;
      if (entry.isDirectory() && !named.has(name)) unnamed.add(name);
    }
  }
  const layers = [...layered.layers];
  const lastBackend = layers.findLastIndex((each) => isBackend(layered, each));
  layers.splice(
    lastBackend + 1,
    0,
    ...[...unnamed].sort().map((name) => ({
      name,
      files: [`${name}**`],
      mayImport: layered.backendMayImport ?? [],
    })),
  );
  return layers;
}

/** @param {string} directory */
function listDirectory(directory) {
  try {
    return fs.readdirSync(directory, { withFileTypes: true });
  } catch {
    return [];
  }
}

/**
 * A layer may import only layers below it that exist: a typo in the table, or an import that
 * points up, would otherwise pass unnoticed.
 * @param {LayeredPackage} layered
 * @param {readonly Layer[]} layers
 */
function checkTable(layered, layers) {
  layers.forEach((importer, index) => {
    for (const name of importer.mayImport) {
      const imported = layers.findIndex((each) => each.name === name);
      if (imported === -1 || imported >= index) {
        throw new Error(
          `${table}: ${layered.name}'s layer ${importer.name} may import ${name}, which is ` +
            (imported === -1 ? 'not one of its layers' : 'not below it') +
            `; list only layers below ${importer.name} in its mayImport`,
        );
      }
    }
  });
}

/**
 * Every file of a workspace package (specs too) imports only the packages below it.
 * @returns {Config[]}
 */
function packageConfigs() {
  return workspacePackages.flatMap((importer, index) => {
    const above = workspacePackages.slice(index + 1);
    if (above.length === 0) return [];
    return [
      {
        name: `architecture/${importer.name} imports`,
        files: [`${importer.folder}/${sourceFiles}`],
        rules: {
          'no-restricted-imports': [
            'error',
            {
              patterns: above.map((forbidden) => ({
                group: [forbidden.name, `${forbidden.name}/*`],
                message: `${importer.name} may not import ${forbidden.name}: packages import only the packages below them (see ${table})`,
              })),
            },
          ],
        },
      },
    ];
  });
}
