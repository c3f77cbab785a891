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

/** What `fn` threw; fails the test when it returns normally. */
export function thrownBy<E = unknown>(fn: () => unknown): E {
  try {
    fn();
  } catch (error) {
    return error as E;
  }
  throw new Error('expected the call to throw');
}
