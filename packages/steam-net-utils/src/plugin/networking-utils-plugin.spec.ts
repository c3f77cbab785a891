import { Engine, ManualClock, MessageQueue } from '@relaylane/core';

import { NETWORKING_AVAILABILITY_CURRENT } from '../constants/index.js';
import { NetworkingUtils } from '../service/networking-utils.js';
import { SimulatedRelayNetwork } from '../backends/simulated/simulated-relay-network.js';
import { NetworkingUtilsPlugin } from './networking-utils-plugin.js';
import { NetworkingUtilsTokens } from '../service/tokens.js';

function setUp(options: ConstructorParameters<typeof NetworkingUtilsPlugin>[0] = {}) {
  const clock = new ManualClock();
  const engine = new Engine({ clock, messageQueue: new MessageQueue() });
  const plugin = new NetworkingUtilsPlugin({ location: 'Frankfurt', seed: 1, ...options });
  engine.addPlugin(plugin);
  /** Runs frames of 50 ms on the engine for `ms` of simulated time. */
  const run = (ms: number): void => {
    for (let elapsed = 0; elapsed < ms; elapsed += 50) {
      clock.advance(50);
      engine.tick(0.05);
    }
  };
  return { clock, engine, plugin, run };
}

describe('NetworkingUtilsPlugin', () => {
  it('binds the service under its token and registers it as the singleton Steam', () => {
    const { engine, plugin } = setUp();
    const service = engine.container.get(NetworkingUtilsTokens.NetworkingUtils);
    expect(service).toBeInstanceOf(NetworkingUtils);
    expect(engine.getSingleton('Steam')).toBe(service);
    expect(plugin.networkingUtils).toBe(service);
    expect(service.backend).toBeInstanceOf(SimulatedRelayNetwork);
  });

  it("uses the engine's clock: the relay network reaches CURRENT only as the engine ticks", () => {
    const { engine, run } = setUp();
    const steam = engine.getSingleton('Steam') as NetworkingUtils;
    const statuses: number[] = [];
    steam.connect('relay_network_status', (available) => statuses.push(available));
    expect(steam.getRelayNetworkStatus()).not.toBe(NETWORKING_AVAILABILITY_CURRENT);
    run(15_000);
    expect(steam.getRelayNetworkStatus()).toBe(NETWORKING_AVAILABILITY_CURRENT);
    // Emitted from process() as the status moved, ending at CURRENT.
    expect(statuses.length).toBeGreaterThan(1);
    expect(statuses.at(-1)).toBe(NETWORKING_AVAILABILITY_CURRENT);
  });

  it('emits nothing between ticks: signals come from process(), not from time passing', () => {
    const { engine, clock } = setUp();
    const steam = engine.getSingleton('Steam') as NetworkingUtils;
    const listener = jest.fn();
    steam.connect('relay_network_status', listener);
    clock.advance(15_000);
    expect(listener).not.toHaveBeenCalled();
    engine.tick(0);
    expect(listener).toHaveBeenCalled();
  });

  it('does not start relay access when asked not to', () => {
    const { engine, run } = setUp({ initRelayNetworkAccess: false });
    const steam = engine.getSingleton('Steam') as NetworkingUtils;
    run(15_000);
    expect(steam.getRelayNetworkStatusDetails().available_relay).not.toBe(
      NETWORKING_AVAILABILITY_CURRENT,
    );
  });

  it('registers the net.* console commands, and unregisters them with the singleton on removal', async () => {
    const { engine } = setUp();
    expect(engine.console.has('net.status')).toBe(true);
    expect(engine.console.has('net.sim.where')).toBe(true);
    const steam = engine.getSingleton('Steam') as NetworkingUtils;
    engine.removePlugin('steam-net-utils');
    expect(engine.console.has('net.status')).toBe(false);
    expect(engine.console.has('net.sim.where')).toBe(false);
    expect(engine.hasSingleton('Steam')).toBe(false);
    expect(engine.container.isBound(NetworkingUtilsTokens.NetworkingUtils)).toBe(false);
    // Unloading the module disposed the service and shut its backend down.
    expect(() => steam.getPOPCount()).toThrow(/disposed/);
    expect((await engine.console.execute('net.status')).ok).toBe(false);
  });

  it('takes another singleton name and can leave the console alone', () => {
    const { engine } = setUp({ singletonName: 'NetUtils', consoleCommands: false });
    expect(engine.hasSingleton('NetUtils')).toBe(true);
    expect(engine.hasSingleton('Steam')).toBe(false);
    expect(engine.console.has('net.status')).toBe(false);
  });

  it('disposes the service when the engine is disposed', () => {
    const { engine } = setUp();
    const steam = engine.getSingleton('Steam') as NetworkingUtils;
    engine.dispose();
    expect(() => steam.getPOPList()).toThrow(/disposed/);
  });
});
