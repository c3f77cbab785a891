/**
 * The CLI's options from its three sources: flags, environment variables and a config file (a
 * JSON object). For each setting the first source that has it wins: flags, then the environment,
 * then the file, then the default. Everything is checked, with messages that name the source
 * (`--geo`, `RELAYLANE_BEACON_GEO`, `beacon.json: geo`); a mistake throws a `BeaconOptionError`.
 *
 * Flags are `--name value` or `--name=value`, each at most once. An empty environment variable
 * counts as unset. A `RELAYLANE_BEACON_*` variable or a file key that is not a setting is an
 * error, so that a misspelt setting is not silently ignored.
 */
import { readFileSync } from 'node:fs';

import { BeaconOptionError } from '../errors.js';
import type { BeaconOptions } from './beacon-options.js';
import { CONFIG_ENV, CONFIG_FLAG, ENV_PREFIX, type Setting, SETTINGS } from './settings.js';

/** What the command line asks for. */
export type BeaconCommand =
  | { readonly kind: 'start'; readonly options: BeaconOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' };

const HELP_FLAGS = new Set(['--help', '-h']);
const VERSION_FLAGS = new Set(['--version', '-v']);
const EMULATE = 'emulate';

/** A value found for a setting, and how to name where it came from. */
interface Found {
  readonly value: unknown;
  readonly label: string;
}

/**
 * Reads the command line (without `node` and the script) and the environment into options for
 * `startBeacon`, or a request for help or the version.
 *
 * @param readTextFile reads the config file (default: `readFileSync` in UTF-8).
 * @throws BeaconOptionError for anything wrong, with a stable `code`.
 */
export function parseBeaconArguments(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  readTextFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): BeaconCommand {
  if (argv.some((argument) => HELP_FLAGS.has(argument))) return { kind: 'help' };
  if (argv.some((argument) => VERSION_FLAGS.has(argument))) return { kind: 'version' };

  const flags = flagValues(argv);
  const variables = environmentValues(env);
  const configPath = flags.get(CONFIG_FLAG) ?? variables.get(CONFIG_ENV);
  const file =
    configPath === undefined ? new Map<string, Found>() : fileValues(configPath, readTextFile);

  const values = new Map<string, unknown>();
  for (const setting of SETTINGS) {
    const found =
      fromText(setting, flags.get(setting.flag), setting.flag) ??
      fromText(setting, variables.get(setting.env), setting.env) ??
      file.get(setting.key);
    if (found !== undefined) values.set(setting.key, setting.validate(found.value, found.label));
  }
  if (!values.has('code')) {
    throw new BeaconOptionError(
      'BEACON_CODE_MISSING',
      'No POP code: give --code (or RELAYLANE_BEACON_CODE, or "code" in the --config file), e.g. --code fra.',
    );
  }
  if (!values.has('geo')) {
    throw new BeaconOptionError(
      'BEACON_GEO_MISSING',
      'No location: give --geo longitude,latitude (or RELAYLANE_BEACON_GEO, or "geo" in the ' +
        '--config file), e.g. --geo 8.68,50.12 for Frankfurt.',
    );
  }
  return { kind: 'start', options: optionsOf(values) };
}

/** Each flag's text, by flag (`--config` included); every flag known, each at most once. */
function flagValues(argv: readonly string[]): Map<string, string> {
  const known = new Set<string>([CONFIG_FLAG, ...SETTINGS.map((setting) => setting.flag)]);
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i]!;
    if (!argument.startsWith('--')) {
      throw new BeaconOptionError(
        'BEACON_ARGUMENT_UNEXPECTED',
        `Unexpected argument '${argument}': every setting is a flag (--code fra).`,
      );
    }
    const equals = argument.indexOf('=');
    const flag = equals === -1 ? argument : argument.slice(0, equals);
    if (!known.has(flag)) {
      throw new BeaconOptionError(
        'BEACON_OPTION_UNKNOWN',
        `Unknown option ${flag}.${suggestion(flag, known)}`,
      );
    }
    if (values.has(flag)) {
      throw new BeaconOptionError(
        'BEACON_OPTION_REPEATED',
        `${flag} is given twice; give it once.`,
      );
    }
    let value: string | undefined;
    if (equals !== -1) {
      value = argument.slice(equals + 1);
    } else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) {
      value = argv[++i];
    }
    if (value === undefined || value === '') {
      throw new BeaconOptionError('BEACON_OPTION_VALUE_MISSING', `${flag} needs a value.`);
    }
    values.set(flag, value);
  }
  return values;
}

