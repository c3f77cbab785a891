import { readFileSync } from 'node:fs';
import path from 'node:path';

import * as constants from './index.js';
import { type ReferenceRow, parseReferenceTables } from './test-support/reference-tables.js';

/**
 * The reference-table test: every row of the reference's Constants and Enums tables
 * (reference-tables.md, copied verbatim from the class reference) and of Steam's Result codes
 * (result-table.md) is checked against the exports, and every export is accounted for.
 */

const reference = parseReferenceTables(
  readFileSync(path.join(__dirname, 'reference-tables.md'), 'utf8'),
);
const results = parseReferenceTables(readFileSync(path.join(__dirname, 'result-table.md'), 'utf8'));
const exported = constants as unknown as Readonly<Record<string, unknown>>;
const { CONSTANT_GROUPS, SPELLING_ALIASES } = constants;

type GroupName = keyof typeof CONSTANT_GROUPS;

function rowsOf(section: string): ReferenceRow[] {
  return reference.rows.filter((row) => row.section === section);
}

function referenceRow(name: string): ReferenceRow {
  const row = reference.rows.find((candidate) => candidate.name === name);
  if (row === undefined) {
    throw new Error(`reference-tables.md has no row named ${name}`);
  }
  return row;
}

function isGroupName(name: string): name is GroupName {
  return Object.hasOwn(CONSTANT_GROUPS, name);
}

const ENUM_SECTIONS = reference.sections.filter((section) => section !== 'Constants');
const referenceNames = new Set(reference.rows.map((row) => row.name));
const resultNames = new Set(results.rows.map((row) => row.name));

describe('reference-tables.md', () => {
  it('reads without a single row that cannot be parsed', () => {
    expect(reference.errors).toEqual([]);
  });

  it("holds the Constants table and one table per enum of the reference's Enums section", () => {
    expect(reference.sections).toEqual([
      'Constants',
      'NetworkingAvailability',
      'NetworkingConfigScope',
      'NetworkingConfigDataType',
      'NetworkingConfigValue',
      'NetworkingConnectionEnd',
      'NetworkingConnectionState',
      'NetworkingFakeIPType',
      'NetworkingGetConfigValueResult',
      'NetworkingIdentityType',
      'NetworkingSocketsDebugOutputType',
    ]);
  });

  it('evaluates the rows the reference writes as expressions to the SDK values', () => {
    const valueOf = (name: string) => referenceRow(name).value;
    expect(valueOf('NETWORKING_SEND_URELIABLE_NO_NAGLE')).toBe(1);
    expect(valueOf('NETWORKING_SEND_UNRELIABLE_NO_DELAY')).toBe(5);
    expect(valueOf('NETWORKING_SEND_RELIABLE_NO_NAGLE')).toBe(9);
    expect(valueOf('CONNECTION_END_APP_GENERIC')).toBe(1000);
    expect(valueOf('CONNECTION_END_APP_EXCEPTION_GENERIC')).toBe(2000);
    expect(
      ['INVALID', 'NOT_FAKE', 'GLOBAL_IPV4', 'LOCAL_IPV4'].map((key) =>
        valueOf(`FAKE_IP_TYPE_${key}`),
      ),
    ).toEqual([0, 1, 2, 3]);
  });

  it('names every constant once', () => {
    expect(referenceNames.size).toBe(reference.rows.length);
  });
});

describe.each(reference.sections)('every row of the %s table', (section) => {
  it.each(rowsOf(section))('is exported: $name = $valueText', (row) => {
    expect(exported[row.name]).toBe(row.value);
  });
});

describe('groups', () => {
  it.each(ENUM_SECTIONS)(
    '%s groups exactly its rows, keyed by name without the prefix, in the reference order',
    (section) => {
      expect(isGroupName(section)).toBe(true);
      const { prefix, members } = CONSTANT_GROUPS[section as GroupName];
      const rows = rowsOf(section);
      expect(rows.filter((row) => !row.name.startsWith(prefix))).toEqual([]);
      expect(Object.entries(members)).toEqual(
        rows.map((row) => [row.name.slice(prefix.length), row.value]),
      );
    },
  );

  const families = (Object.keys(CONSTANT_GROUPS) as GroupName[]).filter(
    (name) => name !== 'Result' && !ENUM_SECTIONS.includes(name),
  );

  it.each(families)(
    '%s groups exactly the rows of the Constants table named with its prefix',
    (name) => {
      const { prefix, members } = CONSTANT_GROUPS[name];
      const rows = rowsOf('Constants').filter((row) => row.name.startsWith(prefix));
      expect(rows.length).toBeGreaterThan(0);
      expect(Object.entries(members)).toEqual(
        rows.map((row) => [row.name.slice(prefix.length), row.value]),
      );
    },
  );

  it('Result groups exactly the rows of result-table.md', () => {
    const { prefix, members } = CONSTANT_GROUPS.Result;
    expect(Object.entries(members)).toEqual(
      results.rows.map((row) => [row.name.slice(prefix.length), row.value]),
    );
  });

  it.each(Object.keys(CONSTANT_GROUPS) as GroupName[])(
    '%s is exported under its own name, frozen, and agrees with its top-level constants',
    (name) => {
      const { prefix, members } = CONSTANT_GROUPS[name];
      expect(exported[name]).toBe(members);
      expect(Object.isFrozen(members)).toBe(true);
      for (const [key, value] of Object.entries(members)) {
        expect([prefix + key, exported[prefix + key]]).toEqual([prefix + key, value]);
      }
    },
  );

  it('the registry and its entries are frozen', () => {
    expect(Object.isFrozen(CONSTANT_GROUPS)).toBe(true);
    for (const group of Object.values(CONSTANT_GROUPS)) {
      expect(Object.isFrozen(group)).toBe(true);
    }
  });
});

