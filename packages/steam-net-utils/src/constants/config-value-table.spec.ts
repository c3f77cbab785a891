import { readFileSync } from 'node:fs';
import path from 'node:path';

import { type ConfigValueEntry } from './config-value-entry.js';
import {
  CONFIG_VALUE_TABLE,
  getConfigValueEntry,
  getConfigValueEntryByName,
  getConfigValueEntryBySteamName,
} from './config-value-table.js';
import * as constants from './index.js';
import {
  NETWORKING_CONFIG_TYPE_FLOAT,
  NETWORKING_CONFIG_TYPE_FUNCTION_PTR,
  NETWORKING_CONFIG_TYPE_INT32,
  NETWORKING_CONFIG_TYPE_INT64,
  NETWORKING_CONFIG_TYPE_STRING,
} from './networking-config-data-type.js';
import {
  NETWORKING_CONFIG_SCOPE_CONNECTION,
  NETWORKING_CONFIG_SCOPE_GLOBAL,
} from './networking-config-scope.js';
import { NetworkingConfigValue } from './networking-config-value.js';
import { NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING } from './networking-sockets-debug-output-type.js';
import { parseReferenceTables } from './test-support/reference-tables.js';

const exported = constants as unknown as Readonly<Record<string, unknown>>;
const referenceRows = parseReferenceTables(
  readFileSync(path.join(__dirname, 'reference-tables.md'), 'utf8'),
).rows.filter((row) => row.section === 'NetworkingConfigValue');

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

function entryNamed(name: string): ConfigValueEntry {
  const entry = getConfigValueEntryByName(`NETWORKING_CONFIG_${name}`);
  if (entry === undefined) {
    throw new Error(`no config value NETWORKING_CONFIG_${name}`);
  }
  return entry;
}

function namesWhere(predicate: (entry: ConfigValueEntry) => boolean): string[] {
  return CONFIG_VALUE_TABLE.filter(predicate).map((entry) => entry.name);
}

