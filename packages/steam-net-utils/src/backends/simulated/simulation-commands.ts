/**
 * Dev console commands that inject the simulated relay network's faults and move the simulated
 * player: the same operations as {@link SimulationControls} (`setOffline`, `setPacketLoss`,
 * `moveTo`; `setPopDown`, `setAllRelaysUnreachable` on its world), typed at the console. The
 * backend offers them through the `ConsoleCommandsCapability` capability; the plugin registers them.
 *
 * | Command                                  | Does                                                           |
 * | ---------------------------------------- | -------------------------------------------------------------- |
 * | `net.sim.status`                         | where the host is, its faults, the world's faults, the status  |
 * | `net.sim.where [place...]`               | shows the location, or moves the host (`Paris`, `48.8 2.3`)    |
 * | `net.sim.offline <on\|off>`              | takes the host's Internet connection away or gives it back     |
 * | `net.sim.loss <percent>`                 | the host's own packet loss, 0–100                              |
 * | `net.sim.pop <code> <up\|down>`          | takes one POP of the world down or brings it back              |
 * | `net.sim.relays <reachable\|unreachable>`| makes every relay of the world stop answering, or answer again |
 */
import { type ConsoleCommand, defineCommand } from '@relaylane/core';

import { NetworkingAvailability, shortConstantName } from '../../constants/index.js';
import { type HostLocation } from './host-location.js';
import { type SimulationControls } from './simulation-controls.js';
import { formatLatLon, suggestCities } from './world/index.js';

/**
 * Reads the words of `net.sim.where`: a city (`Portland, United States`), or a latitude and a
 * longitude (`48.86 2.35`, `48.86,2.35`). Returns the location to resolve (the world throws a
 * RangeError naming close matches for an unknown city).
 */
export function parseLocationWords(words: readonly string[]): HostLocation {
  const text = words.join(' ').trim();
  const match = /^(-?\d+(?:\.\d+)?)\s*[,\s]\s*(-?\d+(?:\.\d+)?)$/.exec(text);
  if (match === null) return text;
  const lat = Number(match[1]);
  const lon = Number(match[2]);
  // Said here in the console's words: the world's own message is for code ({ lat, lon }).
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    throw new RangeError(
      `'${text}' is not a place: the latitude goes from -90 to 90 and the longitude from -180 to 180`,
    );
  }
  return { lat, lon };
}

/**
 * Where the host is, for people: `Sydney (Australia) (33.87°S 151.21°E)`; a place given by its
 * coordinates is named by them already, so they are not repeated.
 */
function placeText(controls: SimulationControls): string {
  const name = controls.host.locationName;
  const coordinates = formatLatLon(controls.host.place);
  return name === coordinates ? name : `${name} (${coordinates})`;
}

/** The packet loss `net.sim.loss` accepts, in percent. */
const MAX_LOSS_PERCENT = 100;

/** The console commands of one simulated host (see the table in the file comment). */
export function createSimulationCommands(controls: SimulationControls): readonly ConsoleCommand[] {
  const world = controls.world;
  const popCodes = (): string[] => world.model.pops.map((pop) => pop.code);

  const status = defineCommand({
    name: 'net.sim.status',
    help: 'Show the simulated host, its faults, the world faults and the relay controls status.',
    handler: () => {
      const relay = controls.peekRelayNetworkStatus();
      const down = world.downPops();
      return [
        `host ${controls.host.label}: ${placeText(controls)}, ${controls.host.connection}`,
        `offline: ${controls.offline ? 'yes' : 'no'}; packet loss: ${controls.packetLossPercent}%`,
        `POPs down: ${down.length === 0 ? 'none' : down.join(', ')}; every relay unreachable: ${world.allRelaysUnreachable ? 'yes' : 'no'}`,
        `relay controls: avail=${availability(relay.available)} config=${availability(relay.availableNetworkConfig)} ` +
          `anyrelay=${availability(relay.availableAnyRelay)}${relay.pingMeasurementInProgress !== 0 ? ' (measuring)' : ''}: ${relay.debugMessage}`,
      ];
    },
  });

  const where = defineCommand({
    name: 'net.sim.where',
    help: 'Show where the simulated host is, or move it to a city or to "lat lon".\nMoving forgets its pings and measures again.',
    args: [
      {
        name: 'place',
        type: 'string',
        rest: true,
        optional: true,
        description: "a city ('Paris', 'Portland, United States') or 'lat lon'",
        complete: (partial: string) => suggestCities(partial, 10).map((city) => city.name),
      },
    ],
    handler: ({ place }) => {
      if (place.length > 0) controls.moveTo(parseLocationWords(place));
      return placeText(controls);
    },
  });

  const offline = defineCommand({
    name: 'net.sim.offline',
    help: "Take the simulated host's Internet connection away (on) or give it back (off).",
    args: [{ name: 'offline', type: 'boolean' }],
    handler: ({ offline: value }) => {
      controls.setOffline(value);
      return value
        ? 'The host is offline: fetching the config fails and relays stop answering.'
        : 'The host is online again: the next use of the relay controls retries.';
    },
  });

  const loss = defineCommand({
    name: 'net.sim.loss',
    help: "Drop this percentage of the simulated host's ping probes (0-100), on top of FakePacketLoss.",
    args: [{ name: 'percent', type: 'number' }],
    handler: ({ percent }) => {
      // Checked here in the console's words: the controls' own message names their method.
      if (!(percent >= 0 && percent <= MAX_LOSS_PERCENT)) {
        throw new RangeError(
          `the loss is a percentage from 0 to ${MAX_LOSS_PERCENT}, got ${percent}`,
        );
      }
      controls.setPacketLoss(percent);
      return `Packet loss: ${controls.packetLossPercent}%`;
    },
  });

  const pop = defineCommand({
    name: 'net.sim.pop',
    help: 'Take a POP of the simulated world down, or bring it back up.',
    args: [
      { name: 'code', type: 'string', description: "a POP code such as 'fra'", complete: popCodes },
      { name: 'state', type: 'enum', choices: ['up', 'down'] },
    ],
    handler: ({ code, state }) => {
      world.setPopDown(code, state === 'down');
      const down = world.downPops();
      return `POP ${code.toLowerCase()} is ${state}. POPs down: ${down.length === 0 ? 'none' : down.join(', ')}`;
    },
  });

  const relays = defineCommand({
    name: 'net.sim.relays',
    help: 'Make every relay of the simulated world stop answering (unreachable), or answer again.',
    args: [{ name: 'state', type: 'enum', choices: ['reachable', 'unreachable'] }],
    handler: ({ state }) => {
      world.setAllRelaysUnreachable(state === 'unreachable');
      return `Every relay is ${state}.`;
    },
  });

  return [status, where, offline, loss, pop, relays];
}

function availability(value: number): string {
  return shortConstantName(NetworkingAvailability, value);
}
