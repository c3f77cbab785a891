/**
 * The byte-level decoders and encoders: field by field, hostile content from Steam never throws,
 * and a buffer shorter than its struct is a programming error.
 */
import {
  decodeAuthenticationStatus,
  decodeCallbackMsg,
  decodeConnectionStatusChanged,
  decodeFakeIPResult,
  decodeIdentity,
  decodeIPAddr,
  decodeRelayNetworkStatus,
  encodeConfigValueStruct,
  encodeIPv4Addr,
  encodeSteamIdIdentity,
  formatIPAddr,
  readCString,
} from './structs.js';
import { getSteamStructLayouts } from './struct-layouts.js';
import {
  connectionStatusChangedBlob,
  SAMPLE_CONNECTION_INFO,
} from '../test-double/test-support/struct-blobs.js';

describe('SteamNetworkingIPAddr', () => {
  it('encodes IPv4 as ::ffff:a.b.c.d with the port in host order, and decodes it back', () => {
    const bytes = encodeIPv4Addr(0xc0a80102, 27015);
    expect([...bytes]).toEqual([
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 168, 1, 2, 0x87, 0x69,
    ]);
    expect(decodeIPAddr(bytes)).toEqual({
      ipv6: bytes.slice(0, 16),
      ipv4: 0xc0a80102,
      port: 27015,
    });
  });

  it.each([
    [encodeIPv4Addr(0x01020304, 80), true, '1.2.3.4:80'],
    [encodeIPv4Addr(0x01020304, 0), true, '1.2.3.4'],
    [encodeIPv4Addr(0x01020304, 80), false, '1.2.3.4'],
    [new Uint8Array(18), true, ''],
  ])('formats %p (with port %p) as %p', (bytes, withPort, text) => {
    expect(formatIPAddr(decodeIPAddr(bytes), withPort)).toBe(text);
  });

  it('formats IPv6 as RFC 5952: the longest zero run as ::, brackets with a port', () => {
    const bytes = new Uint8Array(18);
    bytes.set([0x20, 0x01, 0x0d, 0xb8], 0);
    bytes[15] = 1;
    new DataView(bytes.buffer).setUint16(16, 443, true);
    expect(formatIPAddr(decodeIPAddr(bytes))).toBe('[2001:db8::1]:443');
    const loopback = new Uint8Array(18);
    loopback[15] = 1;
    expect(formatIPAddr(decodeIPAddr(loopback))).toBe('::1');
  });

  it('refuses to encode an address or port out of range', () => {
    expect(() => encodeIPv4Addr(2 ** 32, 0)).toThrow(RangeError);
    expect(() => encodeIPv4Addr(1, 65536)).toThrow(RangeError);
  });
});

describe('SteamNetworkingIdentity', () => {
  it('round-trips a SteamID', () => {
    expect(decodeIdentity(encodeSteamIdIdentity(76561197960287930n))).toEqual({
      type: 16,
      size: 8,
      steamId: 76561197960287930n,
    });
  });

  it('decodes a generic string, generic bytes (cut to 32) and an IP identity, with steamId 0n', () => {
    const identity = new Uint8Array(136);
    const view = new DataView(identity.buffer);
    view.setInt32(0, 2, true);
    identity.set(new TextEncoder().encode('lobby-7'), 8);
    expect(decodeIdentity(identity)).toEqual({ type: 2, size: 0, steamId: 0n, text: 'lobby-7' });
    view.setInt32(0, 3, true);
    view.setInt32(4, 1000, true);
    expect(decodeIdentity(identity).genericBytes).toHaveLength(32);
    view.setInt32(0, 1, true);
    identity.set(encodeIPv4Addr(0x7f000001, 9), 8);
    expect(decodeIdentity(identity).ipAddress).toMatchObject({ ipv4: 0x7f000001, port: 9 });
  });

  it('decodes an unknown type to its type and size only', () => {
    const identity = new Uint8Array(136);
    new DataView(identity.buffer).setInt32(0, 99, true);
    expect(decodeIdentity(identity)).toEqual({ type: 99, size: 0, steamId: 0n });
  });
});

describe('strings from Steam', () => {
  it('stop at the first NUL', () => {
    expect(readCString(Uint8Array.of(0x61, 0x62, 0, 0x63), 0, 4)).toBe('ab');
  });

  it('stop at the end of the field when there is no NUL', () => {
    expect(readCString(Uint8Array.of(0x61, 0x62, 0x63, 0x64), 0, 3)).toBe('abc');
  });

  it('replace invalid UTF-8 instead of throwing', () => {
    expect(readCString(Uint8Array.of(0xff, 0x61, 0), 0, 3)).toBe('\ufffda');
  });
});

