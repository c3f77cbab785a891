import { CommandRegistry, ManualClock } from '@relaylane/core';

import { ConsoleCommandsCapability } from '../../port/backend-capability.js';
import { SimulatedRelayNetwork } from './simulated-relay-network.js';
import { SimulatedWorld } from './simulated-world.js';
import { parseLocationWords } from './simulation-commands.js';

function setup() {
  const world = new SimulatedWorld({ seed: 1 });
  const network = new SimulatedRelayNetwork({ world, clock: new ManualClock(), location: 'Paris' });
  const registry = new CommandRegistry();
  for (const command of network.capability(ConsoleCommandsCapability) ?? []) {
    registry.register(command);
  }
  return { world, network, registry };
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
    // A place given by coordinates is named by them: not repeated in parentheses.
    expect((await registry.execute('net.sim.where -33.9 151.2')).output).toEqual([
      '33.90°S 151.20°E',
    ]);
    expect(network.host.place).toEqual({ lat: -33.9, lon: 151.2 });
  });

  it('net.sim.status shows the host, the faults and the relay status', async () => {
    const { world, registry } = setup();
    world.setPopDown('ams', true);
    const output = (await registry.execute('net.sim.status')).output.join('\n');
    expect(output).toContain('Paris (France)');
    expect(output).toContain('POPs down: ams');
    expect(output).toContain('avail=NEVER_TRIED');
  });

  it('are offered once: the capability hands out the same commands every time', () => {
    const { network, registry } = setup();
    expect(network.capability(ConsoleCommandsCapability)).toBe(
      network.capability(ConsoleCommandsCapability),
    );
    expect(registry.list().map((command) => command.name)).toEqual([
      'net.sim.loss',
      'net.sim.offline',
      'net.sim.pop',
      'net.sim.relays',
      'net.sim.status',
      'net.sim.where',
    ]);
  });
});

describe('parseLocationWords', () => {
  it('reads "lat lon" and "lat,lon" as coordinates, anything else as a city', () => {
    expect(parseLocationWords(['48.8', '2.3'])).toEqual({ lat: 48.8, lon: 2.3 });
    expect(parseLocationWords(['-33.9,151.2'])).toEqual({ lat: -33.9, lon: 151.2 });
    expect(parseLocationWords(['New', 'York'])).toBe('New York');
  });
});
