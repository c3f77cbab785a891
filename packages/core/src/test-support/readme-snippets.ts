/**
 * Keeps a README's code true: every ```ts block is type-checked, as a module of its own, against
 * the workspace's sources (package names mapped to src/ through `paths`, so no build is needed),
 * with the repository's compiler options. Then each block runs, unless the line before its fence
 * is `<!-- not run -->` (a program that needs what the tests do not have, such as a Steam client),
 * and what it prints must match its `// prints: ...` comments, in order. A block marked
 * `<!-- runs in a browser -->` is a page's program: the demo's browser tests build and run it in
 * Chromium, with the same check of what it prints.
 *
 * A block whose fence follows `<!-- continues -->` is the previous block's program carried on
 * (a README shows a program in steps): it is checked and run as the two blocks together.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import ts from 'typescript';

const NOT_RUN = '<!-- not run -->';
/** A block for a page: the Node run skips it, and the demo's browser tests run it in Chromium. */
export const RUNS_IN_BROWSER = '<!-- runs in a browser -->';
const CONTINUES = '<!-- continues -->';

/** One block, ready to check: its code includes the blocks it continues. */
export interface Snippet {
  /** The README line of the opening fence (1-based). */
  readonly line: number;
  /** The code checked and run (with the blocks it continues before it). */
  readonly code: string;
  /** The README line where this block's own code starts within `code`, for error messages. */
  readonly firstLineOfOwnCode: number;
  /** How many lines of `code` come from the blocks it continues. */
  readonly continuedLines: number;
  readonly run: boolean;
  /** Marked {@link RUNS_IN_BROWSER}: run in Chromium instead (and never in Node). */
  readonly browser: boolean;
  /** The file name it is compiled as (never written to disk). */
  readonly fileName: string;
}

/** How a README's blocks are checked and run. */
export interface ReadmeCheckOptions {
  /** The README's file. */
  readonly readmePath: string;
  /** Module specifiers the blocks import, mapped to the source files that type-check them. */
  readonly paths: Readonly<Record<string, readonly string[]>>;
  /** What a block that runs may import, by specifier. */
  readonly runtimeModules: Readonly<Record<string, unknown>>;
}

/** The ```ts blocks of `markdown`, with the line of each fence and its markers. */
export function extractSnippets(markdown: string, readmePath: string): Snippet[] {
  const lines = markdown.split('\n');
  const snippets: Snippet[] = [];
  const name = path.basename(readmePath);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```ts') continue;
    const end = lines.indexOf('```', i + 1);
    if (end === -1) throw new Error(`${name}:${i + 1}: a \`\`\`ts block is never closed`);
    // The marker may be separated from the fence by one blank line (Prettier puts one there).
    const before = lines[i - 1] === '' ? lines[i - 2] : lines[i - 1];
    const own = lines.slice(i + 1, end).join('\n');
    const previous = snippets.at(-1);
    const continues = before === CONTINUES;
    if (continues && previous === undefined) {
      throw new Error(`${name}:${i + 1}: ${CONTINUES} before the first \`\`\`ts block`);
    }
    const prefix = continues ? `${previous!.code}\n` : '';
    snippets.push({
      line: i + 1,
      code: prefix + own,
      firstLineOfOwnCode: i + 2,
      continuedLines: continues ? previous!.code.split('\n').length : 0,
      run: before !== NOT_RUN && before !== RUNS_IN_BROWSER && !(continues && !previous!.run),
      browser: before === RUNS_IN_BROWSER,
      fileName: path.join(path.dirname(readmePath), `${name}.snippet-line-${i + 1}.ts`),
    });
    i = end;
  }
  return snippets;
}

/** The snippets of the README at `readmePath`. */
export function readSnippets(readmePath: string): Snippet[] {
  return extractSnippets(readFileSync(readmePath, 'utf8'), readmePath);
}