/** Each `RELAYLANE_BEACON_*` variable that is set and not empty, by name; every one known. */
function environmentValues(env: Readonly<Record<string, string | undefined>>): Map<string, string> {
  const known = new Set<string>([CONFIG_ENV, ...SETTINGS.map((setting) => setting.env)]);
  const values = new Map<string, string>();
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith(ENV_PREFIX) || value === undefined || value === '') continue;
    if (!known.has(name)) {
      throw new BeaconOptionError(
        'BEACON_ENV_UNKNOWN',
        `${name} is not a setting of the beacon.${suggestion(name, known)} The variables are: ` +
          `${[...known].join(', ')}.`,
      );
    }
    values.set(name, value);
  }
  return values;
}

/** The config file's values, by setting key, each labelled `<path>: <key>`. */
function fileValues(path: string, readTextFile: (path: string) => string): Map<string, Found> {
  let text: string;
  try {
    text = readTextFile(path);
  } catch (error) {
    throw new BeaconOptionError(
      'BEACON_CONFIG_FILE_UNREADABLE',
      `Cannot read the config file ${path}: ${(error as Error).message}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BeaconOptionError(
      'BEACON_CONFIG_FILE_INVALID',
      `The config file ${path} is not JSON: ${(error as Error).message}`,
    );
  }
  const keys = SETTINGS.map((setting) => setting.key);
  const values = new Map<string, Found>();
  const read = (object: unknown, prefix: string): void => {
    if (typeof object !== 'object' || object === null || Array.isArray(object)) {
      throw new BeaconOptionError(
        'BEACON_CONFIG_FILE_INVALID',
        `The config file ${path}${prefix === '' ? '' : `: ${prefix.slice(0, -1)}`} must be a JSON ` +
          'object of settings ({ "code": "fra", "geo": [8.68, 50.12] }).',
      );
    }
    for (const [name, value] of Object.entries(object)) {
      const key = `${prefix}${name}`;
      if (key === EMULATE) {
        read(value, `${EMULATE}.`);
        continue;
      }
      const setting = SETTINGS.find((each) => each.key === key);
      if (setting === undefined) {
        throw new BeaconOptionError(
          'BEACON_CONFIG_FILE_INVALID',
          `The config file ${path}: '${key}' is not a setting.${suggestion(key, keys)} The keys ` +
            `are: ${keys.join(', ')}.`,
        );
      }
      values.set(key, { value: fromJson(setting, value), label: `${path}: ${key}` });
    }
  };
  read(json, '');
  return values;
}

/** A flag's or variable's text as the setting's value (left as text when it does not read). */
function fromText(setting: Setting, text: string | undefined, label: string): Found | undefined {
  if (text === undefined) return undefined;
  return { value: textValue(setting.kind, text), label };
}

function textValue(kind: Setting['kind'], text: string): unknown {
  switch (kind) {
    case 'text':
      return text;
    case 'whole':
      return /^\d+$/.test(text) ? Number(text) : text;
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    case 'geo':
      return geoValue(text);
    case 'list':
      return text
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
  }
}

/** `lon,lat` as `{ lon, lat }`; anything else is left as it is, for the validator to report. */
function geoValue(text: string): unknown {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  return match === null ? text : { lon: Number(match[1]), lat: Number(match[2]) };
}

/** A JSON value as the setting's value: geo as `[lon, lat]` or text, a list as an array or text. */
function fromJson(setting: Setting, value: unknown): unknown {
  if (setting.kind === 'geo' && Array.isArray(value) && value.length === 2) {
    return { lon: value[0] as unknown, lat: value[1] as unknown };
  }
  if ((setting.kind === 'geo' || setting.kind === 'list') && typeof value === 'string') {
    return textValue(setting.kind, value);
  }
  return value;
}

/** The options from the values by setting key, `emulate.*` gathered into `emulate`. */
function optionsOf(values: ReadonlyMap<string, unknown>): BeaconOptions {
  const options: Record<string, unknown> = {};
  const emulate: Record<string, unknown> = {};
  for (const [key, value] of values) {
    if (key.startsWith(`${EMULATE}.`)) emulate[key.slice(EMULATE.length + 1)] = value;
    else options[key] = value;
  }
  if (Object.keys(emulate).length > 0) options[EMULATE] = emulate;
  // Every value was checked by its setting's validator, and code and geo are present.
  return options as unknown as BeaconOptions;
}

/** " Did you mean --udp-port?" for the known name closest to `name`, or nothing. */
function suggestion(name: string, known: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 4))
    ? ` Did you mean ${best}?`
    : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}
