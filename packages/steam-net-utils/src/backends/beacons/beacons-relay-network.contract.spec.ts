import { NetworkingUtils } from '../../service/networking-utils.js';
import { type NetworkingUtilsHarness } from '../../test-support/harness.js';
import { describeNetworkingUtilsContract } from '../../test-support/networking-utils-contract.js';
import { describeNetworkingUtilsFuzz } from '../../test-support/networking-utils-fuzz.js';
import { beaconsHarness } from './test-support/beacons-harness.js';
import { type EmulatedBeacon, startEmulatedBeacon } from './test-support/emulated-beacon.js';

// Three regions as a player in Frankfurt sees them, over UDP on 127.0.0.1.
const regions = [
  { code: 'fra', desc: 'Frankfurt', geo: [8.68, 50.12] as const, delayMs: 4 },
  { code: 'lhr', desc: 'London', geo: [-0.45, 51.47] as const, delayMs: 14 },
  { code: 'iad', desc: 'Washington', geo: [-77.46, 38.95] as const, delayMs: 40 },
];
let beacons: EmulatedBeacon[] = [];

beforeAll(async () => {
  beacons = await Promise.all(regions.map(({ delayMs }) => startEmulatedBeacon({ delayMs })));
});
afterAll(async () => {
  await Promise.all(beacons.map((beacon) => beacon.close()));
});

function harness(): NetworkingUtilsHarness {
  const { network, clock } = beaconsHarness({
    beacons: regions.map(({ code, desc, geo }, k) => ({ code, desc, geo, udp: beacons[k]!.udp })),
  });
  return {
    service: new NetworkingUtils(network),
    advance: (ms) => clock.advance(ms),
    settle: () => network.whenIdle(),
  };
}

describeNetworkingUtilsContract('beacons backend (UDP, three emulated regions)', harness);
describeNetworkingUtilsFuzz('beacons backend (UDP, three emulated regions)', harness);
