/**
 * The compiled fast path of `Signal.emit()`: for one list of plain connections (no `DEFERRED`, no
 * `ONE_SHOT`), a function that calls the listeners one after the other, unrolled, so that V8 can
 * inline each listener into it. Internal to `signal.ts`; not exported from the package.
 *
 * For a list of `n` connections emitted with `k` arguments the generated dispatcher is, in effect:
 *
 * ```js
 * function dispatch(a0, a1) {                                   // k = 2
 *   if (arguments.length !== 2) return other(...arguments);    // emitted with another count
 *   let i = 0;
 *   try {
 *     f0(a0, a1);                                               // nothing runs before the first
 *     i = 1;
 *     if (c1.state === CALL) f1(a0, a1);                        // skipped once removed
 *     ...
 *   } catch (error) {
 *     resume(i, error, a0, a1);                                 // report, then run i + 1 onwards
 *   }
 * }
 * ```
 *
 * - The listeners get exactly the emitted arguments: fixed parameters (not a rest array), so no
 *   array is made per emit and each call is a plain call V8 can inline; an emit with another
 *   argument count goes to `other`, the signal's loop.
 * - One `try` around the whole body costs nothing while no listener throws; `resume` reports the
 *   error and runs the remaining listeners through the loop, which has one `try` per listener.
 *
 * Why a dispatcher per signal and not one per `(n, k)` shared by every signal: V8 keeps the type
 * feedback of a call site in the feedback vector of the function literal, which every closure of
 * that literal shares. With one compiled factory per `(n, k)`, the call `f0(a0, a1)` of every
 * signal with that shape records every listener any such signal has, turns megamorphic, and V8
 * stops inlining listeners (BENCHMARKS.md has the measured difference). `new Function` with the
 * same source text is no escape: V8's eval cache hands back the same compiled function *and* its
 * feedback, so each source carries a serial number. A compile costs far more than an emit, so a
 * signal compiles only once its list has been emitted {@link COMPILE_AFTER_EMITS} times unchanged
 * (a signal emitted now and then stays on the loop), and each compile of the same signal doubles
 * that count up to {@link MAX_COMPILE_AFTER_EMITS} (a signal whose list keeps changing between
 * bursts of emits soon stops compiling). One listener needs no code: `signal.ts` gives it a plain
 * closure at once.
 *
 * Content-Security-Policy: without `'unsafe-eval'`, `new Function` throws `EvalError` (as under
 * `node --disallow-code-generation-from-strings`). The first failure switches code generation off
 * for the process and every signal keeps the loop. {@link setFunctionConstructorForTesting} lets
 * the specs simulate that.
 */

/** A listener as the dispatcher calls it. */
export type DispatchListener = (...args: unknown[]) => void;

/** What a dispatcher reads of a connection: whether it still is to be called, and what to call. */
export interface DispatchConnection {
  readonly state: number;
  readonly callable: DispatchListener;
}

/** Called by a dispatcher when the listener at `index` threw: reports it and runs the rest. */
export type ResumeAfterThrow = (index: number, error: unknown, ...args: unknown[]) => void;

/** Longest list of connections compiled into a dispatcher; longer lists use the loop. */
export const MAX_COMPILED_LISTENERS = 64;

/** Most arguments a compiled dispatcher takes; an emit with more uses the loop. */
export const MAX_COMPILED_ARGUMENTS = 8;

/** Emits of an unchanged list before its signal first compiles a dispatcher for it. */
export const COMPILE_AFTER_EMITS = 16;

/** The ceiling of the emit count that doubles with each compile of the same signal. */
export const MAX_COMPILE_AFTER_EMITS = 65_536;

/** The `Function` constructor, or what a spec puts in its place. */
export type FunctionConstructorLike = (...parametersAndBody: string[]) => unknown;

type DispatcherFactory = (
  connections: readonly DispatchConnection[],
  resume: ResumeAfterThrow,
  other: DispatchListener,
) => DispatchListener;

