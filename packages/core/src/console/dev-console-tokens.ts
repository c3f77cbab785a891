import { serviceToken } from '../tokens.js';
import { type CommandRegistry } from './command-registry.js';

/**
 * What {@link DevConsolePlugin} binds in the engine's container. A plugin that adds console
 * commands depends on `DevConsolePlugin.pluginName` and resolves the registry here (or takes it
 * with `@inject(DevConsoleTokens.CommandRegistry)`).
 */
export const DevConsoleTokens = {
  /**
   * The dev console plugin's name, for other plugins' `dependencies` (a string here, so a plugin
   * can name it without bundling the console).
   */
  PluginName: 'dev-console',
  /** The dev console's command registry, where plugins register their commands. */
  CommandRegistry: serviceToken<CommandRegistry>('core', 'CommandRegistry'),
} as const;