describe('callback structs', () => {
  it('decode SteamRelayNetworkStatus_t field by field', () => {
    const bytes = new Uint8Array(272);
    const view = new DataView(bytes.buffer);
    [100, 1, -101, -102].forEach((value, i) => view.setInt32(4 * i, value, true));
    bytes.set(new TextEncoder().encode('hello'), 16);
    expect(decodeRelayNetworkStatus(bytes)).toEqual({
      available: 100,
      pingMeasurementInProgress: 1,
      availableNetworkConfig: -101,
      availableAnyRelay: -102,
      debugMessage: 'hello',
    });
  });

  it('decode SteamNetAuthenticationStatus_t with a message that fills all 256 bytes', () => {
    const bytes = new Uint8Array(260).fill(0x41);
    new DataView(bytes.buffer).setInt32(0, 100, true);
    expect(decodeAuthenticationStatus(bytes)).toEqual({
      available: 100,
      debugMessage: 'A'.repeat(256),
    });
  });

  it('decode the status-changed callback at pack 8 offsets (m_info at 8, old state at 704)', () => {
    const layout = getSteamStructLayouts(8);
    const decoded = decodeConnectionStatusChanged(
      connectionStatusChangedBlob(layout, 77, SAMPLE_CONNECTION_INFO, 4),
      layout,
    );
    expect([
      decoded.connection,
      decoded.oldState,
      decoded.info.userData,
      decoded.info.flags,
    ]).toEqual([77, 4, -42n, 4]);
  });

  it('decode the eight FakeIP ports', () => {
    const bytes = new Uint8Array(160);
    new DataView(bytes.buffer).setUint16(144 + 14, 65535, true);
    expect(decodeFakeIPResult(bytes).ports).toEqual([0, 0, 0, 0, 0, 0, 0, 65535]);
  });

  it('decode CallbackMsg_t, a NULL m_pubParam as null', () => {
    const layout = getSteamStructLayouts(4);
    const bytes = new Uint8Array(20);
    const view = new DataView(bytes.buffer);
    view.setInt32(0, 1, true);
    view.setInt32(4, 1281, true);
    view.setInt32(16, 272, true);
    expect(decodeCallbackMsg(bytes, layout)).toEqual({
      steamUser: 1,
      callbackId: 1281,
      param: null,
      paramSize: 272,
    });
    view.setBigUint64(8, 0x7f0012345678n, true);
    expect(decodeCallbackMsg(bytes, layout).param).toBe(0x7f0012345678n);
  });

  it.each([
    ['decodeRelayNetworkStatus', (): unknown => decodeRelayNetworkStatus(new Uint8Array(271))],
    [
      'decodeConnectionStatusChanged',
      (): unknown => decodeConnectionStatusChanged(new Uint8Array(704), getSteamStructLayouts(8)),
    ],
    [
      'decodeCallbackMsg',
      (): unknown => decodeCallbackMsg(new Uint8Array(20), getSteamStructLayouts(8)),
    ],
    ['decodeIdentity', (): unknown => decodeIdentity(new Uint8Array(136), 1)],
  ])('%s refuses a buffer shorter than its struct with a RangeError', (name, call) => {
    expect(call).toThrow(new RegExp(`^${name}: needs \\d+ bytes`));
  });
});

describe('SteamNetworkingConfigValue_t', () => {
  it('encodes each data type in the union at offset 8', () => {
    const view = (bytes: Uint8Array): DataView => new DataView(bytes.buffer);
    expect(view(encodeConfigValueStruct(24, 1, -7)).getInt32(8, true)).toBe(-7);
    expect(view(encodeConfigValueStruct(40, 2, -1n)).getBigInt64(8, true)).toBe(-1n);
    expect(view(encodeConfigValueStruct(2, 3, 0.5)).getFloat32(8, true)).toBe(0.5);
    const pointer = encodeConfigValueStruct(103, 4, 0x1000n);
    expect([view(pointer).getInt32(0, true), view(pointer).getInt32(4, true)]).toEqual([103, 4]);
    expect(view(pointer).getBigUint64(8, true)).toBe(0x1000n);
  });

  it.each([
    [1, 2 ** 31],
    [2, 1],
    [3, Number.POSITIVE_INFINITY],
    [4, 5],
    [6, 0],
  ])('refuses data type %p with the value %p', (dataType, value) => {
    expect(() => encodeConfigValueStruct(24, dataType, value)).toThrow(RangeError);
  });
});
