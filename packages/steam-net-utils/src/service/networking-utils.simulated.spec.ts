import { ManualClock } from '@relaylane/core';

import { SimulatedRelayNetwork } from '../backends/simulated/simulated-relay-network.js';
import { SimulatedWorld } from '../backends/simulated/simulated-world.js';
import { NetworkingUtils } from './networking-utils.js';
import { type NetworkingUtilsHarness } from '../test-support/harness.js';
import { describeNetworkingUtilsContract } from '../test-support/networking-utils-contract.js';
import { describeNetworkingUtilsFuzz } from '../test-support/networking-utils-fuzz.js';

/** A service over a simulated host in `location`, in a world of its own. */
function simulatedHarness(location: string, seed: number): NetworkingUtilsHarness {
  const world = new SimulatedWorld({ seed });
  const clock = new ManualClock();
  const backend = new SimulatedRelayNetwork({ world, clock, location });
  return { service: new NetworkingUtils(backend), advance: (ms) => clock.advance(ms) };
}

describeNetworkingUtilsContract('simulated relay network (Frankfurt)', () =>
  simulatedHarness('Frankfurt', 1),
);

describeNetworkingUtilsContract('simulated relay network (Sydney)', () =>
  simulatedHarness('Sydney', 7),
);

describeNetworkingUtilsFuzz('simulated relay network (Frankfurt)', () =>
  simulatedHarness('Frankfurt', 3),
);
