// @ts-check
/**
 * `node eslint/lint-files.mjs <cwd> <config file> <pattern>...` lints the files through ESLint's
 * Node API and prints what it reports as JSON: `[{ file, messages: [{ ruleId, line, message }] }]`,
 * files relative to <cwd>. The architecture spec runs it as a child process: Jest's module sandbox
 * cannot load an ES-module config (it refuses dynamic `import()`).
 */
import path from 'node:path';
import { ESLint } from 'eslint';

const [cwdArgument, configArgument, ...patterns] = process.argv.slice(2);
if (cwdArgument === undefined || configArgument === undefined || patterns.length === 0) {
  throw new Error('usage: node eslint/lint-files.mjs <cwd> <config file> <pattern>...');
}
const cwd = path.resolve(cwdArgument);
const overrideConfigFile = path.resolve(configArgument);
// The config looks for folders (backends the layer table does not name) under the working
// directory: make it the one ESLint lints from.
process.chdir(cwd);
const eslint = new ESLint({ cwd, overrideConfigFile });
const results = await eslint.lintFiles(patterns);
const report = results.map((result) => ({
  file: path.relative(cwd, result.filePath).split(path.sep).join('/'),
  messages: result.messages.map(({ ruleId, line, message }) => ({ ruleId, line, message })),
}));
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
