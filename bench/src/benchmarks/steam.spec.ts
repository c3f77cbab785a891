import { liveNativeCallbackCount } from '@relaylane/steam-net-utils/steam';

import {
  compileSteamDouble,
  loadSteamDoubleControls,
  type SteamDoubleControls,
} from '../fixtures/steam-double.js';
import { steamDoubleSourceFrom, TINY_MEASURE } from '../test-support/tiny.js';
import { runKoffiCallbackSession } from './heap-soak.js';
import { runSteamCallBenchmark } from './steam-call.js';

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

  it('times the service, the backend, the raw call and an empty call of its signature against the empty call', () => {
    const rows = runSteamCallBenchmark(controls, TINY_MEASURE, 3);
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row.baseline!.label).toContain('SteamAPI_GetHSteamPipe');
      expect(row.ratio).toBeGreaterThan(0);
    }
    expect(rows[0]!.met).not.toBeUndefined();
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
