/**
 * The six global callbacks through the test double: installed by SetGlobalCallback_* (or the
 * equivalent config value), called on demand with a struct that is scribbled once the callback
 * returns, forgotten on shutdown; and the structs decode at the right offsets.
 */
import koffi from 'koffi';

import { copyNativeBytes } from '../native/native-memory.js';
import { type NativePointer } from '../native/steam-api.js';
import {
  decodeAuthenticationStatus,
  decodeConnectionStatusChanged,
  decodeFakeIPResult,
  decodeMessagesSessionFailed,
  decodeMessagesSessionRequest,
  decodeRelayNetworkStatus,
  toBackendConnectionInfo,
} from '../native/structs.js';
import { type DoubleFixture, startDouble } from './test-support/double-fixture.js';
import {
  authenticationStatusBlob,
  connectionStatusChangedBlob,
  fakeIPResultBlob,
  messagesSessionFailedBlob,
  messagesSessionRequestBlob,
  relayNetworkStatusBlob,
  SAMPLE_CONNECTION_INFO,
} from './test-support/struct-blobs.js';
import { distrustNativePointer, trustNativePointer } from '../native/trusted-pointers.js';

let f: DoubleFixture;
const registered: bigint[] = [];

beforeEach(() => {
  f = startDouble();
});
afterEach(() => {
  // Steam first (Shutdown forgets the callbacks), then the koffi slots.
  f.api.unload();
  for (const pointer of registered.splice(0)) {
    distrustNativePointer(pointer);
    koffi.unregister(pointer);
  }
});

/** Registers a callback that copies its struct (size bytes) and records the copy and the pointer. */
function recorder(
  type: keyof DoubleFixture['api']['callbackTypes'],
  size: number,
): { pointer: bigint; copies: Uint8Array[]; pointers: NativePointer[] } {
  const copies: Uint8Array[] = [];
  const pointers: NativePointer[] = [];
  const pointer = koffi.register((data: NativePointer) => {
    pointers.push(data);
    copies.push(copyNativeBytes(data, size));
  }, f.api.callbackTypes[type]);
  // This spec's own registrations stand for Relaylane's: the binding passes only trusted ones.
  trustNativePointer(pointer);
  registered.push(pointer);
  return { pointer, copies, pointers };
}

describe.each([
  {
    name: 'SetGlobalCallback_SteamNetConnectionStatusChanged',
    configValue: 201,
    type: 'connectionStatusChanged',
  },
  {
    name: 'SetGlobalCallback_SteamNetAuthenticationStatusChanged',
    configValue: 202,
    type: 'authenticationStatusChanged',
  },
  {
    name: 'SetGlobalCallback_SteamRelayNetworkStatusChanged',
    configValue: 203,
    type: 'relayNetworkStatusChanged',
  },
  {
    name: 'SetGlobalCallback_MessagesSessionRequest',
    configValue: 204,
    type: 'messagesSessionRequest',
  },
  {
    name: 'SetGlobalCallback_MessagesSessionFailed',
    configValue: 205,
    type: 'messagesSessionFailed',
  },
  { name: 'SetGlobalCallback_FakeIPResult', configValue: 207, type: 'fakeIPResult' },
] as const)('$name', ({ name, configValue, type }) => {
  it(`installs the function as config value ${configValue}, and NULL uninstalls it`, () => {
    const { pointer } = recorder(type, 4);
    expect(f.api[name](f.self, pointer)).toBe(true);
    expect(f.double.installedCallback(configValue)).toBe(pointer);
    expect(f.api[name](f.self, null)).toBe(true);
    expect(f.double.installedCallback(configValue)).toBeNull();
  });

  it('calls it with a struct that is scribbled once it returns', () => {
    const { pointer, copies, pointers } = recorder(type, 8);
    f.api[name](f.self, pointer);
    const struct = Uint8Array.from({ length: 8 }, (_, i) => i + 1);
    expect(f.double.invokeGlobalCallback(configValue, struct)).toBe(true);
    expect(copies).toEqual([struct]);
    expect(copyNativeBytes(pointers[0]!, 8).every((byte) => byte === 0xdd)).toBe(true);
  });

  it('is forgotten on Shutdown: nothing calls a slot the backend released afterwards', () => {
    const { pointer, copies } = recorder(type, 4);
    f.api[name](f.self, pointer);
    f.api.Shutdown();
    expect(f.double.installedCallback(configValue)).toBeNull();
    expect(f.double.invokeGlobalCallback(configValue, new Uint8Array(4))).toBe(false);
    expect(copies).toEqual([]);
  });

  it('answers a scripted refusal with false and installs nothing', () => {
    const { pointer } = recorder(type, 4);
    f.double.script(name, { returns: false });
    expect(f.api[name](f.self, pointer)).toBe(false);
    expect(f.double.installedCallback(configValue)).toBeNull();
  });
});

