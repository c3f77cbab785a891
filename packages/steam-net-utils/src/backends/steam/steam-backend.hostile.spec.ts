/**
 * The hostile-input suite for the Steam backend, called straight (as a game holding
 * `createSteamBackend()` can) and through the service: every method of `SteamBackend` and of
 * `NetworkingUtils` called with every kind of wrong value in every parameter, and after
 * `shutdown()` / `dispose()`, against the test double built with AddressSanitizer, one child
 * process per group (see native/steam-api-binding.hostile.spec.ts for the binding's groups). A
 * method may answer data it cannot read with Steam's sentinel; it may not crash, touch memory out
 * of bounds, run an argument's trap, or throw anything but a TypeError, RangeError or Relaylane
 * error naming the method (or, below the backend, the C function).
 */
import { type HostileGroup } from './test-support/hostile/hostile-child.js';
import { expectCleanHostileRun } from './test-support/hostile/expect-clean-run.js';
import { runHostileGroup } from './test-support/hostile/run-hostile-group.js';

const BACKEND_GROUPS: readonly [HostileGroup, number][] = [
  ['backend-types', 350],
  ['backend-numbers', 450],
  ['backend-buffers', 150],
  ['backend-strings', 250],
  ['backend-traps', 200],
  ['backend-after-shutdown', 20],
];

const SERVICE_GROUPS: readonly [HostileGroup, number][] = [
  ['service-types', 400],
  ['service-numbers', 500],
  ['service-buffers', 200],
  ['service-strings', 300],
  ['service-traps', 250],
  ['service-after-dispose', 30],
];

describe('SteamBackend called straight under hostile input (AddressSanitizer, one child process per group)', () => {
  it.each(BACKEND_GROUPS)(
    '%s: no crash, no bad access, every refusal typed and named',
    (group, fewest) => {
      expectCleanHostileRun(runHostileGroup(group), fewest);
    },
  );
});

describe('NetworkingUtils on the Steam backend under hostile input (AddressSanitizer, one child process per group)', () => {
  it.each(SERVICE_GROUPS)(
    '%s: no crash, no bad access, every refusal typed and named',
    (group, fewest) => {
      expectCleanHostileRun(runHostileGroup(group), fewest);
    },
  );
});
