// Every ```ts block of packages/core/README.md is type-checked, as a module of its own, against
// core's sources (`@relaylane/core` and its entry points are mapped to src/ through `paths`, so no
// build is needed), with the repository's compiler options. Then each block runs, unless the line
// before its fence is `<!-- not run -->` (Node-only or browser-only programs), and what it prints
// must match its `// prints: ...` comments, in order.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import * as inversify from 'inversify';
import ts from 'typescript';
import * as core from './index.js';

const packageRoot = path.resolve(__dirname, '..');
const readmePath = path.join(packageRoot, 'README.md');
const NOT_RUN = '<!-- not run -->';

interface Snippet {
  /** The README line of the opening fence (1-based). */
  readonly line: number;
  readonly code: string;
  readonly run: boolean;
  /** The file name it is compiled as (never written to disk). */
  readonly fileName: string;
}

/** The ```ts blocks of `markdown`, with the line of each fence and its `not run` marker. */
function extractSnippets(markdown: string): Snippet[] {
  const lines = markdown.split('\n');
  const snippets: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```ts') continue;
    const end = lines.indexOf('```', i + 1);
    if (end === -1) throw new Error(`README.md:${i + 1}: a \`\`\`ts block is never closed`);
    // The marker may be separated from the fence by one blank line (Prettier puts one there).
    const before = lines[i - 1] === '' ? lines[i - 2] : lines[i - 1];
    snippets.push({
      line: i + 1,
      code: lines.slice(i + 1, end).join('\n'),
      run: before !== NOT_RUN,
      fileName: path.join(packageRoot, `README.snippet-line-${i + 1}.ts`),
    });
    i = end;
  }
  return snippets;
}

function compilerOptions(): ts.CompilerOptions {
  const configPath = path.resolve(packageRoot, '../../tsconfig.base.json');
  const { config } = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
  const json: unknown = config?.compilerOptions;
  const { options } = ts.convertCompilerOptionsFromJson(json, path.dirname(configPath));
  const source = (file: string): string[] => [path.join(packageRoot, 'src', file)];
  return {
    ...options,
    // Snippets use top-level await and bare package names, as an application's entry file does.
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    composite: false,
    declaration: false,
    declarationMap: false,
    noEmit: true,
    types: ['node'],
    typeRoots: [path.resolve(packageRoot, '../../node_modules/@types')],
    paths: {
      '@relaylane/core': source('index.ts'),
      '@relaylane/core/terminal': source('console/terminal/index.ts'),
      '@relaylane/core/console-overlay': source('console/overlay/index.ts'),
      '@relaylane/core/babylon': source('babylon/index.ts'),
    },
  };
}

/** The type errors of each snippet, keyed by file name, from one program holding them all. */
function typeCheck(snippets: readonly Snippet[]): Map<string, string[]> {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const byName = new Map(snippets.map((snippet) => [snippet.fileName, snippet.code]));
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => byName.get(file) ?? readFile(file);
  host.fileExists = (file) => byName.has(file) || ts.sys.fileExists(file);
  host.getSourceFile = (file, language, onError) => {
    const code = byName.get(file);
    return code === undefined
      ? getSourceFile(file, language, onError)
      : ts.createSourceFile(file, code, language, true);
  };
  const program = ts.createProgram([...byName.keys()], options, host);
  const errors = new Map<string, string[]>();
  for (const snippet of snippets) {
    const sourceFile = program.getSourceFile(snippet.fileName);
    const diagnostics =
      sourceFile === undefined ? [] : ts.getPreEmitDiagnostics(program, sourceFile);
    errors.set(
      snippet.fileName,
      diagnostics.map((diagnostic) => {
        const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
        if (diagnostic.file === undefined || diagnostic.start === undefined) return text;
        const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
        const where =
          diagnostic.file.fileName === snippet.fileName
            ? `README.md:${snippet.line + 1 + line}`
            : `${diagnostic.file.fileName}:${line + 1}`;
        return `${where}: ${text}`;
      }),
    );
  }
  return errors;
}

// What a snippet may import when it runs: the modules this spec has loaded (so `instanceof` and
// MessageQueue.main are the ones the rest of core sees).
const runtimeModules: Readonly<Record<string, unknown>> = {
  '@relaylane/core': core,
  inversify,
  'reflect-metadata': {},
};