function compilerOptions(options: ReadmeCheckOptions): ts.CompilerOptions {
  const root = path.resolve(__dirname, '..', '..', '..', '..');
  const configPath = path.join(root, 'tsconfig.base.json');
  const { config } = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
  const json: unknown = config?.compilerOptions;
  const { options: base } = ts.convertCompilerOptionsFromJson(json, root);
  return {
    ...base,
    // Snippets use top-level await and bare package names, as an application's entry file does.
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    composite: false,
    declaration: false,
    declarationMap: false,
    noEmit: true,
    // A snippet imports what it uses: an unused import or variable is a mistake a reader copies.
    noUnusedLocals: true,
    types: ['node'],
    typeRoots: [path.join(root, 'node_modules', '@types')],
    paths: Object.fromEntries(
      Object.entries(options.paths).map(([specifier, files]) => [specifier, [...files]]),
    ),
  };
}

/** The type errors of each snippet, keyed by file name, from one program holding them all. */
export function typeCheckSnippets(
  snippets: readonly Snippet[],
  options: ReadmeCheckOptions,
): Map<string, string[]> {
  const compiler = compilerOptions(options);
  const host = ts.createCompilerHost(compiler);
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
  const program = ts.createProgram([...byName.keys()], compiler, host);
  const name = path.basename(options.readmePath);
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
        if (diagnostic.file.fileName !== snippet.fileName) {
          return `${diagnostic.file.fileName}:${line + 1}: ${text}`;
        }
        // A line of a continued block is reported where that block stands in the README.
        const where =
          line < snippet.continuedLines
            ? `(the block this one continues, line ${line + 1})`
            : `${name}:${snippet.firstLineOfOwnCode + line - snippet.continuedLines}`;
        return `${where}: ${text}`;
      }),
    );
  }
  return errors;
}

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
export async function runSnippet(snippet: Snippet, options: ReadmeCheckOptions): Promise<string[]> {
  const { outputText } = ts.transpileModule(snippet.code, {
    compilerOptions: {
      ...compilerOptions(options),
      module: ts.ModuleKind.CommonJS,
      noEmit: false,
      sourceMap: false,
    },
    fileName: snippet.fileName,
  });
  const printed: string[] = [];
  const body = new AsyncFunction('require', 'exports', 'console', outputText);
  const require = (specifier: string): unknown => {
    if (!(specifier in options.runtimeModules)) {
      throw new Error(
        `${path.basename(options.readmePath)}:${snippet.line}: a block that runs imports '${specifier}', which the README's spec does not provide. Add it to runtimeModules, or mark the block ${NOT_RUN}.`,
      );
    }
    return options.runtimeModules[specifier];
  };
  await body(require, {}, { log: (...args: unknown[]) => void printed.push(format(...args)) });
  return printed;
}

/** The `// prints: <text>` comments of a snippet, in order. */
export function expectedPrints(snippet: Snippet): string[] {
  return [...snippet.code.matchAll(/\/\/ prints: (.*)$/gm)].map((match) => match[1]!.trimEnd());
}

/**
 * The Jest suite of one README: every block type-checks; every block that runs prints what its
 * comments say.
 */
export function describeReadmeSnippets(
  options: ReadmeCheckOptions & { readonly minimumBlocks: number; readonly maximumNotRun: number },
): void {
  const snippets = readSnippets(options.readmePath);
  let typeErrors: Map<string, string[]> | undefined;
  beforeAll(() => {
    typeErrors = typeCheckSnippets(snippets, options);
  }, 120_000);

  test('has ts blocks, and most of them run', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(options.minimumBlocks);
    expect(snippets.filter((snippet) => !snippet.run).length).toBeLessThanOrEqual(
      options.maximumNotRun,
    );
  });

  describe.each(snippets.map((snippet) => [snippet.line, snippet] as const))(
    'the ts block at line %d',
    (_line, snippet) => {
      test('type-checks against the sources', () => {
        expect(typeErrors?.get(snippet.fileName)).toEqual([]);
      });

      const runs = snippet.run ? test : test.skip;
      runs('runs and prints what its `// prints:` comments say', async () => {
        expect(await runSnippet(snippet, options)).toEqual(expectedPrints(snippet));
      });
    },
  );
}
