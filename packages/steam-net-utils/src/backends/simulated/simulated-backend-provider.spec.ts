import { ManualClock } from '@relaylane/core';

import { createSimulatedNetwork, simulatedBackend } from './simulated-backend-provider.js';
import { SimulatedWorld } from './simulated-world.js';

const environment = (gameClock = new ManualClock()) => ({
  gameClock,
  realTimeClock: new ManualClock(),
  log: () => {},
});

describe('simulatedBackend', () => {
  it('is a provider of kind simulated', () => {
    expect(simulatedBackend().kind).toBe('simulated');
  });

  it('makes a world and a Frankfurt host on the game clock when given nothing', () => {
    const gameClock = new ManualClock();
    const backend = createSimulatedNetwork({}, { gameClock });
    expect(backend.kind).toBe('simulated');
    expect(backend.host.locationName).toBe('Frankfurt (Germany)');
    expect(backend.world.seed).toBe(0);
    gameClock.advance(1234);
    expect(backend.peekRelayNetworkStatus()).toBeDefined();
    expect(backend.now).toBe(1234);
    backend.shutdown();
  });

  it('runs on its own clock when the options give one', () => {
    const own = new ManualClock(500);
    const backend = createSimulatedNetwork({ clock: own }, { gameClock: new ManualClock() });
    backend.peekRelayNetworkStatus();
    expect(backend.now).toBe(500);
  });

  it('seeds the new world and names the host after the seed', () => {
    const backend = createSimulatedNetwork({ seed: 42, location: 'Lima' }, environment());
    expect(backend.world.seed).toBe(42);
    expect(backend.host.label).toBe('seed:42');
  });

  it('joins a given world, so two backends share its faults', () => {
    const world = new SimulatedWorld({ seed: 3 });
    const a = simulatedBackend({ world, location: 'Oslo' }).create(environment());
    const b = simulatedBackend({ world, location: 'Rome', connection: 'cable' }).create(
      environment(),
    );
    expect(world.hosts().map((host) => host.locationName)).toEqual([
      'Oslo (Norway)',
      'Rome (Italy)',
    ]);
    a.shutdown();
    b.shutdown();
  });

  it('throws RangeError for an unknown city when the backend is created', () => {
    const provider = simulatedBackend({ location: 'Atlantis' });
    expect(() => provider.create(environment())).toThrow(RangeError);
  });
});
