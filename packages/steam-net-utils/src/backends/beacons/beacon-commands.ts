/**
 * The beacons backend's dev console command, offered through `ConsoleCommandsCapability` and
 * registered by the plugin with the `net.*` commands:
 *
 * | Command         | Does                                                                       |
 * | --------------- | -------------------------------------------------------------------------- |
 * | `net.beacons`   | each beacon's ping, median, p90, loss, jitter and samples, and the transport |
 */
import { type ConsoleCommand, defineCommand } from '@relaylane/core';

import { type PopMeasurements } from '../../port/pop-measurements.js';
import { type PopStatistics } from '../../port/pop-measurements.js';

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

export function createBeaconCommands(measurements: PopMeasurements): readonly ConsoleCommand[] {
  return [
    defineCommand({
      name: 'net.beacons',
      help: 'Show each beacon: its ping, median, p90, loss, jitter and samples (recent probes).',
      handler: () => {
        const pops = measurements.statistics();
        if (pops.length === 0) return 'No beacons yet: the network config has not been read.';
        return [`probes over ${measurements.transportName}`, ...pops.map(formatPopStatistics)];
      },
    }),
  ];
}
