/**
 * The `net.*` dev console commands of `NetworkingUtilsPlugin`: the service as a developer types it.
 *
 * | Command                                 | Does                                                           |
 * | --------------------------------------- | -------------------------------------------------------------- |
 * | `net.status`                            | the backend (and every one passed over, with why), the status |
 * | `net.pops`                              | every POP with its ping and relay, best first                  |
 * | `net.ping <pop>`                        | one POP: best route, relay, direct ping                        |
 * | `net.location`                          | the local ping location string and its age                     |
 * | `net.estimate <location> [location]`    | estimate from here, or between two location strings            |
 * | `net.config list [dev]`                 | every generic config value with its current value              |
 * | `net.config get <name>`                 | one config value (Steam name, GodotSteam name or id)           |
 * | `net.config set <name> <value>`         | set a global config value (typed by the value's data type)     |
 * | `net.fakeip <ip>`                       | FakeIP type and real identity of an address                    |
 * | `net.debug <level\|show [n]>`           | debug output level (`setDebugOutputFunction`), or the messages |
 *
 * A backend may add commands of its own through `ConsoleCommandsCapability` (the simulation's
 * `net.sim.*`); they are registered and unregistered with these.
 */
import {
  type CommandRegistry,
  type ConsoleCommand,
  defineCommand,
  echoText,
  namedCallable,
} from '@relaylane/core';

import {
  CONFIG_VALUE_TABLE,
  type ConfigValueEntry,
  FAKE_IP_TYPE_INVALID,
  NETWORKING_CONFIG_SCOPE_GLOBAL,
  NETWORKING_CONFIG_TYPE_FLOAT,
  NETWORKING_CONFIG_TYPE_INT32,
  NETWORKING_CONFIG_TYPE_STRING,
  NetworkingAvailability,
  NetworkingConfigDataType,
  NetworkingConfigScope,
  NetworkingFakeIPType,
  NetworkingGetConfigValueResult,
  RESULT_FAIL,
  RESULT_INVALID_PARAM,
  RESULT_IP_NOT_FOUND,
  RESULT_NO_MATCH,
  RESULT_OK,
  NetworkingSocketsDebugOutputType,
  shortConstantName,
} from '../constants/index.js';
import { ConsoleCommandsCapability } from '../port/backend-capability.js';
import { PopMeasurementsCapability } from '../port/pop-measurements.js';
import { comparePings } from '../port/ping-order.js';
import { parse } from '../estimator/ping-location-text.js';
import { isPopCode, popIdFromCode } from '../estimator/pop-id.js';
import { type NetworkingUtils } from '../service/networking-utils.js';
import { popMeasurementsCommand } from './pop-measurements-command.js';
import { findConfigValue, formatPing, pingCell, popLabel, popPlace } from './console-names.js';

/** How many debug messages `net.debug show` can print (the newest are kept). */
export const DEBUG_MESSAGE_BUFFER_SIZE = 200;

const DEBUG_LEVELS = Object.keys(NetworkingSocketsDebugOutputType)
  .filter((key) => key !== 'FORCE_32BIT')
  .map((key) => key.toLowerCase());

/** The levels by number too (`net.debug 5` is `net.debug msg`), as Steam's enum numbers them. */
const DEBUG_LEVEL_NUMBERS = DEBUG_LEVELS.map((name) =>
  String(
    NetworkingSocketsDebugOutputType[
      name.toUpperCase() as keyof typeof NetworkingSocketsDebugOutputType
    ],
  ),
);

/**
 * Registers the `net.*` commands for `service`, and the commands its backend offers through
 * `ConsoleCommandsCapability`. Returns the function that unregisters all of them and stops
 * collecting debug messages (the symmetric undo).
 *
 * @throws ConsoleError `CONSOLE_DUPLICATE_COMMAND` when one of them is already registered
 *   (nothing stays registered then).
 */
export function registerNetConsoleCommands(
  registry: CommandRegistry,
  service: NetworkingUtils,
): () => void {
  const debugMessages: string[] = [];
  const collect = namedCallable('net.debug::collect', (type: number, message: string): void => {
    debugMessages.push(`[${shortConstantName(NetworkingSocketsDebugOutputType, type)}] ${message}`);
    if (debugMessages.length > DEBUG_MESSAGE_BUFFER_SIZE) debugMessages.shift();
  });
  service.signals.network_debug_output.connect(collect);

  const commands: ConsoleCommand[] = [
    statusCommand(service),
    popsCommand(service),
    pingCommand(service),
    locationCommand(service),
    estimateCommand(service),
    configCommand(service),
    fakeIPCommand(service),
    debugCommand(service, debugMessages),
    ...(service.capability(ConsoleCommandsCapability) ?? []),
  ];
  const measurements = service.capability(PopMeasurementsCapability);
  if (measurements !== undefined) commands.push(popMeasurementsCommand(measurements));
  const registered: string[] = [];
  try {
    for (const command of commands) {
      registry.register(command);
      registered.push(command.name);
    }
  } catch (error) {
    for (const name of registered) registry.unregister(name);
    service.signals.network_debug_output.disconnect(collect);
    throw error;
  }
  return () => {
    for (const name of registered) {
      if (registry.has(name)) registry.unregister(name);
    }
    if (service.signals.network_debug_output.isConnected(collect)) {
      service.signals.network_debug_output.disconnect(collect);
    }
  };
}

