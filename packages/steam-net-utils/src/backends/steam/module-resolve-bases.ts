/**
 * Where the Steam backend looks up the npm packages it finds at run time (koffi for the debug
 * output worker, steamworks.js for a development copy of Steam's library): the files whose
 * folders and their ancestors hold the `node_modules` searched.
 */
import path from 'node:path';

/**
 * This module's file when it runs as CommonJS (an ES module cannot know its own file without
 * `import.meta`), the main script, and the working directory.
 */
export function defaultModuleResolveBases(): string[] {
  const bases: string[] = [];
  // CommonJS only; in an ES module `__filename` is not defined (typeof is safe either way).
  if (typeof __filename === 'string') bases.push(__filename);
  const main = process.argv[1];
  if (main !== undefined && path.isAbsolute(main)) bases.push(main);
  bases.push(path.join(process.cwd(), 'package.json'));
  return bases;
}
