import { CoreTokens, type Engine, Plugin, serviceToken } from '@relaylane/core';
import { ContainerModule } from 'inversify';

import {
  type BackendChoice,
  type BackendSelection,
  selectBackend,
} from '../compose/select-backend.js';
import { NetworkingUtilsInjection } from '../service/injection-tokens.js';
import { NetworkingUtils } from '../service/networking-utils.js';
import { NetworkingUtilsTokens } from '../service/tokens.js';

declare module '@relaylane/core' {
  interface SingletonTypes {
    /** GodotSteam's singleton: the Networking Utils service (`NetworkingUtilsPlugin`). */
    Steam: NetworkingUtils;
  }
}

/** The singleton name the service is registered under, as GodotSteam's `Steam`. */
export const NETWORKING_UTILS_SINGLETON = 'Steam';

/** The plugin's own binding: the selected backend with its selection record. */
const SelectedBackend = serviceToken<BackendSelection>('steam-net-utils', 'SelectedBackend');

/** Options of {@link NetworkingUtilsPlugin}. */
export interface NetworkingUtilsPluginOptions {
  /**
   * The backend: a provider (`simulatedBackend({ location: 'Sydney' })`, `steamBackend()` from
   * the `/steam` entry), a list of providers tried in order (each fallback logged and shown by
   * `net.status`), or a backend object. A build carries only the backends it names.
   */
  readonly backend: BackendChoice;
  /** Where a fallback between listed backends is announced (default `console.warn`). */
  readonly log?: ((line: string) => void) | undefined;
  /** Call `initRelayNetworkAccess()` when the plugin enters the tree (default true). */
  readonly initRelayNetworkAccess?: boolean | undefined;
}

/**
 * GodotSteam's Networking Utils as a `@relaylane/core` plugin.
 *
 * 1. `module()` binds the service under `NetworkingUtilsTokens.NetworkingUtils`: the container
 *    selects the backend (with the engine's game clock, real-time clock and the `log` option) and
 *    builds `NetworkingUtils` from it and the engine's message queue, each bound under its
 *    `NetworkingUtilsInjection` token.
 *    Unloading the module disposes the service, which shuts its backend down.
 * 2. `enterTree` registers the singleton `Steam` as an alias of that binding, so a GDScript port
 *    reads `engine.getSingleton('Steam').getPOPCount()` (typed), and starts relay network access.
 *    The `net.*` console commands are `NetConsolePlugin`'s, added separately.
 * 3. `process` pumps the backend's callbacks (`runCallbacks()`), so the service's signals are
 *    emitted on the engine's frame, never from a timer.
 * 4. `exitTree` unregisters the singleton.
 */
export class NetworkingUtilsPlugin extends Plugin {
  /** The plugin's name, for other plugins' `dependencies`. */
  static readonly pluginName = 'steam-net-utils';
  readonly name = NetworkingUtilsPlugin.pluginName;

  readonly #options: NetworkingUtilsPluginOptions;
  #service: NetworkingUtils | undefined;
  #engine: Engine | undefined;

  constructor(options: NetworkingUtilsPluginOptions) {
    super();
    this.#options = options;
  }

  /** The service, while the plugin is in the tree. */
  get networkingUtils(): NetworkingUtils | undefined {
    return this.#service;
  }

  override module(): ContainerModule {
    const options = this.#options;
    return new ContainerModule(({ bind }) => {
      bind(SelectedBackend)
        .toDynamicValue((context) =>
          selectBackend(options.backend, {
            gameClock: context.get(CoreTokens.GameClock),
            realTimeClock: context.get(CoreTokens.RealTimeClock),
            log: options.log ?? ((line) => console.warn(line)),
          }),
        )
        .inSingletonScope();
      bind(NetworkingUtilsInjection.Backend)
        .toDynamicValue((context) => context.get(SelectedBackend).backend)
        .inSingletonScope();
      bind(NetworkingUtilsInjection.ServiceOptions).toDynamicValue((context) => ({
        selection: context.get(SelectedBackend).info,
        messageQueue: context.get(CoreTokens.MessageQueue),
      }));
      bind(NetworkingUtilsTokens.NetworkingUtils)
        .toDynamicValue(
          (context) =>
            new NetworkingUtils(
              context.get(NetworkingUtilsInjection.Backend),
              context.get(NetworkingUtilsInjection.ServiceOptions),
            ),
        )
        .inSingletonScope()
        .onDeactivation((service) => service.dispose());
    });
  }

  override enterTree(engine: Engine): void {
    const service = engine.container.get(NetworkingUtilsTokens.NetworkingUtils);
    engine.registerSingleton(NETWORKING_UTILS_SINGLETON, NetworkingUtilsTokens.NetworkingUtils);
    this.#engine = engine;
    this.#service = service;
    if (this.#options.initRelayNetworkAccess ?? true) {
      service.initRelayNetworkAccess();
    }
  }

  override process(): void {
    this.#service?.runCallbacks();
  }

  override exitTree(): void {
    this.#engine?.unregisterSingleton(NETWORKING_UTILS_SINGLETON);
    this.#engine = undefined;
    this.#service = undefined;
  }
}
