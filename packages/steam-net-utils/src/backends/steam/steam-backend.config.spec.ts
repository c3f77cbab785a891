/**
 * The config value calls over the test double: the two-call size query of `GetConfigValue`
 * (including `BUFFER_TOO_SMALL` and a value that grows between the calls), the pointer
 * `SetConfigValue` gets for each data type, and `GetConfigValueInfo`'s NULL.
 */
import {
  NETWORKING_CONFIG_CONNECTION_USER_DATA,
  NETWORKING_CONFIG_SCOPE_CONNECTION,
  NETWORKING_CONFIG_SCOPE_GLOBAL,
  NETWORKING_CONFIG_TYPE_INT64,
  NETWORKING_CONFIG_TYPE_STRING,
  NETWORKING_GET_CONFIG_VALUE_BAD_SCOPE_OBJ,
  NETWORKING_GET_CONFIG_VALUE_BAD_VALUE,
  NETWORKING_GET_CONFIG_VALUE_BUFFER_TOO_SMALL,
  NETWORKING_GET_CONFIG_VALUE_OK,
  NETWORKING_GET_CONFIG_VALUE_OK_INHERITED,
} from '../../constants/index.js';
import { NetworkingUtils } from '../../service/networking-utils.js';
import { GET_CONFIG_VALUE_ATTEMPTS, MAX_CONFIG_VALUE_BYTES } from './steam-config-calls.js';
import { type SteamBackend } from './steam-backend.js';
import { loadSteamDouble, startBackendOnDouble } from './test-support/steam-double-backend.js';

const steam = loadSteamDouble();
const { double } = steam;
const STUN = 103;
const SIZE_QUERY = /pResult=NULL,\*cbResult=0\)$/;

let backend: SteamBackend;
let service: NetworkingUtils;

beforeEach(() => {
  backend = startBackendOnDouble(steam);
  service = new NetworkingUtils(backend);
});
afterEach(() => {
  service.dispose();
  expect(double.violations()).toEqual([]);
  expect(double.pendingScripts()).toBe(0);
});

function sizesAsked(): string[] {
  return double
    .log()
    .map((line) => /pResult=(\w+),\*cbResult=(\d+)\)$/.exec(line)!.slice(1).join(' '));
}

describe('GetConfigValue', () => {
  it('asks for the size with no buffer, then reads into a buffer of exactly that size', () => {
    double.script('GetConfigValue', {
      returns: NETWORKING_GET_CONFIG_VALUE_BUFFER_TOO_SMALL,
      aux: 4,
      bytes: 'abcdef\0',
    });
    double.script('GetConfigValue', {
      returns: NETWORKING_GET_CONFIG_VALUE_OK,
      aux: 4,
      bytes: 'abcdef\0',
    });
    expect(service.getConfigValueTyped(STUN, NETWORKING_CONFIG_SCOPE_GLOBAL, 0)).toEqual({
      result: NETWORKING_GET_CONFIG_VALUE_OK,
      type: NETWORKING_CONFIG_TYPE_STRING,
      value: 'abcdef',
    });
    expect(sizesAsked()).toEqual(['NULL 0', 'buf 7']);
  });

  it('asks again with the new size when the value grew between the two calls', () => {
    double.script('GetConfigValue', { returns: -3, aux: 4, bytes: 'abc\0' });
    double.script('GetConfigValue', { returns: -3, aux: 4, bytes: 'abcdefgh\0' });
    double.script('GetConfigValue', {
      returns: NETWORKING_GET_CONFIG_VALUE_OK_INHERITED,
      aux: 4,
      bytes: 'abcdefgh\0',
    });
    expect(service.getConfigValue(STUN, NETWORKING_CONFIG_SCOPE_CONNECTION, 5)).toEqual({
      result: NETWORKING_GET_CONFIG_VALUE_OK_INHERITED,
      type: NETWORKING_CONFIG_TYPE_STRING,
      value: new TextEncoder().encode('abcdefgh\0'),
    });
    expect(sizesAsked()).toEqual(['NULL 0', 'buf 4', 'buf 9']);
  });

  it('gives up with BUFFER_TOO_SMALL and no bytes when the value keeps growing', () => {
    for (let i = 0; i <= GET_CONFIG_VALUE_ATTEMPTS; i++) {
      double.script('GetConfigValue', { returns: -3, aux: 4, bytes: 'x'.repeat(i + 2) });
    }
    expect(service.getConfigValue(STUN, NETWORKING_CONFIG_SCOPE_GLOBAL, 0)).toEqual({
      result: NETWORKING_GET_CONFIG_VALUE_BUFFER_TOO_SMALL,
      type: NETWORKING_CONFIG_TYPE_STRING,
      value: new Uint8Array(0),
    });
    expect(double.log()).toHaveLength(1 + GET_CONFIG_VALUE_ATTEMPTS);
  });

  it('does not read a size above the bound', () => {
    double.script('GetConfigValue', {
      returns: -3,
      aux: 4,
      bytes: new Uint8Array(MAX_CONFIG_VALUE_BYTES + 1),
    });
    expect(service.getConfigValue(STUN, NETWORKING_CONFIG_SCOPE_GLOBAL, 0).result).toBe(
      NETWORKING_GET_CONFIG_VALUE_BUFFER_TOO_SMALL,
    );
    expect(double.log()).toHaveLength(1);
  });

  it('keeps only the bytes Steam says it wrote', () => {
    double.script('GetConfigValue', { returns: -3, aux: 4, bytes: 'abcdef\0' });
    double.script('GetConfigValue', { returns: 1, aux: 4, bytes: 'ab\0' });
    expect(service.getConfigValue(STUN, NETWORKING_CONFIG_SCOPE_GLOBAL, 0).value).toEqual(
      Uint8Array.from([0x61, 0x62, 0]),
    );
  });

  it('answers an unknown value with BAD_VALUE and type 0 after one call', () => {
    expect(service.getConfigValue(12345, NETWORKING_CONFIG_SCOPE_GLOBAL, 0)).toEqual({
      result: NETWORKING_GET_CONFIG_VALUE_BAD_VALUE,
      type: 0,
      value: new Uint8Array(0),
    });
    expect(double.log()).toEqual([expect.stringMatching(SIZE_QUERY)]);
  });

  it('answers a connection that does not exist with BAD_SCOPE_OBJ after one call', () => {
    expect(service.getConfigValue(24, NETWORKING_CONFIG_SCOPE_CONNECTION, 0xdeadbeef).result).toBe(
      NETWORKING_GET_CONFIG_VALUE_BAD_SCOPE_OBJ,
    );
    expect(double.log()).toEqual([expect.stringMatching(/scopeObj=3735928559,.*pResult=NULL/)]);
  });

  it('reads an int64 value as 8 little-endian bytes', () => {
    expect(
      service.getConfigValueTyped(
        NETWORKING_CONFIG_CONNECTION_USER_DATA,
        NETWORKING_CONFIG_SCOPE_GLOBAL,
        0,
      ),
    ).toEqual({
      result: NETWORKING_GET_CONFIG_VALUE_OK,
      type: NETWORKING_CONFIG_TYPE_INT64,
      value: -1n,
    });
    expect(sizesAsked()).toEqual(['NULL 0', 'buf 8']);
  });
});

