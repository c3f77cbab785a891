import {
  DevConsolePlugin,
  DevConsoleTokens,
  Engine,
  ManualClock,
  MessageQueue,
} from '@relaylane/core';

import { simulatedBackend } from '../backends/simulated/simulated-backend-provider.js';
import { SimulationControlsCapability } from '../backends/simulated/simulation-controls.js';
import { NETWORKING_AVAILABILITY_CURRENT } from '../constants/index.js';
import { type BackendProvider } from '../port/backend-provider.js';
import { NetworkingUtilsInjection } from '../service/injection-tokens.js';
import { NetworkingUtils } from '../service/networking-utils.js';
import { NetworkingUtilsTokens } from '../service/tokens.js';
import { ScriptedBackend } from '../test-support/scripted-backend.js';
import { NETWORKING_UTILS_SINGLETON, NetworkingUtilsPlugin } from './networking-utils-plugin.js';

function setUp(options: Partial<ConstructorParameters<typeof NetworkingUtilsPlugin>[0]> = {}) {
  const engine = new Engine({ realTimeClock: new ManualClock(), messageQueue: new MessageQueue() });
  const console = new DevConsolePlugin();
  engine.addPlugin(console);
  const plugin = new NetworkingUtilsPlugin({
    backend: simulatedBackend({ location: 'Frankfurt', seed: 1 }),
    ...options,
  });
  engine.addPlugin(plugin);
  /** Ticks the engine in 50 ms frames for `ms` of game time. */
  const run = (ms: number): void => {
    for (let elapsed = 0; elapsed < ms; elapsed += 50) engine.tick(0.05);
  };
  return { engine, plugin, registry: console.registry, run };
}

describe('NetworkingUtilsPlugin', () => {
  it('binds the service in the container, and the singleton Steam resolves to that binding', () => {
    const { engine, plugin } = setUp();
    const service = engine.container.get(NetworkingUtilsTokens.NetworkingUtils);
    expect(service).toBeInstanceOf(NetworkingUtils);
    // Typed through the SingletonTypes augmentation: no cast.
    const steam: NetworkingUtils = engine.getSingleton('Steam');
    expect(steam).toBe(service);
    expect(engine.getSingletonList()).toEqual([NETWORKING_UTILS_SINGLETON]);
    expect(plugin.networkingUtils).toBe(service);
    expect(service.backendKind).toBe('simulated');
  });

  it('builds the service through the container: the backend and options are injected', () => {
    const { engine } = setUp();
    const service = engine.container.get(NetworkingUtilsTokens.NetworkingUtils);
    expect(engine.container.get(NetworkingUtilsInjection.Backend).kind).toBe('simulated');
    expect(service.backendSelection).toEqual({
      requested: ['simulated'],
      kind: 'simulated',
      fallbacks: [],
    });
  });

  it("runs the simulation on the engine's game clock: ticks alone bring the network to CURRENT", () => {
    const { engine, run } = setUp();
    const networkingUtils = engine.getSingleton('Steam');
    const statuses: number[] = [];
    networkingUtils.connect('relay_network_status', (available) => statuses.push(available));
    expect(networkingUtils.getRelayNetworkStatus()).not.toBe(NETWORKING_AVAILABILITY_CURRENT);
    // 300 ticks of 1/60 s: five seconds of game time, and no clock advanced by hand.
    for (let frame = 0; frame < 300; frame++) engine.tick(1 / 60);
    expect(engine.gameClock.now()).toBe(5000);
    expect(networkingUtils.capability(SimulationControlsCapability)?.now).toBe(5000);
    run(10_000);
    expect(networkingUtils.getRelayNetworkStatus()).toBe(NETWORKING_AVAILABILITY_CURRENT);
    expect(statuses.length).toBeGreaterThan(1);
    expect(statuses.at(-1)).toBe(NETWORKING_AVAILABILITY_CURRENT);
  });

  it('emits only from process(): a tick of 0 s delivers, time passing elsewhere does not', () => {
    const { engine } = setUp();
    const listener = jest.fn();
    engine.getSingleton('Steam').connect('relay_network_status', listener);
    expect(listener).not.toHaveBeenCalled();
    engine.tick(0);
    expect(listener).toHaveBeenCalled();
  });

  it('does not start relay access when asked not to', () => {
    const { engine, run } = setUp({ initRelayNetworkAccess: false });
    run(15_000);
    expect(engine.getSingleton('Steam').getRelayNetworkStatusDetails().available_relay).not.toBe(
      NETWORKING_AVAILABILITY_CURRENT,
    );
  });

  it('gives the backend provider the engine clocks and the log option', () => {
    const seen: { game: number; real: number }[] = [];
    const provider: BackendProvider = {
      kind: 'probe',
      create: (environment) => {
        environment.log('hello');
        seen.push({ game: environment.gameClock.now(), real: environment.realTimeClock.now() });
        return new ScriptedBackend();
      },
    };
    const log = jest.fn();
    const realTimeClock = new ManualClock(1234);
    const engine = new Engine({ realTimeClock, gameTimeStartMs: 50 });
    engine.addPlugin(new NetworkingUtilsPlugin({ backend: provider, log }));
    expect(seen).toEqual([{ game: 50, real: 1234 }]);
    expect(log).toHaveBeenCalledWith('hello');
    engine.dispose();
  });

  it('registers no console commands of its own, even with the dev console in the tree', () => {
    const { engine, registry } = setUp();
    expect(registry.list().filter((command) => command.name.startsWith('net.'))).toEqual([]);
    expect(engine.hasSingleton('Steam')).toBe(true);
  });

  it('unbinds the service and disposes it when removed', () => {
    const { engine } = setUp();
    const networkingUtils = engine.getSingleton('Steam');
    engine.removePlugin(NetworkingUtilsPlugin.pluginName);
    expect(engine.hasSingleton('Steam')).toBe(false);
    expect(engine.container.isBound(NetworkingUtilsTokens.NetworkingUtils)).toBe(false);
    // Unloading the module disposed the service and shut its backend down.
    expect(() => networkingUtils.getPOPCount()).toThrow(/disposed/);
  });

  it('runs without a dev console', () => {
    const bare = new Engine();
    bare.addPlugin(new NetworkingUtilsPlugin({ backend: simulatedBackend() }));
    expect(bare.container.isBound(DevConsoleTokens.CommandRegistry)).toBe(false);
    expect(bare.hasSingleton('Steam')).toBe(true);
    bare.dispose();
  });

  it('disposes the service when the engine is disposed', () => {
    const { engine } = setUp();
    const networkingUtils = engine.getSingleton('Steam');
    engine.dispose();
    expect(() => networkingUtils.getPOPList()).toThrow(/disposed/);
  });
});
