/**
 * The hostile-input suite for the binding: every function of `loadSteamApi()` called with every
 * kind of wrong value in every parameter, with the wrong number of arguments, after Steam's
 * shutdown and after the library is unloaded, against the test double built with AddressSanitizer.
 * Each group runs in a child process (a crash fails its test instead of Jest), and passes only
 * when the child exits cleanly (no sanitizer report), every value that must be refused was
 * refused with a TypeError, RangeError or Relaylane error naming the C function, and the double
 * saw no misuse of memory (a wrong `self`, a NULL it dereferences).
 */
import { type HostileGroup } from '../test-support/hostile/hostile-child.js';
import { runHostileGroup, SANITIZER_EXIT_CODE } from '../test-support/hostile/run-hostile-group.js';
import { expectCleanHostileRun } from '../test-support/hostile/expect-clean-run.js';

const BINDING_GROUPS: readonly [HostileGroup, number][] = [
  // [group, the fewest calls it must make: a group that silently skipped its work fails]
  ['binding-types', 1500],
  ['binding-numbers', 2000],
  ['binding-buffers', 1000],
  ['binding-strings', 1000],
  ['binding-traps', 1000],
  ['binding-arity', 90],
  ['binding-after-shutdown', 40],
  ['binding-after-unload', 50],
];

describe('the binding under hostile input (AddressSanitizer, one child process per group)', () => {
  it('sees an out-of-bounds read when one happens: the sanitizer ends the child with its report', () => {
    const run = runHostileGroup('sanitizer-self-check');
    expect(run.status).toBe(SANITIZER_EXIT_CODE);
    expect(run.stderr).toMatch(/AddressSanitizer: heap-buffer-overflow/);
    expect(run.stderr).toMatch(/READ of size 8/);
  });

  it.each(BINDING_GROUPS)(
    '%s: no crash, no bad access, every wrong value refused by name',
    (group, fewest) => {
      expectCleanHostileRun(runHostileGroup(group), fewest);
    },
  );
});