function statusCommand(service: NetworkingUtils): ConsoleCommand {
  return defineCommand({
    name: 'net.status',
    help: 'Show the backend in use and the relay network status.',
    handler: () => {
      const selection = service.backendSelection;
      const status = service.getRelayNetworkStatusDetails();
      const local = service.getLocalPingLocation();
      const requested = selection.requested.join(', then ');
      const lines = [
        `backend: ${selection.kind}` +
          (requested === selection.kind ? '' : ` (requested: ${requested})`),
      ];
      for (const { kind, reason } of selection.fallbacks) {
        lines.push(`fallback: the ${kind} backend is not used because ${reason}`);
      }
      lines.push(
        `relay network: ${shortConstantName(NetworkingAvailability, status.available)} ` +
          `(config ${shortConstantName(NetworkingAvailability, status.available_config)}, ` +
          `any relay ${shortConstantName(NetworkingAvailability, status.available_relay)})` +
          (status.ping_measurement !== 0 ? ', measuring pings' : ''),
        `status message: ${status.debug_message === '' ? '(none)' : status.debug_message}`,
        local.age < 0
          ? 'local ping location: no data yet'
          : `local ping location: ${local.age.toFixed(1)} s old`,
        `POPs in the network config: ${service.getPOPCount()}`,
      );
      return lines;
    },
  });
}

function popsCommand(service: NetworkingUtils): ConsoleCommand {
  return defineCommand({
    name: 'net.pops',
    help: 'List every POP (data center) with its best ping and relay, best first.',
    handler: () => {
      const rows = service.getPOPList().map((popId) => {
        const { ping, pop_relay } = service.getPingToDataCenter(popId);
        return { popId, ping, relay: pop_relay, direct: service.getDirectPingToPOP(popId) };
      });
      if (rows.length === 0) {
        return 'No POP is known yet: the network config has not been obtained (see net.status).';
      }
      // Known pings ascending, then the failed and unknown ones; ties by id for a stable order.
      rows.sort((a, b) => comparePings(a.ping, b.ping) || a.popId - b.popId);
      return {
        columns: ['POP', 'Place', 'Ping (ms)', 'Via relay', 'Direct (ms)'],
        align: ['left', 'left', 'right', 'left', 'right'],
        rows: rows.map((row) => [
          popLabel(row.popId),
          popPlace(service, row.popId),
          pingCell(row.ping),
          row.ping < 0 || row.relay === 0 ? '-' : popLabel(row.relay),
          pingCell(row.direct),
        ]),
      };
    },
  });
}

function pingCommand(service: NetworkingUtils): ConsoleCommand {
  return defineCommand({
    name: 'net.ping',
    help: 'Show the ping to one POP: the best route, the relay it goes through, the direct ping.',
    args: [
      {
        name: 'pop',
        type: 'string',
        description: 'the POP code, e.g. fra',
        complete: () => service.getPOPList().map(popLabel),
      },
    ],
    handler: ({ pop }) => {
      if (!isPopCode(pop)) {
        throw new Error(
          `'${echoText(pop)}' is not a POP code (1 to 4 lowercase letters or digits)`,
        );
      }
      const popId = popIdFromCode(pop);
      const listed = service.getPOPList();
      // Once the relay network lists its POPs, a code it does not list is a typo, not a ping.
      if (listed.length > 0 && !listed.includes(popId)) {
        throw new Error(
          `the relay network lists no POP '${pop}'; it lists ${listed.map(popLabel).sort().join(', ')}`,
        );
      }
      const { ping, pop_relay } = service.getPingToDataCenter(popId);
      const place = popPlace(service, popId);
      return [
        `${popLabel(popId)}${place === '' ? '' : ` (${place})`}: ${formatPing(ping)}` +
          (ping >= 0 && pop_relay !== 0 ? ` via relay ${popLabel(pop_relay)}` : ''),
        `direct: ${formatPing(service.getDirectPingToPOP(popId))}`,
      ];
    },
  });
}