it('installs a callback through SetGlobalConfigValuePtr as well', () => {
  const { pointer } = recorder('relayNetworkStatusChanged', 4);
  expect(f.api.SetGlobalConfigValuePtr(f.self, 203, pointer)).toBe(true);
  expect(f.double.installedCallback(203)).toBe(pointer);
});

describe('the structs the callbacks receive decode at the SDK offsets', () => {
  it('SteamNetConnectionStatusChangedCallback_t (704 bytes with pack 4)', () => {
    const { pointer, copies } = recorder(
      'connectionStatusChanged',
      f.api.layout.SteamNetConnectionStatusChangedCallback_t.size,
    );
    f.api.SetGlobalCallback_SteamNetConnectionStatusChanged(f.self, pointer);
    f.double.invokeGlobalCallback(
      201,
      connectionStatusChangedBlob(f.api.layout, 4097, SAMPLE_CONNECTION_INFO, 1),
    );
    const decoded = decodeConnectionStatusChanged(copies[0]!, f.api.layout);
    expect(decoded.connection).toBe(4097);
    expect(decoded.oldState).toBe(1);
    expect(toBackendConnectionInfo(decoded.info)).toEqual({
      identity: 76561198000000001n,
      userData: -42n,
      listenSocket: 0x1234,
      remoteAddress: '192.168.1.2:27015',
      remotePopId: 0x00667261,
      relayPopId: 0x00616d73,
      connectionState: 5,
      endReason: 2001,
      endDebug: 'timed out',
      connectionDescription: '#4097 SteamID 76561198000000001 vport 0',
    });
    expect(decoded.info.flags).toBe(4);
  });

  it('SteamNetAuthenticationStatus_t', () => {
    const { pointer, copies } = recorder('authenticationStatusChanged', 260);
    f.api.SetGlobalCallback_SteamNetAuthenticationStatusChanged(f.self, pointer);
    f.double.invokeGlobalCallback(202, authenticationStatusBlob(-102, 'No certificate'));
    expect(decodeAuthenticationStatus(copies[0]!)).toEqual({
      available: -102,
      debugMessage: 'No certificate',
    });
  });

  it('SteamRelayNetworkStatus_t', () => {
    const { pointer, copies } = recorder('relayNetworkStatusChanged', 272);
    f.api.SetGlobalCallback_SteamRelayNetworkStatusChanged(f.self, pointer);
    f.double.invokeGlobalCallback(
      203,
      relayNetworkStatusBlob({
        available: 3,
        measuring: 1,
        config: 100,
        anyRelay: 3,
        message: 'pinging',
      }),
    );
    expect(decodeRelayNetworkStatus(copies[0]!)).toEqual({
      available: 3,
      pingMeasurementInProgress: 1,
      availableNetworkConfig: 100,
      availableAnyRelay: 3,
      debugMessage: 'pinging',
    });
  });

  it('SteamNetworkingMessagesSessionRequest_t', () => {
    const { pointer, copies } = recorder('messagesSessionRequest', 136);
    f.api.SetGlobalCallback_MessagesSessionRequest(f.self, pointer);
    f.double.invokeGlobalCallback(204, messagesSessionRequestBlob(76561198000000002n));
    expect(decodeMessagesSessionRequest(copies[0]!).steamId).toBe(76561198000000002n);
  });

  it('SteamNetworkingMessagesSessionFailed_t', () => {
    const { pointer, copies } = recorder('messagesSessionFailed', 696);
    f.api.SetGlobalCallback_MessagesSessionFailed(f.self, pointer);
    f.double.invokeGlobalCallback(
      205,
      messagesSessionFailedBlob(f.api.layout, SAMPLE_CONNECTION_INFO),
    );
    const { info } = decodeMessagesSessionFailed(copies[0]!, f.api.layout);
    expect([info.endReason, info.identityRemote.steamId, info.state, info.endDebug]).toEqual([
      2001,
      76561198000000001n,
      5,
      'timed out',
    ]);
  });

  it('SteamNetworkingFakeIPResult_t', () => {
    const { pointer, copies } = recorder('fakeIPResult', 160);
    f.api.SetGlobalCallback_FakeIPResult(f.self, pointer);
    f.double.invokeGlobalCallback(
      207,
      fakeIPResultBlob(1, 76561198000000003n, 0xa9fee053, [20232, 20233]),
    );
    expect(decodeFakeIPResult(copies[0]!)).toMatchObject({
      result: 1,
      steamId: 76561198000000003n,
      ipv4: 0xa9fee053,
      ports: [20232, 20233, 0, 0, 0, 0, 0, 0],
    });
  });
});
