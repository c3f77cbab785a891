import { liveNativeCallbackCount } from '@relaylane/steam-net-utils/steam';

import {
  compileSteamDouble,
  loadSteamDoubleControls,
  type SteamDoubleControls,
} from '../fixtures/steam-double.js';
import { steamDoubleSourceFrom, TINY_MEASURE } from '../test-support/tiny.js';
import { runKoffiCallbackSession } from './heap-soak.js';
import { MAX_SERVICE_OVER_RAW_CALL, runSteamCallBenchmark } from './steam-call.js';

describe('Steam benchmarks on the native test double (smoke)', () => {
  let controls: SteamDoubleControls;
  beforeAll(() => {
    controls = loadSteamDoubleControls(compileSteamDouble(steamDoubleSourceFrom(__dirname)));
  });

  it('the empty call reaches the double (no Steam running: pipe 0)', () => {
    controls.reset();
    expect(controls.getHSteamPipe()).toBe(0);
  });

  it('switches the call log off and on; reset turns it on', () => {
    controls.reset();
    expect(controls.callLogEnabled()).toBe(true);
    controls.setCallLog(false);
    expect(controls.callLogEnabled()).toBe(false);
    controls.reset();
    expect(controls.callLogEnabled()).toBe(true);
  });

  it("the empty call of the estimate's signature reaches the double (it returns 0)", () => {
    controls.reset();
    expect(controls.emptyLocationCall(new Uint8Array(512))).toBe(0);
  });

  it('times the service against the raw call (the target), and every call against the empty call (reports)', () => {
    const rows = runSteamCallBenchmark(controls, TINY_MEASURE, 3);
    expect(rows).toHaveLength(5);
    const [target, ...reports] = rows;
    expect(target!.baseline!.label).toBe('raw koffi EstimatePingTimeFromLocalHost');
    expect(target!.subject.label).toBe('NetworkingUtils.estimatePingTimeFromLocalHost');
    expect(target!.met).toBe(target!.ratio! <= MAX_SERVICE_OVER_RAW_CALL);
    for (const row of reports) {
      expect(row.baseline!.label).toContain('SteamAPI_GetHSteamPipe');
      expect(row.ratio).toBeGreaterThan(0);
      expect(row.met).toBeUndefined();
    }
    // The target's two figures are the reports' subjects for the service and the raw call.
    expect(reports[0]!.subject).toEqual(target!.subject);
    expect(reports[2]!.subject).toEqual(target!.baseline);
    // The timing ran without the call log, and left it on.
    expect(controls.callLogEnabled()).toBe(true);
  });

  it('counts koffi callbacks during a session and after it (none left)', () => {
    const session = runKoffiCallbackSession(controls, 5);
    expect(session.during).toBeGreaterThan(session.before);
    expect(session.after).toBe(session.before);
    expect(liveNativeCallbackCount()).toBe(session.before);
  });
});