function locationCommand(service: NetworkingUtils): ConsoleCommand {
  return defineCommand({
    name: 'net.location',
    help: 'Show the local ping location string (what a lobby advertises) and its age.',
    handler: () => {
      const { location, age } = service.getLocalPingLocation();
      if (age < 0) {
        return 'No ping location yet: pings are still being measured (see net.status).';
      }
      return [service.convertPingLocationToString(location), `age: ${age.toFixed(1)} s`];
    },
  });
}

function estimateCommand(service: NetworkingUtils): ConsoleCommand {
  return defineCommand({
    name: 'net.estimate',
    help:
      'Estimate the round trip to a ping location string from here, or between two strings.\n' +
      'Paste a string as net.location prints it or as a Steam client writes it; it needs no\n' +
      'quotes: net.estimate lhr=57+5,ams=63+6/62+5,par=62+6',
    args: [
      { name: 'location', type: 'string', description: 'a ping location string' },
      { name: 'other', type: 'string', optional: true, description: 'a second one' },
    ],
    handler: ({ location, other }) => {
      const first = parseOrThrow(service, location);
      const ping =
        other === undefined
          ? service.estimatePingTimeFromLocalHost(first)
          : service.estimatePingTimeBetweenTwoLocations(first, parseOrThrow(service, other));
      return `estimate: ${formatPing(ping)}`;
    },
  });
}

function parseOrThrow(service: NetworkingUtils, text: string): Uint8Array {
  const { success, ping_location } = service.parsePingLocationString(text);
  if (!success) {
    // The backend says only no; Steam's grammar says why.
    const parsed = parse(text);
    const why = parsed.ok ? '' : ` (${parsed.reason})`;
    throw new Error(
      `'${text.length > 40 ? `${text.slice(0, 40)}...` : text}' is not a ping location string${why}`,
    );
  }
  return ping_location;
}

function configCommand(service: NetworkingUtils): ConsoleCommand {
  return defineCommand({
    name: 'net.config',
    help:
      'List, read or set networking config values.\n' +
      'net.config list [dev] | net.config get <name> | net.config set <name> <value>\n' +
      "A name is Steam's (TimeoutInitial), GodotSteam's (NETWORKING_CONFIG_TIMEOUT_INITIAL) or an id.",
    args: [
      { name: 'action', type: 'enum', choices: ['list', 'get', 'set'] },
      {
        name: 'name',
        type: 'string',
        optional: true,
        complete: () => CONFIG_VALUE_TABLE.map((entry) => entry.steamName),
      },
      { name: 'value', type: 'string', optional: true },
    ],
    handler: ({ action, name, value }) => {
      if (action === 'list') {
        if ((name !== undefined && name !== 'dev') || value !== undefined) {
          throw new Error('usage: net.config list [dev]');
        }
        return configList(service, name === 'dev');
      }
      if (name === undefined)
        throw new Error(`usage: net.config ${action} <name>${action === 'set' ? ' <value>' : ''}`);
      const entry = findConfigValue(name);
      if (entry === undefined)
        throw new Error(`no config value is called '${echoText(name)}'; see net.config list dev`);
      if (action === 'get') {
        if (value !== undefined) throw new Error(`usage: net.config get <name>`);
        return `${entry.steamName} = ${configValueText(service, entry)}`;
      }
      if (value === undefined) throw new Error(`usage: net.config set ${name} <value>`);
      if (entry.readOnly) throw new Error(`${entry.steamName} is read-only`);
      if (!setGlobalConfigValue(service, entry, value)) {
        const type = typeName(entry);
        throw new Error(
          `the ${service.backendKind} backend refused ${entry.steamName} = ${echoText(value)} ` +
            `(not ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type})`,
        );
      }
      return `${entry.steamName} = ${configValueText(service, entry)}`;
    },
  });
}

function configList(
  service: NetworkingUtils,
  dev: boolean,
): { columns: string[]; rows: string[][] } {
  const rows: string[][] = [];
  for (
    let id = service.iterateGenericEditableConfigValues(0, dev);
    id !== 0;
    id = service.iterateGenericEditableConfigValues(id, dev)
  ) {
    const entry = CONFIG_VALUE_TABLE.find((candidate) => candidate.id === id);
    if (entry === undefined) continue;
    rows.push([
      entry.steamName,
      typeName(entry),
      shortConstantName(NetworkingConfigScope, entry.scope),
      configValueText(service, entry),
    ]);
  }
  return { columns: ['Name', 'Type', 'Scope', 'Value'], rows };
}