const realFunctionConstructor = Function as unknown as FunctionConstructorLike;
let functionConstructor = realFunctionConstructor;
// Known after the first compile: `false` once `new Function` has thrown (a strict CSP), for good.
let codeGenerationAvailable: boolean | undefined = undefined;
// Makes every source unique, so that V8's eval cache never shares feedback between dispatchers.
let serial = 0;

/**
 * Whether {@link compileDispatcher} can compile for `count` listeners and `arity` arguments: within
 * the limits, and code generation not known to be refused.
 */
export function canCompileDispatcher(count: number, arity: number): boolean {
  return (
    codeGenerationAvailable !== false &&
    count <= MAX_COMPILED_LISTENERS &&
    arity <= MAX_COMPILED_ARGUMENTS
  );
}

/**
 * Compiles a dispatcher for `connections` emitted with `arity` arguments, calling a listener only
 * while its connection's `state` is `callState`. Returns `undefined` when it cannot (see
 * {@link canCompileDispatcher}); the caller then keeps its loop.
 */
export function compileDispatcher(
  connections: readonly DispatchConnection[],
  arity: number,
  callState: number,
  resume: ResumeAfterThrow,
  other: DispatchListener,
): DispatchListener | undefined {
  if (!canCompileDispatcher(connections.length, arity)) {
    return undefined;
  }
  let factory: DispatcherFactory;
  try {
    factory = functionConstructor(
      'connections',
      'resume',
      'other',
      dispatcherSource(connections.length, arity, callState, ++serial),
    ) as DispatcherFactory;
  } catch {
    // EvalError under a Content-Security-Policy without 'unsafe-eval'. The source is generated
    // from numbers only, so any failure means that code generation is refused.
    codeGenerationAvailable = false;
    return undefined;
  }
  codeGenerationAvailable = true;
  return factory(connections, resume, other);
}

/** Whether code generation works here: `undefined` until the first compile tried. */
export function isCodeGenerationAvailable(): boolean | undefined {
  return codeGenerationAvailable;
}

/**
 * For specs: compiles dispatchers with `constructor` instead of `Function` (e.g. one that throws
 * `EvalError`, as under a strict Content-Security-Policy, or one that counts compiles), and
 * forgets whether code generation works. `undefined` restores `Function`.
 */
export function setFunctionConstructorForTesting(
  constructor: FunctionConstructorLike | undefined,
): void {
  functionConstructor = constructor ?? realFunctionConstructor;
  codeGenerationAvailable = undefined;
}

/** The body of the factory that takes `(connections, resume, other)` and returns the dispatcher. */
export function dispatcherSource(
  count: number,
  arity: number,
  callState: number,
  id: number,
): string {
  const parameters: string[] = [];
  for (let a = 0; a < arity; a++) {
    parameters.push(`a${a}`);
  }
  const args = parameters.join(', ');
  let prologue =
    `'use strict';\n` +
    `// Relaylane signal dispatcher #${id}: ${count} listener(s), ${arity} argument(s).\n`;
  let calls = '';
  for (let i = 0; i < count; i++) {
    if (i === 0) {
      // Nothing runs before the first listener, so it cannot have been removed yet.
      prologue += `const f0 = connections[0].callable;\n`;
      calls += `    f0(${args});\n`;
    } else {
      prologue += `const c${i} = connections[${i}], f${i} = c${i}.callable;\n`;
      calls += `    i = ${i};\n    if (c${i}.state === ${callState}) f${i}(${args});\n`;
    }
  }
  return (
    prologue +
    `return function dispatch(${args}) {\n` +
    `  if (arguments.length !== ${arity}) return other(...arguments);\n` +
    `  let i = 0;\n` +
    `  try {\n${calls}  } catch (error) {\n` +
    `    resume(i, error${arity === 0 ? '' : `, ${args}`});\n` +
    `  }\n` +
    `};\n`
  );
}
