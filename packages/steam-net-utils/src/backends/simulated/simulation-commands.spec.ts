import { CommandRegistry, ManualClock } from '@relaylane/core';

import { SimulatedRelayNetwork } from './simulated-relay-network.js';
import { SimulatedWorld } from './simulated-world.js';
import { parseLocationWords, registerSimulationCommands } from './simulation-commands.js';

function setup() {
  const world = new SimulatedWorld({ seed: 1 });
  const network = new SimulatedRelayNetwork({ world, clock: new ManualClock(), location: 'Paris' });
  const registry = new CommandRegistry();
  const unregister = registerSimulationCommands(registry, network);
  return { world, network, registry, unregister };
}

describe('the net.sim console commands', () => {
  it('net.sim.offline takes the host offline and back', async () => {
    const { network, registry } = setup();
    expect((await registry.execute('net.sim.offline on')).ok).toBe(true);
    expect(network.offline).toBe(true);
    await registry.execute('net.sim.offline off');
    expect(network.offline).toBe(false);
  });

  it('net.sim.loss sets the packet loss and reports a bad percentage', async () => {
    const { network, registry } = setup();
    await registry.execute('net.sim.loss 25');
    expect(network.packetLossPercent).toBe(25);
    const result = await registry.execute('net.sim.loss 250');
    expect(result.ok).toBe(false);
    expect(network.packetLossPercent).toBe(25);
  });

  it('net.sim.pop takes a POP of the world down and up', async () => {
    const { world, registry } = setup();
    await registry.execute('net.sim.pop fra down');
    expect(world.downPops()).toEqual(['fra']);
    await registry.execute('net.sim.pop fra up');
    expect(world.downPops()).toEqual([]);
    expect((await registry.execute('net.sim.pop nope down')).ok).toBe(false);
  });

  it('net.sim.relays makes every relay unreachable and reachable', async () => {
    const { world, registry } = setup();
    await registry.execute('net.sim.relays unreachable');
    expect(world.allRelaysUnreachable).toBe(true);
    await registry.execute('net.sim.relays reachable');
    expect(world.allRelaysUnreachable).toBe(false);
  });

  it('net.sim.where shows the location, or moves the host', async () => {
    const { network, registry } = setup();
    expect((await registry.execute('net.sim.where')).output).toEqual([
      'Paris (France) (48.86°N 2.35°E)',
    ]);
    await registry.execute('net.sim.where Portland, United States');
    expect(network.host.locationName).toBe('Portland (United States)');
    await registry.execute('net.sim.where -33.9 151.2');
    expect(network.host.place).toEqual({ lat: -33.9, lon: 151.2 });
  });

  it('net.sim.status shows the host, the faults and the relay status', async () => {
    const { world, registry } = setup();
    world.setPopDown('ams', true);
    const output = (await registry.execute('net.sim.status')).output.join('\n');
    expect(output).toContain('Paris (France)');
    expect(output).toContain('POPs down: ams');
    expect(output).toContain('avail=NeverTried');
  });

  it('unregistering removes exactly the commands it registered', () => {
    const { registry, unregister } = setup();
    expect(registry.has('net.sim.pop')).toBe(true);
    unregister();
    expect(registry.list().filter((c) => c.name.startsWith('net.sim.'))).toEqual([]);
  });

  it('registers nothing when a name is taken', () => {
    const { registry, network } = setup();
    expect(() => registerSimulationCommands(registry, network)).toThrow();
    const fresh = new CommandRegistry();
    fresh.register({ name: 'net.sim.relays', help: 'taken', handler: () => undefined });
    expect(() => registerSimulationCommands(fresh, network)).toThrow();
    expect(fresh.list().map((c) => c.name)).toEqual(['net.sim.relays']);
  });
});

describe('parseLocationWords', () => {
  it('reads "lat lon" and "lat,lon" as coordinates, anything else as a city', () => {
    expect(parseLocationWords(['48.8', '2.3'])).toEqual({ lat: 48.8, lon: 2.3 });
    expect(parseLocationWords(['-33.9,151.2'])).toEqual({ lat: -33.9, lon: 151.2 });
    expect(parseLocationWords(['New', 'York'])).toBe('New York');
  });
});