describe('CONFIG_VALUE_TABLE', () => {
  it('has one entry per NetworkingConfigValue except INVALID and the 32-bit forcer', () => {
    const { INVALID, VALUE_FORCE32BIT, ...real } = NetworkingConfigValue;
    const ids = CONFIG_VALUE_TABLE.map((entry) => entry.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(Object.values(real).sort((a, b) => a - b));
    expect(ids).not.toContain(INVALID);
    expect(ids).not.toContain(VALUE_FORCE32BIT);
  });

  it('gives each entry the GodotSteam name that is exported with its id', () => {
    for (const entry of CONFIG_VALUE_TABLE) {
      expect([entry.name, exported[entry.name]]).toEqual([entry.name, entry.id]);
    }
  });

  it('is ordered by ascending id, the order Steam iterates its table in', () => {
    const ids = CONFIG_VALUE_TABLE.map((entry) => entry.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('has unique names and unique Steam names', () => {
    const names = CONFIG_VALUE_TABLE.map((entry) => entry.name);
    const steamNames = CONFIG_VALUE_TABLE.map((entry) => entry.steamName);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(steamNames).size).toBe(steamNames.length);
  });

  it("has the Steam name of the reference's SDK name for each id", () => {
    for (const entry of CONFIG_VALUE_TABLE) {
      const row = referenceRows.find((candidate) => candidate.value === entry.id);
      expect([entry.name, `k_ESteamNetworkingConfig_${entry.steamName}`]).toEqual([
        entry.name,
        row?.sdkName,
      ]);
    }
  });

  it('reports only the global and connection scopes, as Steam does', () => {
    expect(
      namesWhere(
        (entry) =>
          entry.scope !== NETWORKING_CONFIG_SCOPE_GLOBAL &&
          entry.scope !== NETWORKING_CONFIG_SCOPE_CONNECTION,
      ),
    ).toEqual([]);
  });

  it('agrees with the reference notes that say "[connection int32]"', () => {
    const marked = referenceRows.filter((row) => row.notes.startsWith('[connection int32]'));
    expect(marked.length).toBeGreaterThan(0);
    for (const row of marked) {
      const entry = getConfigValueEntry(row.value);
      expect([row.name, entry?.scope, entry?.dataType]).toEqual([
        row.name,
        NETWORKING_CONFIG_SCOPE_CONNECTION,
        NETWORKING_CONFIG_TYPE_INT32,
      ]);
    }
  });

  it('keeps every default within [min, max]', () => {
    const outside = CONFIG_VALUE_TABLE.filter((entry) => {
      if (
        entry.dataType !== NETWORKING_CONFIG_TYPE_INT32 &&
        entry.dataType !== NETWORKING_CONFIG_TYPE_FLOAT
      ) {
        return false;
      }
      const { defaultValue, min = -Infinity, max = Infinity } = entry;
      return min > max || (defaultValue !== null && (defaultValue < min || defaultValue > max));
    });
    expect(outside.map((entry) => entry.name)).toEqual([]);
  });

  it('keeps int32 defaults and limits integers in the int32 range, float ones finite', () => {
    for (const entry of CONFIG_VALUE_TABLE) {
      if (entry.dataType === NETWORKING_CONFIG_TYPE_INT32) {
        for (const number of [entry.defaultValue, entry.min, entry.max]) {
          if (number !== null && number !== undefined) {
            expect([
              entry.name,
              Number.isInteger(number) && number >= INT32_MIN && number <= INT32_MAX,
            ]).toEqual([entry.name, true]);
          }
        }
      }
      if (entry.dataType === NETWORKING_CONFIG_TYPE_FLOAT) {
        for (const number of [entry.defaultValue, entry.min, entry.max]) {
          expect([entry.name, number === undefined || Number.isFinite(number)]).toEqual([
            entry.name,
            true,
          ]);
        }
      }
    }
  });

  it('gives each published default the JavaScript type of its data type', () => {
    const expectedType = {
      [NETWORKING_CONFIG_TYPE_INT32]: 'number',
      [NETWORKING_CONFIG_TYPE_FLOAT]: 'number',
      [NETWORKING_CONFIG_TYPE_INT64]: 'bigint',
      [NETWORKING_CONFIG_TYPE_STRING]: 'string',
    } as const;
    for (const entry of CONFIG_VALUE_TABLE) {
      if (entry.dataType !== NETWORKING_CONFIG_TYPE_FUNCTION_PTR && entry.defaultValue !== null) {
        expect([entry.name, typeof entry.defaultValue]).toEqual([
          entry.name,
          expectedType[entry.dataType],
        ]);
      }
    }
  });

  it('has no default only for pointers (null) and for the unpublished ones, which have no limits', () => {
    expect(namesWhere((entry) => entry.defaultValue === null)).toEqual(
      namesWhere(
        (entry) =>
          entry.dataType === NETWORKING_CONFIG_TYPE_FUNCTION_PTR ||
          entry.defaultSource === 'unpublished',
      ),
    );
    expect(
      namesWhere((entry) => entry.defaultSource !== 'gns' && ('min' in entry || 'max' in entry)),
    ).toEqual([]);
  });

  it('has the dev values Steam lists only on request', () => {
    expect(namesWhere((entry) => entry.devOnly)).toEqual([
      'NETWORKING_CONFIG_IP_ALLOW_WITHOUT_AUTH',
      'NETWORKING_CONFIG_UNENCRYPTED',
      'NETWORKING_CONFIG_SDR_CLIENT_FAKE_CLUSTER_PING',
    ]);
    expect(namesWhere((entry) => entry.devOnly && !entry.genericEditable)).toEqual([]);
  });

  it('leaves out of iteration the pointers and the values Steam never lists', () => {
    expect(namesWhere((entry) => !entry.genericEditable)).toEqual(
      namesWhere(
        (entry) =>
          entry.dataType === NETWORKING_CONFIG_TYPE_FUNCTION_PTR ||
          [
            'NETWORKING_CONFIG_MTU_DATA_SIZE',
            'NETWORKING_CONFIG_SYMMETRIC_CONNECT',
            'NETWORKING_CONFIG_LOCAL_VIRTUAL_PORT',
            'NETWORKING_CONFIG_CONNECTION_USER_DATA',
          ].includes(entry.name),
      ),
    );
  });

  it("marks MTU_DATA_SIZE, and only it, read-only and outside Steam's table, derived from the packet size", () => {
    expect(namesWhere((entry) => entry.readOnly)).toEqual(['NETWORKING_CONFIG_MTU_DATA_SIZE']);
    expect(namesWhere((entry) => !entry.listed)).toEqual(['NETWORKING_CONFIG_MTU_DATA_SIZE']);
    const packetSize = entryNamed('MTU_PACKET_SIZE').defaultValue as number;
    expect(entryNamed('MTU_DATA_SIZE').defaultValue).toBe(Math.max(0, packetSize - 100));
  });

  it('defaults every log level to WARNING, as the reference says', () => {
    const logLevels = CONFIG_VALUE_TABLE.filter((entry) =>
      entry.name.startsWith('NETWORKING_CONFIG_LOG_LEVEL_'),
    );
    expect(logLevels).toHaveLength(6);
    for (const entry of logLevels) {
      expect([entry.name, entry.defaultValue]).toEqual([
        entry.name,
        NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
      ]);
    }
  });

  it('marks the Windows-only values', () => {
    expect(namesWhere((entry) => entry.windowsOnly)).toEqual([
      'NETWORKING_CONFIG_DUAL_WIFI_ENABLE',
      'NETWORKING_CONFIG_ECN',
    ]);
  });

  it('is frozen, entries included', () => {
    expect(Object.isFrozen(CONFIG_VALUE_TABLE)).toBe(true);
    expect(CONFIG_VALUE_TABLE.filter((entry) => !Object.isFrozen(entry))).toEqual([]);
    expect(() => {
      (CONFIG_VALUE_TABLE as ConfigValueEntry[]).push(CONFIG_VALUE_TABLE[0]!);
    }).toThrow(TypeError);
  });
});

describe('lookups', () => {
  it('find every entry by id, Steam name and GodotSteam name', () => {
    for (const entry of CONFIG_VALUE_TABLE) {
      expect(getConfigValueEntry(entry.id)).toBe(entry);
      expect(getConfigValueEntryBySteamName(entry.steamName)).toBe(entry);
      expect(getConfigValueEntryByName(entry.name)).toBe(entry);
    }
  });

  it('find nothing for ids that are not config values', () => {
    for (const id of [0, 1, 35, 998, 0x7fffffff, -1, 24.5]) {
      expect(getConfigValueEntry(id)).toBeUndefined();
    }
  });

  it('match Steam names exactly, case included', () => {
    expect(getConfigValueEntryBySteamName('TimeoutInitial')?.id).toBe(24);
    expect(getConfigValueEntryBySteamName('timeoutinitial')).toBeUndefined();
    expect(
      getConfigValueEntryBySteamName('k_ESteamNetworkingConfig_TimeoutInitial'),
    ).toBeUndefined();
  });

  it('know only the reference names, not the spelling aliases', () => {
    expect(getConfigValueEntryByName('NETWORKING_CONFIG_FAKE_PACKET_DUP_REVC')?.id).toBe(27);
    expect(getConfigValueEntryByName('NETWORKING_CONFIG_FAKE_PACKET_DUP_RECV')).toBeUndefined();
  });
});
