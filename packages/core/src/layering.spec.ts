// The direction of core's imports: the root files (signals, message queue, engine, plugins,
// singletons, clocks, tokens, errors...) are the bottom layer; `console/`, `loops/` and `babylon/`
// sit on top of them and never the other way round, so the engine builds without the dev console
// or any host loop. `index.ts` is the entry point that re-exports them all, and specs may import
// anything; every other root file is checked, type-only imports included.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const sourceRoot = __dirname;
const upperLayers = ['console', 'loops', 'babylon'];

function rootProductionFiles(): string[] {
  return readdirSync(sourceRoot)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts') && file !== 'index.ts')
    .sort();
}

/** Every module specifier a file names: imports, `import type`, re-exports, `import()` types. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(sourceRoot, file), 'utf8');
  return ts.preProcessFile(text, true, true).importedFiles.map((imported) => imported.fileName);
}

function upperLayerOf(specifier: string): string | undefined {
  const normalized = path.posix.normalize(specifier);
  return upperLayers.find((layer) => normalized.startsWith(`${layer}/`));
}

describe('core layering', () => {
  test('the root files are the ones the layering rule is about', () => {
    const files = rootProductionFiles();
    for (const file of ['engine.ts', 'plugin.ts', 'tokens.ts', 'signal.ts', 'message-queue.ts']) {
      expect(files).toContain(file);
    }
  });

  test.each(rootProductionFiles())(
    '%s imports nothing from console/, loops/ or babylon/',
    (file) => {
      const offending = importsOf(file).filter(
        (specifier) => upperLayerOf(specifier) !== undefined,
      );
      expect(offending).toEqual([]);
    },
  );

  test('the check sees type-only imports, re-exports and import() types', () => {
    const text = [
      "import { type CommandRegistry } from './console/command-registry.js';",
      "import type { LoopHandle } from './loops/fixed-rate-loop.js';",
      "export { attachToBabylonScene } from './babylon/index.js';",
      "type Overlay = import('./console/overlay/index.js').ConsoleOverlay;",
    ].join('\n');
    const specifiers = ts.preProcessFile(text, true, true).importedFiles.map((i) => i.fileName);
    expect(specifiers.map(upperLayerOf)).toEqual(['console', 'loops', 'babylon', 'console']);
  });
});
