import { ContainerModule } from 'inversify';
import { type Engine } from './engine.js';

/**
 * A unit of functionality the {@link Engine} hosts: it contributes bindings to the engine's
 * inversify container and gets a per-frame `process` call.
 *
 * Lifecycle, in order:
 *
 * 1. **construct**: `new MyPlugin(options)`; nothing is registered yet.
 * 2. **module() loaded**: `engine.addPlugin(plugin)` calls `module()` once and loads the returned
 *    `ContainerModule` into `engine.container` (synchronously: the module's load function must not
 *    return a Promise). This happens only once every plugin named in `dependencies` has entered
 *    the tree; until then the plugin waits (see `Engine.addPlugin`).
 * 3. **enterTree(engine)**: called right after the module is loaded; the plugin's own bindings and
 *    its dependencies' services can be resolved here. Register singletons, connect signals.
 * 4. **process(deltaSeconds)**: called on every `engine.tick`, in the order plugins entered the
 *    tree, after the engine moved `engine.gameClock` by `deltaSeconds * 1000` (so `process` reads
 *    the time of the frame it runs in) and before the engine flushes its message queue.
 * 5. **exitTree()**: called by `engine.removePlugin(name)` or `engine.dispose()`; undo what
 *    `enterTree` did (unregister singletons, disconnect signals). Plugins exit in the reverse of
 *    the order they entered, so a plugin exits before the plugins it depends on.
 * 6. **module unloaded**: right after `exitTree`, the engine unloads the same `ContainerModule`
 *    instance, which removes exactly its bindings and runs their deactivation handlers
 *    (`onDeactivation`, `@preDestroy`; they must be synchronous).
 *
 * If step 2 or 3 throws, the plugin does not enter the tree: its module is unloaded again and
 * `exitTree` is not called.
 *
 * ```ts
 * class PingPlugin extends Plugin {
 *   readonly name = 'ping';
 *   override readonly dependencies = ['steam-net-utils'];
 *   override module() {
 *     return new ContainerModule(({ bind }) => { bind(PingService).toSelf().inSingletonScope(); });
 *   }
 *   override process(deltaSeconds: number) { ... }
 * }
 * ```
 */
export abstract class Plugin {
  /** Unique among the engine's plugins; other plugins name it in their `dependencies`. */
  abstract readonly name: string;

  /** Names of the plugins that must enter the tree before this one (default: none). */
  readonly dependencies: readonly string[] = [];

  /**
   * The plugin's bindings, as one `ContainerModule`. Called once per `addPlugin`; the engine keeps
   * the instance and unloads exactly that instance when the plugin leaves. The default binds
   * nothing.
   */
  module(): ContainerModule {
    return new ContainerModule(() => {});
  }

  /** Lifecycle step 3: the plugin's module is loaded and its dependencies are in the tree. */
  enterTree(_engine: Engine): void {}

  /** Lifecycle step 4: one frame passed; `deltaSeconds` is its length in seconds (finite, >= 0). */
  process(_deltaSeconds: number): void {}

  /** Lifecycle step 5: undo `enterTree`; the module is unloaded right after. */
  exitTree(): void {}
}
