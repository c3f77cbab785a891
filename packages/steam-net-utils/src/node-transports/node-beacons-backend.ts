/**
 * `beaconsBackend()` as Node has it: UDP to every beacon with a UDP echo, WebSocket to the others
 * (the `/beacons` entry's Node build, `autoBackend()`'s beacons in Node, and the terminal console).
 */
import { beaconsBackendWith } from '../backends/beacons/index.js';
import { NodeProbeTransport } from './node-probe-transport.js';

export const nodeBeaconsBackend = beaconsBackendWith((now) => new NodeProbeTransport(now));
