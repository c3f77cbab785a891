import { DevConsolePlugin, Engine, ManualClock, MessageQueue } from '@relaylane/core';

import { simulatedBackend } from '../backends/simulated/simulated-backend-provider.js';
import { NetConsolePlugin } from './net-console-plugin.js';
import { NetworkingUtilsPlugin } from './networking-utils-plugin.js';

function engineWithConsole(): { engine: Engine; devConsole: DevConsolePlugin } {
  const engine = new Engine({ realTimeClock: new ManualClock(), messageQueue: new MessageQueue() });
  const devConsole = new DevConsolePlugin();
  engine.addPlugin(devConsole);
  return { engine, devConsole };
}

const networkingUtilsPlugin = (): NetworkingUtilsPlugin =>
  new NetworkingUtilsPlugin({ backend: simulatedBackend({ location: 'Frankfurt', seed: 1 }) });

describe('NetConsolePlugin', () => {
  it('registers the net.* commands and the backend’s own for the service in the tree', async () => {
    const { engine, devConsole } = engineWithConsole();
    engine.addPlugin(networkingUtilsPlugin());
    engine.addPlugin(new NetConsolePlugin());
    expect(devConsole.registry.has('net.status')).toBe(true);
    expect(devConsole.registry.has('net.sim.where')).toBe(true);
    const status = await devConsole.registry.execute('net.status');
    expect(status.ok).toBe(true);
    engine.dispose();
  });

  it('unregisters every command it registered when removed, and leaves the service running', () => {
    const { engine, devConsole } = engineWithConsole();
    engine.addPlugin(networkingUtilsPlugin());
    engine.addPlugin(new NetConsolePlugin());
    engine.removePlugin(NetConsolePlugin.pluginName);
    expect(devConsole.registry.list().map((command) => command.name)).not.toContain('net.status');
    expect(devConsole.registry.has('net.sim.where')).toBe(false);
    expect(engine.getSingleton('Steam').getPOPCount()).toBeGreaterThanOrEqual(0);
    engine.dispose();
  });

  it('waits for both the dev console and the service, whichever order they come in', () => {
    const engine = new Engine({ realTimeClock: new ManualClock() });
    const plugin = new NetConsolePlugin();
    expect(plugin.dependencies).toEqual([
      DevConsolePlugin.pluginName,
      NetworkingUtilsPlugin.pluginName,
    ]);
    engine.addPlugin(plugin);
    expect(engine.getPendingPluginList()).toEqual([
      {
        plugin: NetConsolePlugin.pluginName,
        waitingFor: [DevConsolePlugin.pluginName, NetworkingUtilsPlugin.pluginName],
      },
    ]);
    engine.addPlugin(networkingUtilsPlugin());
    const devConsole = new DevConsolePlugin();
    engine.addPlugin(devConsole);
    expect(engine.getPendingPluginList()).toEqual([]);
    expect(devConsole.registry.has('net.pops')).toBe(true);
    engine.dispose();
  });

  it('fails the first tick, naming what is missing, when the service never comes', () => {
    const { engine } = engineWithConsole();
    engine.addPlugin(new NetConsolePlugin());
    expect(() => engine.tick(0)).toThrow(/steam-net-utils/);
    engine.dispose();
  });

  it('cannot outlive the service: the engine refuses to remove the service first', () => {
    const { engine } = engineWithConsole();
    engine.addPlugin(networkingUtilsPlugin());
    engine.addPlugin(new NetConsolePlugin());
    expect(() => engine.removePlugin(NetworkingUtilsPlugin.pluginName)).toThrow(
      new RegExp(NetConsolePlugin.pluginName),
    );
    engine.dispose();
  });
});
