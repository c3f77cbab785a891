/**
 * Beacons for tests: on 127.0.0.1 (or ::1) and ports of the system's choice, logging into a
 * RecordingLog, and all closed by `closeTestBeacons()` (call it in `afterEach`).
 */
import { type RunningBeacon, startBeacon } from '../beacon.js';
import type { BeaconOptions } from '../options/beacon-options.js';
import { RecordingLog } from './recording-log.js';

export interface TestBeacon {
  readonly beacon: RunningBeacon;
  readonly log: RecordingLog;
}

const running: RunningBeacon[] = [];

export async function startTestBeacon(
  options: Partial<BeaconOptions> & { readonly log?: never } = {},
): Promise<TestBeacon> {
  const log = new RecordingLog();
  const beacon = await startBeacon({
    code: 'fra',
    geo: { lon: 8.68, lat: 50.12 },
    host: '127.0.0.1',
    udpPort: 0,
    httpPort: 0,
    logLevel: 'debug',
    ...options,
    log: log.sink,
  });
  running.push(beacon);
  return { beacon, log };
}

export async function closeTestBeacons(): Promise<void> {
  await Promise.all(running.splice(0).map((beacon) => beacon.close()));
}
