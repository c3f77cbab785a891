// A small registry for the console user interfaces' specs: the built-ins over a host with one
// plugin ('relay'), two `net.*` commands, and a command that always fails.
import { registerBuiltinCommands } from '../builtin-commands.js';
import { CommandRegistry } from '../command-registry.js';

export function sampleRegistry(): CommandRegistry {
  const registry = new CommandRegistry();
  registerBuiltinCommands(registry, {
    getPluginList: () => ['relay'],
    getSingletonList: () => [],
    getSingleton: () => undefined,
  });
  registry.register({ name: 'net.pops', help: 'List POPs.', handler: () => ['fra', 'sea'] });
  registry.register({ name: 'net.ping', help: 'Ping.', handler: () => 'pong' });
  registry.register({
    name: 'fail',
    help: 'Always fails.',
    handler: () => {
      throw new Error('it broke');
    },
  });
  return registry;
}
