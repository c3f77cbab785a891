import { CONSTANT_GROUPS, type ConstantGroupName, constantNameOf } from './constant-groups.js';
import { enumKeyOf } from './enum-key.js';
import * as constants from './index.js';
import { NetworkingAvailability } from './networking-availability.js';
import { NetworkingConnectionEnd } from './networking-connection-end.js';

const exported = constants as unknown as Readonly<Record<string, unknown>>;

describe('enumKeyOf', () => {
  it('finds the key of a value', () => {
    expect(enumKeyOf(NetworkingAvailability, 100)).toBe('CURRENT');
    expect(enumKeyOf(NetworkingAvailability, -102)).toBe('CANNOT_TRY');
  });

  it('returns undefined for a value no member has', () => {
    expect(enumKeyOf(NetworkingAvailability, 99)).toBeUndefined();
    expect(enumKeyOf(NetworkingAvailability, Number.NaN)).toBeUndefined();
  });

  it('returns the first key in declaration order when two keys share a value', () => {
    expect(enumKeyOf(NetworkingConnectionEnd, 1000)).toBe('APP_MIN');
    expect(enumKeyOf({ LATER: 2, FIRST: 1, ALSO_FIRST: 1 }, 1)).toBe('FIRST');
  });

  it('works on any object of numbers', () => {
    expect(enumKeyOf({ A: 1, B: 2 }, 2)).toBe('B');
    expect(enumKeyOf({}, 0)).toBeUndefined();
  });
});

describe('constantNameOf', () => {
  it("gives a value's GodotSteam name", () => {
    expect(constantNameOf('NetworkingAvailability', 100)).toBe('NETWORKING_AVAILABILITY_CURRENT');
    expect(constantNameOf('Result', 42)).toBe('RESULT_NO_MATCH');
    expect(constantNameOf('NetworkingConfigValue', 24)).toBe('NETWORKING_CONFIG_TIMEOUT_INITIAL');
  });

  it('returns undefined for a value the group does not have', () => {
    expect(constantNameOf('NetworkingAvailability', 4)).toBeUndefined();
    expect(constantNameOf('Result', 4)).toBeUndefined();
  });

  it('names, for every value of every group, an exported constant with that value', () => {
    for (const groupName of Object.keys(CONSTANT_GROUPS) as ConstantGroupName[]) {
      for (const value of Object.values(CONSTANT_GROUPS[groupName].members)) {
        const name = constantNameOf(groupName, value);
        expect([groupName, name, name === undefined ? undefined : exported[name]]).toEqual([
          groupName,
          expect.any(String),
          value,
        ]);
      }
    }
  });
});