describe('SetConfigValue', () => {
  it.each<[string, number, number, number | bigint | string, string]>([
    ['int32 by reference', 24, 1, 12345, '&12345'],
    ['float by reference', 2, 3, 0.25, '&0.25'],
    ['int64 by reference', 40, 2, -9007199254740993n, '&-9007199254740993'],
    ['a string as char *', STUN, 4, 'stun.example.org:3478', '"stun.example.org:3478"'],
    ['an empty string', STUN, 4, '', '""'],
    ['a UTF-8 string', STUN, 4, 'é', '"\\xc3\\xa9"'],
  ])('passes %s', (_what, id, dataType, value, shown) => {
    double.clearLog();
    backend.setConfigValue(id, NETWORKING_CONFIG_SCOPE_GLOBAL, 0, dataType, value);
    expect(double.log()).toEqual([
      `SetConfigValue(self=utils,eValue=${id},eScopeType=1,scopeObj=0,eDataType=${dataType},pArg=${shown})`,
    ]);
  });

  it('sets what a later read returns', () => {
    const connection = double.openConnection();
    expect(
      backend.setConfigValue(NETWORKING_CONFIG_CONNECTION_USER_DATA, 4, connection, 2, 42n),
    ).toBe(true);
    expect(
      service.getConfigValueTyped(
        NETWORKING_CONFIG_CONNECTION_USER_DATA,
        NETWORKING_CONFIG_SCOPE_CONNECTION,
        connection,
      ),
    ).toEqual({
      result: NETWORKING_GET_CONFIG_VALUE_OK,
      type: NETWORKING_CONFIG_TYPE_INT64,
      value: 42n,
    });
  });
});

describe('GetConfigValueInfo', () => {
  it('answers NULL (a value Steam does not know) with undefined, and the service with an empty name', () => {
    double.script('GetConfigValueInfo', { returns: 0, aux: 99, aux2: 99 });
    expect(backend.getConfigValueInfo(24)).toBeUndefined();
    double.script('GetConfigValueInfo', { returns: 0 });
    expect(service.getConfigValueInfo(24)).toEqual({ name: '', type: 0, scope: 0 });
  });

  it('reads the name and both outputs', () => {
    double.script('GetConfigValueInfo', { returns: 1, bytes: 'SomeValue', aux: 3, aux2: 1 });
    expect(backend.getConfigValueInfo(77)).toEqual({ name: 'SomeValue', dataType: 3, scope: 1 });
  });
});
