/**
 * Every config value of the table read through `getConfigValueTyped`, on the simulation and on the
 * Steam backend over the test double: a value Steam answers (OK or OK_INHERITED) decodes to a
 * JavaScript value of the table's type, never null (pointers excepted, which are null by design),
 * and equals what its raw bytes decode to. MTU_DataSize, whose data type Steam leaves unwritten,
 * was the one that came back null.
 */
import { simulatedBackend } from '../backends/simulated/simulated-backend-provider.js';
import {
  loadSteamDouble,
  startBackendOnDouble,
} from '../backends/steam/test-support/steam-double-backend.js';
import { createNetworkingUtils } from '../compose/create-networking-utils.js';
import {
  CONFIG_VALUE_TABLE,
  NETWORKING_CONFIG_MTU_DATA_SIZE,
  NETWORKING_CONFIG_SCOPE_GLOBAL,
  NETWORKING_CONFIG_TYPE_FLOAT,
  NETWORKING_CONFIG_TYPE_FUNCTION_PTR,
  NETWORKING_CONFIG_TYPE_INT32,
  NETWORKING_CONFIG_TYPE_INT64,
  NETWORKING_CONFIG_TYPE_STRING,
} from '../constants/index.js';
import { decodeConfigValueBytes } from '../port/config-value-bytes.js';
import { type NetworkingUtils } from './networking-utils.js';

const JAVASCRIPT_TYPE: Readonly<Record<number, string>> = {
  [NETWORKING_CONFIG_TYPE_INT32]: 'number',
  [NETWORKING_CONFIG_TYPE_FLOAT]: 'number',
  [NETWORKING_CONFIG_TYPE_INT64]: 'bigint',
  [NETWORKING_CONFIG_TYPE_STRING]: 'string',
};

function expectEveryValueTyped(service: NetworkingUtils): void {
  let answered = 0;
  for (const entry of CONFIG_VALUE_TABLE) {
    const typed = service.getConfigValueTyped(entry.id, NETWORKING_CONFIG_SCOPE_GLOBAL, 0);
    if (typed.result < 0) continue;
    answered++;
    const raw = service.getConfigValue(entry.id, NETWORKING_CONFIG_SCOPE_GLOBAL, 0);
    if (entry.dataType === NETWORKING_CONFIG_TYPE_FUNCTION_PTR) {
      expect({ name: entry.steamName, value: typed.value }).toEqual({
        name: entry.steamName,
        value: null,
      });
      continue;
    }
    expect({ name: entry.steamName, type: typed.type }).toEqual({
      name: entry.steamName,
      type: entry.dataType,
    });
    expect({ name: entry.steamName, kind: typeof typed.value }).toEqual({
      name: entry.steamName,
      kind: JAVASCRIPT_TYPE[entry.dataType],
    });
    expect(typed.value).toEqual(decodeConfigValueBytes(entry.dataType, raw.value));
  }
  // Most of the table answers at global scope.
  expect(answered).toBeGreaterThan(CONFIG_VALUE_TABLE.length / 2);
}

describe('getConfigValueTyped over the whole config value table', () => {
  it('decodes every value the simulation answers, MTU_DataSize included', () => {
    const service = createNetworkingUtils({ backend: simulatedBackend() });
    expectEveryValueTyped(service);
    const mtu = service.getConfigValueTyped(
      NETWORKING_CONFIG_MTU_DATA_SIZE,
      NETWORKING_CONFIG_SCOPE_GLOBAL,
      0,
    );
    expect(mtu.value).toBe(1200);
    service.dispose();
  });

  it('decodes every value the Steam backend answers over the test double', () => {
    const service = createNetworkingUtils({ backend: startBackendOnDouble(loadSteamDouble()) });
    expectEveryValueTyped(service);
    const mtu = service.getConfigValueTyped(
      NETWORKING_CONFIG_MTU_DATA_SIZE,
      NETWORKING_CONFIG_SCOPE_GLOBAL,
      0,
    );
    expect(typeof mtu.value).toBe('number');
    service.dispose();
  });
});
