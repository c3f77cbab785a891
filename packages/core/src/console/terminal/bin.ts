#!/usr/bin/env node
// relaylane-console: the dev console of a bare engine (the built-in commands) over stdin/stdout.
// A package with plugins makes its own bin the same way: build the engine, add the DevConsolePlugin
// and the other plugins, then call runConsoleCli with the console plugin's registry.
import { Engine } from '../../engine.js';
import { startFixedRateLoop } from '../../loops/fixed-rate-loop.js';
import { DevConsolePlugin } from '../dev-console-plugin.js';
import { exitQuietlyOnBrokenPipe } from './broken-pipe.js';
import { runConsoleCli } from './console-cli.js';

exitQuietlyOnBrokenPipe(process.stdout);
const engine = new Engine();
const devConsole = new DevConsolePlugin();
engine.addPlugin(devConsole);
// The engine keeps ticking while the console runs, so deferred calls and plugin work go on.
const loop = startFixedRateLoop(engine, { hz: 30 });
try {
  process.exitCode = await runConsoleCli(process.argv.slice(2), {
    registry: devConsole.registry,
    input: process.stdin,
    output: process.stdout,
    errorOutput: process.stderr,
  });
} finally {
  loop.stop();
  engine.dispose();
}
