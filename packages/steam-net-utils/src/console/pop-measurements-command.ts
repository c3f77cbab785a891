/**
 * The console command of a backend that measures its POPs itself (the beacons backend, through
 * `PopMeasurementsCapability`), registered with the `net.*` commands when the backend has it:
 *
 * | Command         | Does                                                                       |
 * | --------------- | -------------------------------------------------------------------------- |
 * | `net.beacons`   | each beacon's ping, median, p90, loss, jitter and samples, and the transport |
 */
import { type ConsoleCommand, defineCommand } from '@relaylane/core';

import { type PopMeasurements, type PopStatistics } from '../port/pop-measurements.js';

function ms(value: number | undefined): string {
  return value === undefined ? '-' : `${Math.round(value)}ms`;
}

/** One line of `net.beacons`. */
export function formatPopStatistics(pop: PopStatistics): string {
  const state = pop.down
    ? 'DOWN'
    : pop.pingMs === undefined
      ? 'not measured'
      : `ping ${ms(pop.pingMs)}`;
  return (
    `${pop.code.padEnd(4)} ${state}; median ${ms(pop.medianMs)}, p90 ${ms(pop.p90Ms)}, ` +
    `loss ${Math.round(pop.loss * 100)}%, jitter ${ms(pop.jitterMs)}, ${pop.samples} samples`
  );
}

/** `net.beacons` over `measurements`. */
export function popMeasurementsCommand(measurements: PopMeasurements): ConsoleCommand {
  return defineCommand({
    name: 'net.beacons',
    help: 'Show each beacon: its ping, median, p90, loss, jitter and samples (recent probes).',
    handler: () => {
      const pops = measurements.statistics();
      if (pops.length === 0) return 'No beacons yet: the network config has not been read.';
      return [`probes over ${measurements.transportName}`, ...pops.map(formatPopStatistics)];
    },
  });
}
