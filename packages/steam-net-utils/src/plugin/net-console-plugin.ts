import { DevConsoleTokens, type Engine, Plugin } from '@relaylane/core';

import { registerNetConsoleCommands } from '../console/net-console-commands.js';
import { RelayNetworkWaits, relayNetworkWaitCommand } from '../console/relay-network-wait.js';
import { NetworkingUtilsTokens } from '../service/tokens.js';
import { NetworkingUtilsPlugin } from './networking-utils-plugin.js';

/**
 * The `net.*` dev console commands, as a plugin of their own: add it after `DevConsolePlugin`
 * and `NetworkingUtilsPlugin` (it depends on both by name, so the engine waits for them).
 *
 * It is separate so that a release build leaves the commands out by not adding it: a bundler then
 * drops them, their names and their help text, and a game pays for them only in builds that have
 * a dev console.
 *
 * `enterTree` registers the commands for the service bound by `NetworkingUtilsPlugin`, the ones
 * its backend offers through `ConsoleCommandsCapability` (`net.sim.*`), `net.beacons` when the
 * backend measures its POPs (`PopMeasurementsCapability`), and `net.wait`, whose waits `process`
 * checks once a frame on the engine's game clock;
 * `exitTree` unregisters every one of them. Remove it before `NetworkingUtilsPlugin`: the engine
 * refuses to remove a plugin that another one depends on.
 */
export class NetConsolePlugin extends Plugin {
  /** The plugin's name, for other plugins' `dependencies`. */
  static readonly pluginName = 'steam-net-utils-console';
  readonly name = NetConsolePlugin.pluginName;
  override readonly dependencies = [DevConsoleTokens.PluginName, NetworkingUtilsPlugin.pluginName];

  #unregisterCommands: (() => void) | undefined;
  #waits: RelayNetworkWaits | undefined;

  override enterTree(engine: Engine): void {
    const registry = engine.container.get(DevConsoleTokens.CommandRegistry);
    const service = engine.container.get(NetworkingUtilsTokens.NetworkingUtils);
    const waits = new RelayNetworkWaits(service, engine.gameClock);
    const unregisterNet = registerNetConsoleCommands(registry, service);
    const wait = relayNetworkWaitCommand(waits);
    try {
      registry.register(wait);
    } catch (error) {
      unregisterNet();
      throw error;
    }
    this.#waits = waits;
    this.#unregisterCommands = () => {
      if (registry.has(wait.name)) registry.unregister(wait.name);
      unregisterNet();
    };
  }

  override process(): void {
    this.#waits?.poll();
  }

  override exitTree(): void {
    this.#waits?.cancelAll('the console plugin left the engine');
    this.#waits = undefined;
    this.#unregisterCommands?.();
    this.#unregisterCommands = undefined;
  }
}
