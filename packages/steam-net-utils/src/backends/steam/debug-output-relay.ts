/**
 * Steam's debug output function, owned by a dedicated worker thread.
 *
 * Steam calls `FSteamNetworkingSocketsDebugOutput` "from a service thread, while we own a mutex".
 * koffi runs a callback on the event loop of the thread that registered it and blocks the calling
 * thread until it has run. Registered on the main thread, the function would make Steam's service
 * thread wait for the main thread while holding Steam's lock; if the main thread is meanwhile in a
 * Steam call that takes that lock (`ManualDispatch_RunFrame`), both wait forever. So the function
 * is registered in a worker whose event loop does nothing else: Steam's thread waits only for it.
 * The worker forwards each message with a non-blocking `postMessage`, and the main thread takes
 * them off the port synchronously (`receiveMessageOnPort`) when it drains.
 *
 * Ordering: a message is on the port as soon as Steam's call of the function has returned (the
 * calling thread is blocked until the worker posted it), so draining before queueing any other
 * event keeps the order in which the messages and the other events reached the backend.
 */
import { defaultModuleResolveBases } from './module-resolve-bases.js';
import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from 'node:worker_threads';

import { countNativeCallback } from './native-callback-owner.js';
import { type NativePointer } from './native/steam-api.js';
import { DEBUG_OUTPUT_WORKER_SOURCE } from './debug-output-worker-source.js';
import { SteamDebugOutputError } from './steam-errors.js';
import { distrustNativePointer, trustNativePointer } from './native/trusted-pointers.js';

// The shared state's layout; the worker source uses the same indices and phases.
const STATE_PHASE = 0;
const STATE_IN_FLIGHT = 1;
const STATE_DROPPED = 2;
const PHASE_STARTING = 0;
const PHASE_READY = 1;
const PHASE_FAILED = 2;
const PHASE_RELEASED = 3;
const STATE_BYTES = 24;
const POINTER_OFFSET = 16;

/** How long the main thread waits for the worker to start or to release the function. */
export const DEBUG_OUTPUT_WORKER_TIMEOUT_MS = 10_000;

/** Options of {@link DebugOutputRelay.start}. */
export interface DebugOutputRelayOptions {
  /** The most messages that may wait on the port; beyond it they are counted as dropped. */
  readonly limit: number;
  /**
   * Files (absolute paths) from which the worker resolves `koffi`, first match wins. Default: this
   * module's file when it runs as CommonJS, the main script, and the working directory.
   */
  readonly resolveFrom?: readonly string[];
}

/** The worker that owns the debug output function, and the main thread's end of its port. */
export class DebugOutputRelay {
  readonly #worker: Worker;
  readonly #port: MessagePort;
  readonly #flags: Int32Array;
  readonly #pointer: NativePointer;
  #released = false;

  private constructor(worker: Worker, port: MessagePort, flags: Int32Array, pointer: bigint) {
    this.#worker = worker;
    this.#port = port;
    this.#flags = flags;
    this.#pointer = pointer;
  }

  /**
   * Starts the worker and waits (blocking, at most {@link DEBUG_OUTPUT_WORKER_TIMEOUT_MS}) until it
   * registered the function. Counts as one live native callback until {@link release}.
   *
   * @throws SteamDebugOutputError `STEAM_DEBUG_OUTPUT_UNAVAILABLE` when the worker cannot load
   *   koffi or does not answer in time (the worker is terminated; nothing stays registered).
   */
  static start(options: DebugOutputRelayOptions): DebugOutputRelay {
    const state = new SharedArrayBuffer(STATE_BYTES);
    const flags = new Int32Array(state, 0, 4);
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(DEBUG_OUTPUT_WORKER_SOURCE, {
      eval: true,
      workerData: {
        port: port2,
        state,
        resolveFrom: [...(options.resolveFrom ?? defaultModuleResolveBases())],
        limit: options.limit,
      },
      transferList: [port2],
    });
    // The worker never keeps the process alive: it lives only for Steam's calls.
    worker.unref();
    Atomics.wait(flags, STATE_PHASE, PHASE_STARTING, DEBUG_OUTPUT_WORKER_TIMEOUT_MS);
    const phase = Atomics.load(flags, STATE_PHASE);
    if (phase !== PHASE_READY) {
      const reply = receiveMessageOnPort(port1)?.message as { error?: string } | undefined;
      port1.close();
      void worker.terminate();
      const reason =
        phase === PHASE_FAILED
          ? (reply?.error ?? 'it failed without a reason')
          : `it did not start within ${DEBUG_OUTPUT_WORKER_TIMEOUT_MS} ms`;
      throw new SteamDebugOutputError(
        `SteamBackend.setDebugOutputLevel: the worker thread that receives Steam's debug ` +
          `output could not start: ${reason}. Make sure the 'koffi' package can be resolved from ` +
          'the main script or the working directory (it is a dependency of ' +
          '@relaylane/steam-net-utils), or leave the debug output level at NONE.',
      );
    }
    const pointer = new BigUint64Array(state, POINTER_OFFSET, 1)[0]!;
    countNativeCallback(1);
    // Registered by our own worker: the binding may hand it to Steam until release().
    trustNativePointer(pointer);
    return new DebugOutputRelay(worker, port1, flags, pointer);
  }

  /** The function pointer to hand to `SetDebugOutputFunction`. */
  get pointer(): NativePointer {
    return this.#pointer;
  }

  /**
   * Takes every message waiting on the port, oldest first, without blocking.
   *
   * @returns how many messages the worker dropped (limit reached) since the last drain.
   */
  drain(receive: (type: number, message: string) => void): number {
    if (this.#released) {
      return 0;
    }
    let taken = 0;
    for (;;) {
      const entry = receiveMessageOnPort(this.#port);
      if (entry === undefined) {
        break;
      }
      taken++;
      const [type, message] = entry.message as [number, string];
      receive(type, message);
    }
    if (taken > 0) {
      Atomics.sub(this.#flags, STATE_IN_FLIGHT, taken);
    }
    return Atomics.exchange(this.#flags, STATE_DROPPED, 0);
  }

  /**
   * Unregisters the function in the worker (waiting, at most {@link DEBUG_OUTPUT_WORKER_TIMEOUT_MS},
   * until it did) and terminates the worker. Call only once Steam dropped the pointer
   * (`SetDebugOutputFunction(NONE, NULL)` or `SteamAPI_Shutdown`). Idempotent; waiting messages
   * are discarded.
   */
  release(): void {
    if (this.#released) {
      return;
    }
    this.#released = true;
    countNativeCallback(-1);
    distrustNativePointer(this.#pointer);
    this.#worker.postMessage('release');
    const deadline = DEBUG_OUTPUT_WORKER_TIMEOUT_MS;
    const phase = Atomics.load(this.#flags, STATE_PHASE);
    if (phase === PHASE_READY) {
      Atomics.wait(this.#flags, STATE_PHASE, PHASE_READY, deadline);
    }
    this.#port.close();
    // Terminating also frees koffi's state of the worker, should the release not have answered.
    void this.#worker.terminate();
  }

  /** True once the worker confirmed the function is unregistered (for tests). */
  get confirmedReleased(): boolean {
    return Atomics.load(this.#flags, STATE_PHASE) === PHASE_RELEASED;
  }
}