describe('Result codes (result-table.md)', () => {
  it('reads without a single row that cannot be parsed', () => {
    expect(results.errors).toEqual([]);
    expect(results.sections).toEqual(['Result']);
  });

  it.each(results.rows)('is exported: $name = $value', (row) => {
    expect(exported[row.name]).toBe(row.value);
  });

  it("covers the whole EResult enum: 0 to 131 except the removed 4, in Steam's order", () => {
    const expected = Array.from({ length: 132 }, (_, value) => value).filter(
      (value) => value !== 4,
    );
    expect(results.rows.map((row) => row.value)).toEqual(expected);
  });

  it('has the values the networking functions return, as the SDK defines them', () => {
    expect({
      OK: constants.RESULT_OK,
      FAIL: constants.RESULT_FAIL,
      NO_CONNECTION: constants.RESULT_NO_CONNECTION,
      INVALID_PARAM: constants.RESULT_INVALID_PARAM,
      BUSY: constants.RESULT_BUSY,
      LIMIT_EXCEEDED: constants.RESULT_LIMIT_EXCEEDED,
      IP_NOT_FOUND: constants.RESULT_IP_NOT_FOUND,
      IGNORED: constants.RESULT_IGNORED,
      NO_MATCH: constants.RESULT_NO_MATCH,
      DISABLED: constants.RESULT_DISABLED,
    }).toEqual({
      OK: 1,
      FAIL: 2,
      NO_CONNECTION: 3,
      INVALID_PARAM: 8,
      BUSY: 10,
      LIMIT_EXCEEDED: 25,
      IP_NOT_FOUND: 31,
      IGNORED: 41,
      NO_MATCH: 42,
      DISABLED: 80,
    });
  });
});

describe('spelling aliases', () => {
  it('give a correctly spelt name to each misspelt name of the reference', () => {
    expect(Object.values(SPELLING_ALIASES)).toEqual(
      expect.arrayContaining([
        'NETWORKING_SEND_URELIABLE_NO_NAGLE',
        'CONNECTION_END_REMOVE_MIN',
        'NETWORKING_CONFIG_FAKE_PACKET_DUP_REVC',
        'NETWORKING_CONFIG_LOG_LEVEL_SRD_RELAY_PINGS',
      ]),
    );
  });

  it.each(Object.entries(SPELLING_ALIASES))(
    '%s is a new name for the reference row %s, with its value',
    (alias, original) => {
      expect(referenceNames.has(original)).toBe(true);
      expect(referenceNames.has(alias)).toBe(false);
      expect(exported[alias]).toBe(referenceRow(original).value);
    },
  );
});

describe('no stray exports', () => {
  it('every exported number is a reference row, a documented alias or a Result code', () => {
    const documented = new Set([
      ...referenceNames,
      ...Object.keys(SPELLING_ALIASES),
      ...resultNames,
    ]);
    const strays = Object.keys(exported).filter(
      (name) => typeof exported[name] === 'number' && !documented.has(name),
    );
    expect(strays).toEqual([]);
  });

  it('everything else exported is a group, the config value table or a helper', () => {
    const others = Object.keys(exported)
      .filter((name) => typeof exported[name] !== 'number')
      .sort();
    expect(others).toEqual(
      [
        ...Object.keys(CONSTANT_GROUPS),
        'CONFIG_VALUE_TABLE',
        'CONSTANT_GROUPS',
        'SPELLING_ALIASES',
        'constantNameOf',
        'enumKeyOf',
        'shortConstantName',
        'getConfigValueEntry',
        'getConfigValueEntryByName',
        'getConfigValueEntryBySteamName',
      ].sort(),
    );
  });
});
