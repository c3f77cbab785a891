import {
  CONFIG_VALUE_TABLE,
  NETWORKING_CONFIG_CALLBACK_CONNECTION_STATUS_CHANGED,
  NETWORKING_CONFIG_CONNECTION_USER_DATA,
  NETWORKING_CONFIG_DUAL_WIFI_ENABLE,
  NETWORKING_CONFIG_ECN,
  NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND,
  NETWORKING_CONFIG_INVALID,
  NETWORKING_CONFIG_SCOPE_CONNECTION as CONNECTION,
  NETWORKING_CONFIG_SCOPE_GLOBAL as GLOBAL,
  NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
  NETWORKING_CONFIG_TIMEOUT_INITIAL,
  NETWORKING_CONFIG_TYPE_FLOAT as FLOAT,
  NETWORKING_CONFIG_TYPE_FUNCTION_PTR as PTR,
  NETWORKING_CONFIG_TYPE_INT32 as INT32,
  NETWORKING_CONFIG_TYPE_INT64 as INT64,
  NETWORKING_CONFIG_TYPE_STRING as STRING,
} from '../constants/index.js';
import {
  ConfigValueCatalog,
  getConfigValueInfo,
  iterateGenericEditableConfigValues,
} from './config-value-catalog.js';

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * The values Steam's IterateGenericEditableConfigValues lists on Windows, by id, written out from
 * the reference's table (not derived from the table module): no pointers, no SymmetricConnect
 * (37), LocalVirtualPort (38), ConnectionUserData (40), no computed MTU_DataSize (33), no deleted
 * id 35, and the dev values 23, 34 and 36 only on request.
 */
const LISTED_WITHOUT_DEV = [
  ...range(2, 22),
  ...range(24, 32),
  39,
  ...range(41, 60),
  ...range(103, 110),
  999,
];
const LISTED_WITH_DEV = [...range(2, 32), 34, 36, 39, ...range(41, 60), ...range(103, 110), 999];

function walk(next: (current: number) => number): number[] {
  const seen: number[] = [];
  let current = next(NETWORKING_CONFIG_INVALID);
  while (current !== NETWORKING_CONFIG_INVALID) {
    seen.push(current);
    current = next(current);
    if (seen.length > 1000) throw new Error('iteration does not end');
  }
  return seen;
}

describe('ConfigValueCatalog.info (GetConfigValueInfo)', () => {
  const catalog = new ConfigValueCatalog();

  it.each<[number, string, number, number]>([
    [NETWORKING_CONFIG_TIMEOUT_INITIAL, 'TimeoutInitial', INT32, CONNECTION],
    [NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND, 'FakePacketLoss_Send', FLOAT, GLOBAL],
    [
      NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
      'SDRClient_ForceRelayCluster',
      STRING,
      GLOBAL,
    ],
    [NETWORKING_CONFIG_CONNECTION_USER_DATA, 'ConnectionUserData', INT64, CONNECTION],
    [
      NETWORKING_CONFIG_CALLBACK_CONNECTION_STATUS_CHANGED,
      'Callback_ConnectionStatusChanged',
      PTR,
      CONNECTION,
    ],
    [NETWORKING_CONFIG_ECN, 'ECN', INT32, GLOBAL],
  ])('describes %p as %j', (id, name, dataType, scope) => {
    expect(catalog.info(id)).toEqual({ name, dataType, scope });
  });

  it('describes every listed value of the table with its Steam name, type and scope', () => {
    for (const entry of CONFIG_VALUE_TABLE.filter((e) => e.listed)) {
      expect(catalog.info(entry.id)).toEqual({
        name: entry.steamName,
        dataType: entry.dataType,
        scope: entry.scope,
      });
    }
  });

  it.each<[string, number]>([
    ['INVALID', 0],
    ['the unused id 1', 1],
    ['MTU_DataSize, which Steam computes outside its table', 33],
    ['the deleted id 35', 35],
    ['an id between ranges', 61],
    ['SDRClient_EnableTOSProbes, not in the reference', 998],
    ['a negative id', -1],
    ['NaN', NaN],
  ])('knows nothing of %s', (_label, id) => {
    expect(catalog.info(id)).toBeUndefined();
  });

  it('leaves out the Windows-only values for a non-Windows client', () => {
    const other = new ConfigValueCatalog({ windowsOnlyValues: false });
    expect(other.info(NETWORKING_CONFIG_DUAL_WIFI_ENABLE)).toBeUndefined();
    expect(other.info(NETWORKING_CONFIG_ECN)).toBeUndefined();
    expect(catalog.info(NETWORKING_CONFIG_DUAL_WIFI_ENABLE)).toBeDefined();
  });
});

describe('ConfigValueCatalog.iterate (IterateGenericEditableConfigValues)', () => {
  const catalog = new ConfigValueCatalog();

  it('walks Steam values in ascending id order without dev values, ending in INVALID', () => {
    expect(walk((current) => catalog.iterate(current, false))).toEqual(LISTED_WITHOUT_DEV);
  });

  it('adds the dev values IP_AllowWithoutAuth, Unencrypted and SDRClient_FakeClusterPing on request', () => {
    expect(walk((current) => catalog.iterate(current, true))).toEqual(LISTED_WITH_DEV);
  });

  it('skips a dev value unless asked', () => {
    expect(catalog.iterate(22, false)).toBe(24);
    expect(catalog.iterate(22, true)).toBe(23);
  });

  it('continues after a value of the table that it does not list itself', () => {
    expect(catalog.iterate(38, false)).toBe(39); // from LocalVirtualPort
    expect(catalog.iterate(201, false)).toBe(999); // from a callback: the other callbacks are skipped
  });

  it.each<[string, number]>([
    ['MTU_DataSize (not in Steam table)', 33],
    ['the deleted id 35', 35],
    ['the unused id 1', 1],
    ['an unknown id', 5000],
    ['the last value', 999],
  ])('returns INVALID at once from %s', (_label, current) => {
    expect(catalog.iterate(current, true)).toBe(NETWORKING_CONFIG_INVALID);
  });

  it('ends before the Windows-only values for a non-Windows client, and stops at their ids', () => {
    const other = new ConfigValueCatalog({ windowsOnlyValues: false });
    const walked = walk((current) => other.iterate(current, false));
    expect(walked).toEqual(LISTED_WITHOUT_DEV.filter((id) => id !== 39 && id !== 999));
    expect(other.iterate(NETWORKING_CONFIG_DUAL_WIFI_ENABLE, false)).toBe(
      NETWORKING_CONFIG_INVALID,
    );
  });
});

describe('getConfigValueInfo and iterateGenericEditableConfigValues', () => {
  it('answer for the Windows client by default and for the client the options describe', () => {
    expect(getConfigValueInfo(NETWORKING_CONFIG_ECN)?.name).toBe('ECN');
    expect(getConfigValueInfo(NETWORKING_CONFIG_ECN, { windowsOnlyValues: false })).toBeUndefined();
    expect(iterateGenericEditableConfigValues(110, false)).toBe(999);
    expect(iterateGenericEditableConfigValues(110, false, { windowsOnlyValues: false })).toBe(
      NETWORKING_CONFIG_INVALID,
    );
  });
});
