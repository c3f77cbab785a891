// @relaylane/core — the engine-agnostic, browser-safe entry point. Nothing here imports Node
// modules, the DOM at load time, Babylon or Steam. Separate entry points:
//   @relaylane/core/babylon          attach the engine to a Babylon.js scene
//   @relaylane/core/terminal         the dev console in a terminal (Node only)
//   @relaylane/core/console-overlay  the in-game dev console overlay (browser DOM)

export * from './errors.js';
export * from './error-hook.js';
export * from './describe-value.js';

// Signals and deferred calls
export * from './connect-flags.js';
export * from './callable.js';
export * from './signal.js';
export * from './signal-emitter.js';
export * from './message-queue.js';

// The engine: plugins, singletons, dependency injection, time
export * from './clock.js';
export * from './tokens.js';
export * from './plugin.js';
export * from './plugin-errors.js';
export * from './singleton-types.js';
// The registry itself is the engine's; its methods are the API.
export { SingletonError } from './singleton-registry.js';
export * from './engine.js';

// Host loops without a framework (Babylon has its own entry point)
export * from './loops/loop-error.js';
export * from './loops/fixed-rate-loop.js';
export * from './loops/animation-frame-loop.js';

// The dev console: DevConsolePlugin, its command registry and the built-in commands
export * from './console/index.js';