type SnippetBody = (
  require: (specifier: string) => unknown,
  exports: object,
  console: Pick<Console, 'log'>,
) => Promise<void>;

// The constructor of async functions (not a global): builds the function that runs a snippet.
const AsyncFunction: new (...parametersAndBody: string[]) => SnippetBody = Object.getPrototypeOf(
  async () => {},
).constructor;

/** Runs a snippet (compiled to CommonJS, inside an async function for top-level await). */
async function runSnippet(snippet: Snippet): Promise<string[]> {
  const { outputText } = ts.transpileModule(snippet.code, {
    compilerOptions: {
      ...compilerOptions(),
      module: ts.ModuleKind.CommonJS,
      noEmit: false,
      sourceMap: false,
    },
    fileName: snippet.fileName,
  });
  const printed: string[] = [];
  const body = new AsyncFunction('require', 'exports', 'console', outputText);
  const require = (specifier: string): unknown => {
    if (!(specifier in runtimeModules)) {
      throw new Error(
        `README.md:${snippet.line}: a block that runs imports '${specifier}', which readme-snippets.spec.ts does not provide. Add it to runtimeModules, or mark the block ${NOT_RUN}.`,
      );
    }
    return runtimeModules[specifier];
  };
  await body(require, {}, { log: (...args: unknown[]) => void printed.push(format(...args)) });
  return printed;
}

/** The `// prints: <text>` comments of a snippet, in order. */
function expectedPrints(snippet: Snippet): string[] {
  return [...snippet.code.matchAll(/\/\/ prints: (.*)$/gm)].map((match) => match[1]!.trimEnd());
}

const snippets = extractSnippets(readFileSync(readmePath, 'utf8'));
let typeErrors: Map<string, string[]> | undefined;

beforeAll(() => {
  typeErrors = typeCheck(snippets);
}, 120_000);

describe('packages/core/README.md', () => {
  test('has ts blocks, and most of them run', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(4);
    expect(snippets.filter((snippet) => !snippet.run).length).toBeLessThanOrEqual(2);
  });

  describe.each(snippets.map((snippet) => [snippet.line, snippet] as const))(
    'the ts block at line %d',
    (_line, snippet) => {
      test('type-checks against the sources', () => {
        expect(typeErrors?.get(snippet.fileName)).toEqual([]);
      });

      const runs = snippet.run ? test : test.skip;
      runs('runs and prints what its `// prints:` comments say', async () => {
        expect(await runSnippet(snippet)).toEqual(expectedPrints(snippet));
      });
    },
  );
});

describe('the snippet extraction', () => {
  test('finds each ts block with its line and the not-run marker, skipping other fences', () => {
    const markdown = [
      '# Title', // 1
      '```ts', // 2
      'const a = 1;', // 3
      '```', // 4
      '<!-- not run -->', // 5
      '', // 6
      '```ts', // 7
      'const b = 2;', // 8
      '```', // 9
      '```sh', // 10
      'echo no', // 11
      '```', // 12
    ].join('\n');
    expect(extractSnippets(markdown).map(({ line, code, run }) => ({ line, code, run }))).toEqual([
      { line: 2, code: 'const a = 1;', run: true },
      { line: 7, code: 'const b = 2;', run: false },
    ]);
  });

  test('reports a type error in a block with its README line', () => {
    const [snippet] = extractSnippets(
      ['', '', '```ts', 'const n: number = "x";', '```'].join('\n'),
    );
    const errors = typeCheck([snippet!]).get(snippet!.fileName);
    expect(errors).toEqual([
      expect.stringMatching(/^README\.md:4: Type 'string' is not assignable to type 'number'/),
    ]);
  }, 120_000);

  test('checks the prints of a block that runs', async () => {
    const [snippet] = extractSnippets(
      ['```ts', "console.log('a', 1); // prints: a 1", "console.log('b');", '```'].join('\n'),
    );
    expect(expectedPrints(snippet!)).toEqual(['a 1']);
    expect(await runSnippet(snippet!)).toEqual(['a 1', 'b']);
  });
});
