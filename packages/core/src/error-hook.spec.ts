import { defaultErrorHook, getErrorHook, reportError, setErrorHook } from './error-hook.js';

describe('error hook', () => {
  let consoleError: jest.SpyInstance;

  beforeEach(() => {
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    setErrorHook(undefined);
    consoleError.mockRestore();
  });

  it('reports through console.error with the context by default', () => {
    const error = new Error('boom');
    reportError(error, "signal 'relay_network_status' listener 'onStatus'");
    expect(consoleError).toHaveBeenCalledWith(
      "[relaylane] signal 'relay_network_status' listener 'onStatus':",
      error,
    );
  });

  it('sends reports to the hook set with setErrorHook instead of the console', () => {
    const reports: [unknown, string][] = [];
    setErrorHook((error, context) => reports.push([error, context]));
    reportError('bad', 'deferred call');
    expect(reports).toEqual([['bad', 'deferred call']]);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('restores the default hook when given undefined', () => {
    const hook = jest.fn();
    setErrorHook(hook);
    expect(getErrorHook()).toBe(hook);
    setErrorHook(undefined);
    expect(getErrorHook()).toBe(defaultErrorHook);
    reportError('late', 'context');
    expect(hook).not.toHaveBeenCalled();
    expect(consoleError).toHaveBeenCalledTimes(1);
  });

  it('never throws: a hook that throws is reported with the original error on the console', () => {
    const original = new Error('original');
    const hookFailure = new Error('hook failure');
    setErrorHook(() => {
      throw hookFailure;
    });
    expect(() => reportError(original, 'plugin process')).not.toThrow();
    expect(consoleError).toHaveBeenCalledWith('[relaylane] plugin process:', original);
    expect(consoleError).toHaveBeenCalledWith(
      '[relaylane] the error hook threw while reporting "plugin process":',
      hookFailure,
    );
  });
});
