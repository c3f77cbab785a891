// Test helpers for errors: what a call threw, and what the error hook was given.
import { setErrorHook } from '../error-hook.js';

/** One call of the error hook. */
export interface ReportedError {
  readonly error: unknown;
  readonly context: string;
}

/**
 * Installs, around every test of the calling `describe` (or file), an error hook that records the
 * reports, and restores the default hook after each test. Returns the live list, emptied before
 * each test.
 */
export function captureReportedErrors(): ReportedError[] {
  const reports: ReportedError[] = [];
  beforeEach(() => {
    reports.length = 0;
    setErrorHook((error, context) => reports.push({ error, context }));
  });
  afterEach(() => setErrorHook(undefined));
  return reports;
}

/**
 * What `fn` threw; fails the test when it returns normally. With `ErrorClass`, also fails when
 * the error is not an instance of it, and returns it typed as one.
 */
export function thrownBy<E = unknown>(fn: () => unknown): E;
export function thrownBy<E extends Error>(
  fn: () => unknown,
  ErrorClass: abstract new (...args: never[]) => E,
): E;
export function thrownBy(
  fn: () => unknown,
  ErrorClass?: abstract new (...args: never[]) => Error,
): unknown {
  try {
    fn();
  } catch (error) {
    if (ErrorClass !== undefined && !(error instanceof ErrorClass)) {
      throw new Error(`expected a ${ErrorClass.name}, got ${String(error)}`);
    }
    return error;
  }
  throw new Error('expected the call to throw');
}
