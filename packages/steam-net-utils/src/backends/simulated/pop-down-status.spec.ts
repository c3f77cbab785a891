/**
 * A POP of the world goes down after the measurement: the relay status's message must stop naming
 * it as the nearest POP (the demo's status panel said "nearest POP fra" while its region panel said
 * fra was unreachable), and the change is reported as a status event, so a page that shows the
 * message from the signal updates too.
 */
import { ManualClock } from '@relaylane/core';

import { NETWORKING_AVAILABILITY_CURRENT } from '../../constants/index.js';
import { NetworkingUtils } from '../../service/networking-utils.js';
import { SimulatedRelayNetwork } from './simulated-relay-network.js';
import { SimulatedWorld } from './simulated-world.js';

describe('the relay status message when a POP goes down and comes back', () => {
  it('names the nearest POP that still answers, and reports the change', () => {
    const world = new SimulatedWorld({ seed: 1 });
    const clock = new ManualClock();
    const service = new NetworkingUtils(
      new SimulatedRelayNetwork({ world, clock, location: 'Frankfurt' }),
    );
    const messages: string[] = [];
    service.signals.relay_network_status.connect((_a, _p, _c, _r, message) =>
      messages.push(message),
    );
    service.initRelayNetworkAccess();
    for (let ms = 0; ms < 15_000; ms += 50) {
      clock.advance(50);
      service.runCallbacks();
    }
    expect(service.getRelayNetworkStatus()).toBe(NETWORKING_AVAILABILITY_CURRENT);
    expect(service.getRelayNetworkStatusDetails().debug_message).toMatch(/nearest POP fra /);

    messages.length = 0;
    world.setPopDown('fra', true);
    service.runCallbacks();
    const down = service.getRelayNetworkStatusDetails().debug_message;
    expect(down).toMatch(/nearest POP \w+ /);
    expect(down).not.toMatch(/nearest POP fra /);
    expect(messages).toEqual([down]);

    world.setPopDown('fra', false);
    service.runCallbacks();
    expect(service.getRelayNetworkStatusDetails().debug_message).toMatch(/nearest POP fra /);
    service.dispose();
  });
});
