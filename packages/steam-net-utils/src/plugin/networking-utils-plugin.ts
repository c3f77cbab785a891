import { CoreTokens, type Engine, Plugin } from '@relaylane/core';
import { ContainerModule } from 'inversify';

import { type NetworkingUtils } from '../service/networking-utils.js';
import {
  createNetworkingUtils,
  type CreateNetworkingUtilsOptions,
} from '../compose/create-networking-utils.js';
import { registerNetConsoleCommands } from '../console/net-console-commands.js';
import { NetworkingUtilsTokens } from '../service/tokens.js';

/** Options of {@link NetworkingUtilsPlugin}: the backend choice, plus how the plugin registers. */
export interface NetworkingUtilsPluginOptions extends CreateNetworkingUtilsOptions {
  /** The engine singleton the service is registered as (default `'Steam'`, as in GodotSteam). */
  readonly singletonName?: string;
  /** Call `initRelayNetworkAccess()` when the plugin enters the tree (default true). */
  readonly initRelayNetworkAccess?: boolean;
  /** Register the `net.*` dev console commands (default true). */
  readonly consoleCommands?: boolean;
}

/**
 * GodotSteam's Networking Utils as a `@relaylane/core` plugin.
 *
 * 1. `module()` binds the `NetworkingUtils` service under `NetworkingUtilsTokens.NetworkingUtils`
 *    (a singleton built from the options, with the engine's clock and message queue unless the
 *    options give their own); unloading the module disposes the service and shuts its backend down.
 * 2. `enterTree` registers the service as the engine singleton `Steam`, so a GDScript port reads
 *    `engine.getSingleton('Steam').getPOPCount()`, registers the `net.*` console commands and starts
 *    relay network access.
 * 3. `process` pumps the backend's callbacks (`runCallbacks()`), so the service's signals are
 *    emitted on the engine's frame, never from a timer.
 * 4. `exitTree` unregisters the commands and the singleton.
 */
export class NetworkingUtilsPlugin extends Plugin {
  /** The plugin's name, for other plugins' `dependencies`. */
  static readonly pluginName = 'steam-net-utils';

  readonly name = NetworkingUtilsPlugin.pluginName;

  private service: NetworkingUtils | undefined;
  private engine: Engine | undefined;
  private unregisterCommands: (() => void) | undefined;

  constructor(private readonly options: NetworkingUtilsPluginOptions = {}) {
    super();
  }

  /** The service, once the plugin is in the tree. */
  get networkingUtils(): NetworkingUtils | undefined {
    return this.service;
  }

  override module(): ContainerModule {
    const options = this.options;
    return new ContainerModule(({ bind }) => {
      bind(NetworkingUtilsTokens.NetworkingUtils)
        .toDynamicValue((context) =>
          createNetworkingUtils({
            ...options,
            clock: options.clock ?? context.get(CoreTokens.Clock),
            messageQueue: options.messageQueue ?? context.get(CoreTokens.MessageQueue),
          }),
        )
        .inSingletonScope()
        .onDeactivation((service) => service.dispose());
    });
  }

  override enterTree(engine: Engine): void {
    const service = engine.container.get(NetworkingUtilsTokens.NetworkingUtils);
    engine.registerSingleton(this.options.singletonName ?? 'Steam', service);
    this.engine = engine;
    this.service = service;
    if (this.options.consoleCommands ?? true) {
      this.unregisterCommands = registerNetConsoleCommands(engine.console, service);
    }
    if (this.options.initRelayNetworkAccess ?? true) {
      service.initRelayNetworkAccess();
    }
  }

  override process(): void {
    this.service?.runCallbacks();
  }

  override exitTree(): void {
    this.unregisterCommands?.();
    this.unregisterCommands = undefined;
    this.engine?.unregisterSingleton(this.options.singletonName ?? 'Steam');
    this.engine = undefined;
    this.service = undefined;
  }
}
