#!/usr/bin/env node
// relaylane-beacon: the command (run-cli.ts) on this process's arguments, environment and streams.
import { runBeaconCli, STOP_SIGNALS } from './run-cli.js';

/** How long the process may linger after the beacon closed (a DNS lookup still in flight). */
const EXIT_BOUND_MS = 1000;

const status = await runBeaconCli(process.argv.slice(2), process.env, {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  onStopSignal(handler) {
    const listeners = STOP_SIGNALS.map((signal) => {
      const listener = (): void => handler(signal);
      process.on(signal, listener);
      return [signal, listener] as const;
    });
    return () => {
      for (const [signal, listener] of listeners) process.off(signal, listener);
    };
  },
});
process.exitCode = status;
// Everything is closed: the process ends by itself, and at the latest after this bound.
setTimeout(() => process.exit(status), EXIT_BOUND_MS).unref();
