/**
 * The source of the worker thread that owns Steam's debug output function (see
 * `debug-output-relay.ts`). It is plain CommonJS run with `new Worker(source, { eval: true })`, so
 * it needs no file of its own next to the compiled package, whichever module system loaded it.
 *
 * What the worker does, and nothing else: it loads koffi, registers the debug output function,
 * publishes its pointer in the shared state, and forwards each call to the main thread with a
 * non-blocking `postMessage`; it unregisters the function when told `'release'`. It never calls
 * into Steam and never waits for the main thread, so a Steam service thread calling the function
 * waits only for this worker's event loop, which is always free.
 *
 * Shared state (`Int32Array` over the first 16 bytes of a SharedArrayBuffer, then the pointer as a
 * `BigUint64Array` at byte 16): see the `STATE_*` constants of `debug-output-relay.ts`, which must
 * stay equal to the indices and phases used here.
 */
export const DEBUG_OUTPUT_WORKER_SOURCE = `'use strict';
const { workerData, parentPort } = require('node:worker_threads');
const { createRequire } = require('node:module');
const { port, state, resolveFrom, limit } = workerData;
const flags = new Int32Array(state, 0, 4);
const pointerSlot = new BigUint64Array(state, 16, 1);
const PHASE = 0, IN_FLIGHT = 1, DROPPED = 2;
const READY = 1, FAILED = 2, RELEASED = 3;

function publish(phase) {
  Atomics.store(flags, PHASE, phase);
  Atomics.notify(flags, PHASE);
}

function loadKoffi() {
  const reasons = [];
  for (const base of resolveFrom) {
    try {
      return createRequire(base)('koffi');
    } catch (error) {
      reasons.push(base + ': ' + (error && error.message ? error.message : String(error)));
    }
  }
  throw new Error('koffi could not be loaded from ' + reasons.join('; '));
}

let koffi;
let pointer;
try {
  koffi = loadKoffi();
  const type = koffi.pointer(koffi.proto('void', ['int32_t', 'const char *']));
  pointer = koffi.register((type, message) => {
    // Bounded without waiting: past the limit the message is counted as dropped.
    if (Atomics.add(flags, IN_FLIGHT, 1) >= limit) {
      Atomics.sub(flags, IN_FLIGHT, 1);
      Atomics.add(flags, DROPPED, 1);
      return;
    }
    port.postMessage([type, message === null ? '' : String(message)]);
  }, type);
  pointerSlot[0] = BigInt(pointer);
  publish(READY);
} catch (error) {
  port.postMessage({ error: error && error.message ? error.message : String(error) });
  publish(FAILED);
}

parentPort.on('message', (request) => {
  if (request !== 'release') return;
  if (pointer !== undefined) {
    const registered = pointer;
    pointer = undefined;
    koffi.unregister(registered);
  }
  publish(RELEASED);
});
`;
