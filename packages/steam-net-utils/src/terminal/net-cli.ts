/**
 * `relaylane-net`: an engine with the dev console, the Networking Utils service on the backend the
 * options name, and the `net.*` commands, run over a terminal or a pipe by `@relaylane/core`'s
 * console command line. The engine ticks on a fixed-rate loop while the console runs, so the
 * simulation measures, callbacks arrive and `net.wait` sees time pass.
 */
import { DevConsolePlugin, Engine, type LoopHandle, startFixedRateLoop } from '@relaylane/core';
import { type ConsoleCliIo, runConsoleCli } from '@relaylane/core/terminal';

import { simulatedBackend } from '../backends/simulated/simulated-backend-provider.js';
import { type steamBackend } from '../backends/steam/create-steam-backend.js';
import { autoBackendWith } from '../compose/auto-backend.js';
import { type BackendChoice } from '../compose/select-backend.js';
import { nodeBeaconsBackend } from '../node-transports/node-beacons-backend.js';
import { NetConsolePlugin } from '../plugin/net-console-plugin.js';
import { NetworkingUtilsPlugin } from '../plugin/networking-utils-plugin.js';
import {
  NET_CLI_USAGE,
  type NetCliOptions,
  NetCliUsageError,
  parseNetCliOptions,
} from './net-cli-options.js';
import { NET_CLI_VERSION } from './version.js';

/** How often the engine ticks while the console runs. */
export const NET_CLI_TICKS_PER_SECOND = 30;

/** The streams of {@link runNetCli}, and how the engine is ticked (tests tick it their way). */
export interface NetCliIo extends Omit<ConsoleCliIo, 'registry' | 'program'> {
  /** Starts ticking `engine` (default: a fixed-rate loop at {@link NET_CLI_TICKS_PER_SECOND}). */
  readonly startLoop?: ((engine: Engine) => LoopHandle) | undefined;
  /** Where the service's fallback lines go (default: `errorOutput`). */
  readonly log?: ((line: string) => void) | undefined;
}

type SteamBackendProvider = typeof steamBackend;

/**
 * `steamBackend`, loaded only when the options ask for Steam: the Steam backend needs koffi, an
 * optional dependency that a game on the simulation or the beacons does not install.
 */
async function loadSteamBackend(): Promise<SteamBackendProvider> {
  try {
    return (await import('../backends/steam/create-steam-backend.js')).steamBackend;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND') {
      throw new NetCliUsageError(
        `the Steam backend needs the koffi package, which is not installed (npm install koffi): ${(error as Error).message}`,
      );
    }
    throw error;
  }
}

/** The backend choice the options make. */
export async function backendOfOptions(options: NetCliOptions): Promise<BackendChoice> {
  // The simulation's options, for the simulated backend and for auto's last resort.
  const simulated = {
    ...(options.location === undefined ? {} : { location: options.location }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  };
  const steamOptions = options.appId === undefined ? {} : { appId: options.appId };
  switch (options.backend) {
    case 'simulated':
      return simulatedBackend(simulated);
    case 'beacons':
      return nodeBeaconsBackend({ networkConfigUrl: options.beaconsUrl });
    case 'steam':
      return (await loadSteamBackend())(steamOptions);
    case 'auto':
      return autoBackendWith({ steam: await loadSteamBackend(), beacons: nodeBeaconsBackend })({
        steam: steamOptions,
        ...(options.beaconsUrl === undefined
          ? {}
          : { beacons: { networkConfigUrl: options.beaconsUrl } }),
        simulated,
      });
  }
}

/** The message of the innermost `cause` (the plugin's error wraps the backend's). */
function rootCause(error: unknown): string {
  let innermost = error;
  for (let depth = 0; depth < 8 && innermost instanceof Error; depth++) {
    if (!(innermost.cause instanceof Error)) break;
    innermost = innermost.cause;
  }
  return innermost instanceof Error ? innermost.message : String(innermost);
}

/**
 * Runs `relaylane-net` with `argv` (without node and the script) over `io`; resolves to the exit
 * code: 0, 1 when a command failed (piped or `--eval`), 2 for a bad command line or a backend that
 * cannot start.
 */
export async function runNetCli(argv: readonly string[], io: NetCliIo): Promise<number> {
  let options: NetCliOptions;
  try {
    options = parseNetCliOptions(argv);
  } catch (error) {
    if (!(error instanceof NetCliUsageError)) throw error;
    io.errorOutput.write(`relaylane-net: ${error.message} Run relaylane-net --help.\n`);
    return 2;
  }
  if (options.consoleArgs.includes('-h') || options.consoleArgs.includes('--help')) {
    io.output.write(NET_CLI_USAGE);
    return 0;
  }
  if (options.consoleArgs.includes('-v') || options.consoleArgs.includes('--version')) {
    io.output.write(`relaylane-net ${NET_CLI_VERSION}\n`);
    return 0;
  }

  let backend: BackendChoice;
  try {
    backend = await backendOfOptions(options);
  } catch (error) {
    if (!(error instanceof NetCliUsageError)) throw error;
    io.errorOutput.write(`relaylane-net: ${error.message}\n`);
    return 2;
  }
  const engine = new Engine();
  const devConsole = new DevConsolePlugin();
  let loop: LoopHandle | undefined;
  try {
    engine.addPlugin(devConsole);
    try {
      engine.addPlugin(
        new NetworkingUtilsPlugin({
          backend,
          log: io.log ?? ((line) => io.errorOutput.write(`${line}\n`)),
        }),
      );
    } catch (error) {
      io.errorOutput.write(
        `relaylane-net: the ${options.backend} backend did not start: ${rootCause(error)}\n` +
          (options.backend === 'steam'
            ? 'relaylane-net: Steam needs its client running and logged in, and an app id ' +
              '(--app-id); without it use --backend simulated, or --backend auto, which falls back.\n'
            : ''),
      );
      return 2;
    }
    engine.addPlugin(new NetConsolePlugin());
    loop = (
      io.startLoop ?? ((ticked) => startFixedRateLoop(ticked, { hz: NET_CLI_TICKS_PER_SECOND }))
    )(engine);
    return await runConsoleCli(options.consoleArgs, {
      ...io,
      registry: devConsole.registry,
      program: { name: 'relaylane-net', usage: NET_CLI_USAGE },
      prompt: 'relaylane-net> ',
    });
  } finally {
    loop?.stop();
    engine.dispose();
  }
}