function configValueText(service: NetworkingUtils, entry: ConfigValueEntry): string {
  const { result, value } = service.getConfigValueTyped(
    entry.id,
    NETWORKING_CONFIG_SCOPE_GLOBAL,
    0,
  );
  if (result < 0) return `(${shortConstantName(NetworkingGetConfigValueResult, result)})`;
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function setGlobalConfigValue(
  service: NetworkingUtils,
  entry: ConfigValueEntry,
  text: string,
): boolean {
  switch (entry.dataType) {
    case NETWORKING_CONFIG_TYPE_STRING:
      return service.setGlobalConfigValueString(entry.id, text);
    case NETWORKING_CONFIG_TYPE_FLOAT:
      return service.setGlobalConfigValueFloat(entry.id, parseConsoleNumber(text, false));
    case NETWORKING_CONFIG_TYPE_INT32:
      return service.setGlobalConfigValueInt32(entry.id, parseConsoleNumber(text, true));
    default:
      throw new Error(
        `${entry.steamName} is a ${typeName(entry)} value, which the console cannot set`,
      );
  }
}

function parseConsoleNumber(text: string, integer: boolean): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new Error(`'${text}' is not ${integer ? 'an integer' : 'a number'}`);
  }
  if (integer && (value < -2147483648 || value > 2147483647)) {
    throw new Error(`'${text}' is out of the int32 range`);
  }
  return value;
}

function typeName(entry: ConfigValueEntry): string {
  return shortConstantName(NetworkingConfigDataType, entry.dataType).toLowerCase();
}

/**
 * The `Result` values `getRealIdentityForFakeIP` returns, by their short names: Steam answers
 * `IP_NOT_FOUND` or `INVALID_PARAM`, the other backends `NO_MATCH`. Named here rather than through
 * the whole `Result` group, which would put its hundred-odd names in every build with a console.
 */
const FAKE_IP_LOOKUP_RESULTS = Object.freeze({
  OK: RESULT_OK,
  FAIL: RESULT_FAIL,
  INVALID_PARAM: RESULT_INVALID_PARAM,
  IP_NOT_FOUND: RESULT_IP_NOT_FOUND,
  NO_MATCH: RESULT_NO_MATCH,
});

function fakeIPCommand(service: NetworkingUtils): ConsoleCommand {
  return defineCommand({
    name: 'net.fakeip',
    help: 'Show whether an IPv4 address is a FakeIP, its type, and the real identity behind it.',
    args: [{ name: 'ip', type: 'string', description: 'an address such as 169.254.12.34[:port]' }],
    handler: ({ ip }) => {
      const type = service.getIPv4FakeIPType(ip);
      // Steam answers text that is not an address with INVALID; at the console it is a typo.
      if (type === FAKE_IP_TYPE_INVALID) {
        throw new Error(`'${echoText(ip)}' is not an IPv4 address (a.b.c.d, optionally :port)`);
      }
      const { result, identity } = service.getRealIdentityForFakeIP(ip);
      return [
        `${ip}: ${shortConstantName(NetworkingFakeIPType, type)}` +
          (service.isFakeIPv4(ip) ? ' (a FakeIP)' : ''),
        `real identity: ${result === 1 ? identity.toString() : shortConstantName(FAKE_IP_LOOKUP_RESULTS, result)}`,
      ];
    },
  });
}

function debugCommand(service: NetworkingUtils, messages: string[]): ConsoleCommand {
  return defineCommand({
    name: 'net.debug',
    help:
      'Set the debug output level (setDebugOutputFunction), or show the latest messages.\n' +
      `net.debug <${DEBUG_LEVELS.join('|')}> (or its number, ${DEBUG_LEVEL_NUMBERS[0]}-` +
      `${DEBUG_LEVEL_NUMBERS.at(-1)}) | net.debug show [count]`,
    args: [
      {
        name: 'level',
        type: 'enum',
        choices: [...DEBUG_LEVELS, ...DEBUG_LEVEL_NUMBERS, 'show'],
        // Tab offers the names; the numbers are accepted, not offered.
        complete: () => [...DEBUG_LEVELS, 'show'],
      },
      { name: 'count', type: 'int', optional: true },
    ],
    handler: ({ level, count }) => {
      if (level === 'show') {
        if (count !== undefined && count < 1) {
          throw new RangeError(`count must be at least 1, got ${count}`);
        }
        const shown = messages.slice(-(count ?? 20));
        return shown.length === 0
          ? 'No debug message yet (set a level first: net.debug msg).'
          : shown;
      }
      if (count !== undefined)
        throw new Error('a count goes with show only: net.debug show [count]');
      const byNumber = DEBUG_LEVEL_NUMBERS.indexOf(level);
      const name = byNumber >= 0 ? DEBUG_LEVELS[byNumber]! : level;
      const value =
        NetworkingSocketsDebugOutputType[
          name.toUpperCase() as keyof typeof NetworkingSocketsDebugOutputType
        ];
      service.setDebugOutputFunction(value);
      return `debug output: ${name} (${value}); 'net.debug show' prints the messages`;
    },
  });
}
