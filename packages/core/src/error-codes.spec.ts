// The error codes core throws, found in its sources (the string literal a `new SomethingError(...)`
// or a `super(...)` in an error class starts with), against three promises:
// - every code is `<AREA>_<CONDITION>` in SCREAMING_SNAKE, AREA one of core's areas;
// - the README's "Errors" table lists exactly these codes, each with the class that throws it;
// - some spec asserts each code (the table's rows are each tested).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const sourceRoot = __dirname;
const readmePath = path.resolve(sourceRoot, '..', 'README.md');
const AREAS = [
  'ENGINE',
  'PLUGIN',
  'SINGLETON',
  'SIGNAL',
  'MESSAGE_QUEUE',
  'CONSOLE',
  'LOOP',
  'CLOCK',
];
const CODE_SHAPE = new RegExp(`^(?:${AREAS.join('|')})(?:_[A-Z0-9]+)+$`);

interface ThrownCode {
  readonly code: string;
  readonly className: string;
  readonly file: string;
}

function tsFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const productionFiles = tsFiles(sourceRoot).filter(
  (file) => !file.endsWith('.spec.ts') && !file.includes(`${path.sep}test-support${path.sep}`),
);
const specFiles = tsFiles(sourceRoot).filter(
  (file) => file.endsWith('.spec.ts') && path.basename(file) !== 'error-codes.spec.ts',
);

/** A first argument that looks like an error code (`'SOME_CODE'`), or undefined. */
function codeArgument(args: ts.NodeArray<ts.Expression> | undefined): string | undefined {
  const first = args?.[0];
  return first !== undefined && ts.isStringLiteral(first) && /^[A-Z][A-Z0-9_]*$/.test(first.text)
    ? first.text
    : undefined;
}

function thrownCodes(file: string): ThrownCode[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
  const found: ThrownCode[] = [];
  const relative = path.relative(sourceRoot, file);
  const visit = (node: ts.Node, enclosingClass: string | undefined): void => {
    const className =
      ts.isClassDeclaration(node) && node.name !== undefined ? node.name.text : enclosingClass;
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
      const code = codeArgument(node.arguments);
      if (code !== undefined) found.push({ code, className: node.expression.text, file: relative });
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword) {
      const code = codeArgument(node.arguments);
      if (code !== undefined && className !== undefined) {
        found.push({ code, className, file: relative });
      }
    }
    ts.forEachChild(node, (child) => visit(child, className));
  };
  visit(source, undefined);
  return found;
}

/** The README's "Errors" table: code -> class. */
function readmeTable(): Map<string, string> {
  const readme = readFileSync(readmePath, 'utf8');
  const section = readme.slice(readme.indexOf('\n## Errors\n'));
  const rows = new Map<string, string>();
  for (const match of section.matchAll(/^\| `([A-Z0-9_]+)` +\| `([A-Za-z]+)` +\|/gm)) {
    rows.set(match[1]!, match[2]!);
  }
  return rows;
}

const thrown = productionFiles.flatMap(thrownCodes);
const codes = [...new Set(thrown.map((entry) => entry.code))].sort();

describe('error codes', () => {
  test('are found in the sources (the scan works)', () => {
    expect(codes).toContain('ENGINE_DISPOSED');
    expect(codes).toContain('PLUGIN_MODULE_LOAD_FAILED');
    expect(codes).toContain('SINGLETON_NOT_BOUND');
    expect(codes.length).toBeGreaterThanOrEqual(30);
  });

  test.each(thrown.map((entry) => [entry.code, entry.file] as const))(
    '%s (%s) is <AREA>_<CONDITION> with a known area',
    (code) => {
      expect(code).toMatch(CODE_SHAPE);
    },
  );

  test('the README table lists exactly the codes core throws, each with its class', () => {
    const table = readmeTable();
    expect([...table.keys()].sort()).toEqual(codes);
    const wrongClass = codes.filter((code) => {
      const throwers = thrown
        .filter((entry) => entry.code === code)
        .map((entry) => entry.className);
      return !throwers.includes(table.get(code) ?? '');
    });
    expect(wrongClass).toEqual([]);
  });

  test.each(codes)('%s is asserted by a spec', (code) => {
    const asserted = specFiles.some((file) => readFileSync(file, 'utf8').includes(`'${code}'`));
    expect(asserted).toBe(true);
  });
});
