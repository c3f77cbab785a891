/**
 * The command line of `relaylane-net`: the options that choose the service's backend, read here,
 * and the console's own (`--eval`, `--help`), passed on to the console unread.
 */
import { type LatLon } from '../estimator/geo.js';

/** The backends the console can start. */
export const NET_CLI_BACKENDS = ['simulated', 'beacons', 'steam', 'auto'] as const;
export type NetCliBackend = (typeof NET_CLI_BACKENDS)[number];

/** What the options chose. */
export interface NetCliOptions {
  readonly backend: NetCliBackend;
  /** Where the simulated player is: a city of the catalogue, or a latitude and longitude. */
  readonly location: string | LatLon | undefined;
  readonly seed: number | undefined;
  /** The beacons' network config (`--beacons`, for `beacons` and `auto`). */
  readonly beaconsUrl: string | undefined;
  /** Steam's app id (`--app-id`, for `steam` and `auto`). */
  readonly appId: number | undefined;
  /** The arguments for the console itself (`--eval`, `--help`), in their order. */
  readonly consoleArgs: readonly string[];
}

/** The usage text of `relaylane-net --help`. */
export const NET_CLI_USAGE = `Usage: relaylane-net [options] [--eval "<command>"]...

Starts Relaylane's Networking Utils service and its dev console: every net.* command, the
backend's own (net.sim.*, net.beacons) and net.wait. Without --eval it reads commands from
standard input: an interactive prompt in a terminal (history with Up/Down, Tab completes), or one
command per line when input is piped, in which case the exit code is 1 if any command failed.

Options:
  --backend <name>       simulated (default), beacons, steam or auto (Steam, then the beacons
                         when --beacons is given, then the simulation)
  --location <place>     the simulated player's city (Frankfurt, "Sao Paulo") or "lat,lon"
  --seed <integer>       the simulated world's seed (default 0)
  --beacons <url>        the beacons' network config, e.g. http://127.0.0.1:8080/network-config
  --app-id <integer>     Steam's app id (default: the environment's SteamAppId or steam_appid.txt)
  -e, --eval "<command>" run this command instead of reading input (repeatable, in order; exit
                         code 1 if any failed)
  -v, --version          print the version
  -h, --help             show this help

Example, piped: printf 'net.wait\\nnet.pops\\n' | relaylane-net --location Tokyo
`;

/** A bad command line: the message says what to change. */
export class NetCliUsageError extends Error {
  override readonly name = 'NetCliUsageError';
}

const VALUE_OPTIONS = new Set(['--backend', '--location', '--seed', '--beacons', '--app-id']);
const LAT_LON = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/;

function integerOption(option: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new NetCliUsageError(`${option} takes an integer from ${min} to ${max}, got '${text}'.`);
  }
  return value;
}

function locationOption(text: string): string | LatLon {
  const match = LAT_LON.exec(text);
  if (match === null) return text;
  const lat = Number(match[1]);
  const lon = Number(match[2]);
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    throw new NetCliUsageError(
      `--location "${text}" is not a latitude (-90 to 90) and a longitude (-180 to 180).`,
    );
  }
  return { lat, lon };
}

/**
 * Reads `argv` (without node and the script).
 *
 * @throws NetCliUsageError naming the option and what it takes.
 */
export function parseNetCliOptions(argv: readonly string[]): NetCliOptions {
  const values = new Map<string, string>();
  const consoleArgs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const equals = arg.indexOf('=');
    const name = arg.startsWith('--') && equals > 0 ? arg.slice(0, equals) : arg;
    if (VALUE_OPTIONS.has(name)) {
      const value = name === arg ? argv[++i] : arg.slice(equals + 1);
      if (value === undefined) throw new NetCliUsageError(`${name} needs a value.`);
      if (values.has(name)) throw new NetCliUsageError(`${name} is given twice.`);
      values.set(name, value);
    } else if (arg === '-e' || arg === '--eval') {
      // The command may start with a dash: it is the console's, taken as it is.
      consoleArgs.push(arg);
      const command = argv[++i];
      if (command !== undefined) consoleArgs.push(command);
    } else {
      consoleArgs.push(arg);
    }
  }
  const backend = values.get('--backend') ?? 'simulated';
  if (!(NET_CLI_BACKENDS as readonly string[]).includes(backend)) {
    throw new NetCliUsageError(`--backend takes ${NET_CLI_BACKENDS.join(', ')}, got '${backend}'.`);
  }
  const beaconsUrl = values.get('--beacons');
  if (backend === 'beacons' && beaconsUrl === undefined) {
    throw new NetCliUsageError('--backend beacons needs --beacons <network-config URL>.');
  }
  if (beaconsUrl !== undefined && !/^https?:\/\/[^\s/]+/i.test(beaconsUrl)) {
    throw new NetCliUsageError(
      `--beacons takes an http:// or https:// URL (a beacon's /network-config), got '${beaconsUrl}'.`,
    );
  }
  const location = values.get('--location');
  const seed = values.get('--seed');
  const appId = values.get('--app-id');
  return {
    backend: backend as NetCliBackend,
    location: location === undefined ? undefined : locationOption(location),
    seed: seed === undefined ? undefined : integerOption('--seed', seed, 0, 2 ** 32 - 1),
    beaconsUrl,
    appId: appId === undefined ? undefined : integerOption('--app-id', appId, 1, 2 ** 32 - 1),
    consoleArgs,
  };
}
