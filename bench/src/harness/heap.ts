/**
 * Heap readings after a full garbage collection. Node exposes `gc()` only with `--expose-gc`
 * (`pnpm bench` passes it); elsewhere (e.g. under Jest) the flag is switched on at run time and
 * the function taken from a fresh context, which V8 allows.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | undefined;

function garbageCollector(): () => void {
  if (collect !== undefined) return collect;
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') {
    collect = exposed;
  } else {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  return collect;
}

/** Bytes of the JavaScript heap in use after three full collections (weak references settle). */
export function settledHeapUsed(): number {
  const gc = garbageCollector();
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}
