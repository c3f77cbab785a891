import { ManualClock } from '@relaylane/core';

import { createSimulatedBackend } from './create-simulated-backend.js';
import { SimulatedWorld } from './simulated-world.js';

describe('createSimulatedBackend', () => {
  it('makes a world, a clock and a Frankfurt host when given nothing', () => {
    const backend = createSimulatedBackend();
    expect(backend.kind).toBe('simulated');
    expect(backend.host.locationName).toBe('Frankfurt (Germany)');
    expect(backend.world.seed).toBe(0);
    backend.shutdown();
  });

  it('seeds the new world and names the host after the seed', () => {
    const backend = createSimulatedBackend({
      seed: 42,
      location: 'Lima',
      clock: new ManualClock(),
    });
    expect(backend.world.seed).toBe(42);
    expect(backend.host.label).toBe('seed:42');
  });

  it('joins a given world, so two backends share its faults', () => {
    const world = new SimulatedWorld({ seed: 3 });
    const clock = new ManualClock();
    const a = createSimulatedBackend({ world, clock, location: 'Oslo' });
    const b = createSimulatedBackend({ world, clock, location: 'Rome', connection: 'cable' });
    expect(world.hosts()).toEqual([a.host, b.host]);
    expect(b.host.connection).toBe('cable');
  });
});
