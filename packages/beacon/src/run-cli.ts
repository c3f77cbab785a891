/**
 * The `relaylane-beacon` command, as a function of its arguments, environment and I/O (the bin,
 * cli.ts, passes the process's): parse the options, start the beacon, log where it listens, and
 * on SIGINT or SIGTERM close it and return the exit status.
 *
 * Exit status: 0 after a clean shutdown (and for --help, --version), 1 when the beacon cannot start
 * (a port in use) or a second signal cuts the shutdown short, 2 when the options are wrong.
 */
import { startBeacon } from './beacon.js';
import { BeaconOptionError, BeaconStartError } from './errors.js';
import { jsonLinesSink } from './log/logger.js';
import { parseBeaconArguments } from './options/parse-arguments.js';
import { usageText } from './usage.js';
import { BEACON_VERSION } from './version.js';

export const EXIT_OK = 0;
export const EXIT_RUNTIME_ERROR = 1;
export const EXIT_USAGE_ERROR = 2;

/** The signals that stop the beacon. */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** `SIGINT` or `SIGTERM`. */
export type StopSignal = (typeof STOP_SIGNALS)[number];

/** The streams, environment and signals `runBeaconCli` works with (the process's, in the bin). */
export interface CliIo {
  /** Standard output: the log, one JSON object per line; --help and --version. */
  readonly stdout: (text: string) => void;
  /** Standard error: why the beacon did not start. */
  readonly stderr: (text: string) => void;
  /** Calls `handler` on each stop signal; returns what stops listening. */
  readonly onStopSignal: (handler: (signal: StopSignal) => void) => () => void;
  /** Reads the --config file (default: from disk). */
  readonly readTextFile?: (path: string) => string;
}

/** Runs the command to its end and returns the exit status. */
export async function runBeaconCli(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: CliIo,
): Promise<number> {
  let command;
  try {
    command = parseBeaconArguments(argv, env, io.readTextFile);
  } catch (error) {
    if (!(error instanceof BeaconOptionError)) throw error;
    io.stderr(`relaylane-beacon: ${error.message}\nRun relaylane-beacon --help for the options.\n`);
    return EXIT_USAGE_ERROR;
  }
  if (command.kind === 'help') {
    io.stdout(usageText());
    return EXIT_OK;
  }
  if (command.kind === 'version') {
    io.stdout(`${BEACON_VERSION}\n`);
    return EXIT_OK;
  }

  // Listening before the beacon starts: a signal during the start stops it as soon as it is up.
  let signals = 0;
  let onSignal: (signal: StopSignal) => void = () => undefined;
  const stopped = new Promise<StopSignal>((resolve) => (onSignal = resolve));
  let onSecondSignal: () => void = () => undefined;
  const cutShort = new Promise<void>((resolve) => (onSecondSignal = resolve));
  const stopListening = io.onStopSignal((signal) => {
    signals += 1;
    if (signals === 1) onSignal(signal);
    else onSecondSignal();
  });
  try {
    let beacon;
    try {
      beacon = await startBeacon({ ...command.options, log: jsonLinesSink(io.stdout) });
    } catch (error) {
      if (error instanceof BeaconOptionError) {
        io.stderr(`relaylane-beacon: ${error.message}\n`);
        return EXIT_USAGE_ERROR;
      }
      if (error instanceof BeaconStartError) {
        io.stderr(`relaylane-beacon: ${error.message}\n`);
        return EXIT_RUNTIME_ERROR;
      }
      throw error;
    }
    await stopped;
    const closed = await Promise.race([
      beacon.close().then(() => true),
      cutShort.then(() => false),
    ]);
    if (!closed) {
      io.stderr('relaylane-beacon: a second signal: exiting without waiting for the shutdown.\n');
      return EXIT_RUNTIME_ERROR;
    }
    return EXIT_OK;
  } finally {
    stopListening();
  }
}
