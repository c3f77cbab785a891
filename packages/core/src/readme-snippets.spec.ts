// Every ```ts block of packages/core/README.md is type-checked against core's sources and, unless
// marked `<!-- not run -->`, run; what it prints must match its `// prints:` comments (see
// test-support/readme-snippets.ts).
import path from 'node:path';
import * as inversify from 'inversify';

import * as core from './index.js';
import {
  describeReadmeSnippets,
  expectedPrints,
  extractSnippets,
  type ReadmeCheckOptions,
  runSnippet,
  typeCheckSnippets,
} from './test-support/readme-snippets.js';

const source = (file: string): string[] => [path.join(__dirname, file)];

const options: ReadmeCheckOptions = {
  readmePath: path.resolve(__dirname, '..', 'README.md'),
  paths: {
    '@relaylane/core': source('index.ts'),
    '@relaylane/core/terminal': source('console/terminal/index.ts'),
    '@relaylane/core/console-overlay': source('console/overlay/index.ts'),
    '@relaylane/core/babylon': source('babylon/index.ts'),
  },
  // The modules this spec has loaded, so `instanceof` and MessageQueue.main are core's own.
  runtimeModules: { '@relaylane/core': core, inversify, 'reflect-metadata': {} },
};

describe('packages/core/README.md', () => {
  describeReadmeSnippets({ ...options, minimumBlocks: 4, maximumNotRun: 2 });
});

describe('the snippet extraction', () => {
  const fake = path.join(__dirname, 'FAKE.md');

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
    expect(
      extractSnippets(markdown, fake).map(({ line, code, run }) => ({ line, code, run })),
    ).toEqual([
      { line: 2, code: 'const a = 1;', run: true },
      { line: 7, code: 'const b = 2;', run: false },
    ]);
  });

  test('joins a block marked as continuing the previous one to it, and reports its own lines', () => {
    const markdown = [
      '```ts', // 1
      'const n = 1;', // 2
      '```', // 3
      '<!-- continues -->', // 4
      '```ts', // 5
      'const m: string = n;', // 6
      '```', // 7
    ].join('\n');
    const [, second] = extractSnippets(markdown, fake);
    expect(second!.code).toBe('const n = 1;\nconst m: string = n;');
    expect(second!.run).toBe(true);
    const errors = typeCheckSnippets([second!], { ...options, readmePath: fake });
    expect(errors.get(second!.fileName)).toEqual([
      expect.stringMatching(/^FAKE\.md:6: Type 'number' is not assignable to type 'string'/),
    ]);
  }, 120_000);

  test('reports a type error in a block with its README line', () => {
    const [snippet] = extractSnippets(
      ['', '', '```ts', 'const n: number = "x";', '```'].join('\n'),
      fake,
    );
    const errors = typeCheckSnippets([snippet!], { ...options, readmePath: fake });
    expect(errors.get(snippet!.fileName)).toEqual([
      expect.stringMatching(/^FAKE\.md:4: Type 'string' is not assignable to type 'number'/),
    ]);
  }, 120_000);

  test('checks the prints of a block that runs', async () => {
    const [snippet] = extractSnippets(
      ['```ts', "console.log('a', 1); // prints: a 1", "console.log('b');", '```'].join('\n'),
      fake,
    );
    expect(expectedPrints(snippet!)).toEqual(['a 1']);
    expect(await runSnippet(snippet!, options)).toEqual(['a 1', 'b']);
  });
});
