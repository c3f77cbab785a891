/**
 * Reading and writing the SDK's structs as bytes, at the offsets of `struct-layouts.ts` (one source
 * of truth: the offsets are read from the koffi types, never written twice).
 *
 * Decoders work on a copy of the native memory (`copyNativeBytes`), never on the native memory
 * itself: a callback struct lives only until `ManualDispatch_FreeLastCallback` or until the global
 * callback returns. Strings are read up to their NUL or the end of their fixed array, whichever
 * comes first, as UTF-8 with invalid sequences replaced (U+FFFD): data from Steam never throws.
 * A buffer shorter than the struct is a programming error (the caller copies `type.size` bytes).
 */
import {
  type BackendConnectionInfo,
  type RelayNetworkStatus,
} from '../../../port/networking-utils-backend.js';
import { type NativePointer } from './steam-api.js';
import {
  FAKE_IP_RESULT_MAX_PORTS,
  offsetOf,
  type SteamStructLayouts,
  type SteamStructName,
} from './struct-layouts.js';
import { getSteamStructLayouts } from './struct-layouts.js';

/** `ESteamNetworkingIdentityType` values the decoders tell apart. */
export const IDENTITY_TYPE = Object.freeze({
  INVALID: 0,
  IP_ADDRESS: 1,
  GENERIC_STRING: 2,
  GENERIC_BYTES: 3,
  UNKNOWN_TYPE: 4,
  STEAM_ID: 16,
  XBOX_PAIRWISE_ID: 17,
  SONY_PSN: 18,
});

/** A decoded `SteamNetworkingIPAddr`. */
export interface SteamIPAddrValue {
  /** `m_ipv6`: the 16 address bytes (an IPv4 address is mapped as ::ffff:a.b.c.d), a copy. */
  readonly ipv6: Uint8Array;
  /** The host-order IPv4 address when `ipv6` is IPv4-mapped, else undefined. */
  readonly ipv4: number | undefined;
  /** `m_port`, host order. */
  readonly port: number;
}

/** A decoded `SteamNetworkingIdentity`. */
export interface SteamIdentityValue {
  /** `m_eType`, an `ESteamNetworkingIdentityType`. */
  readonly type: number;
  /** `m_cbSize`: how many bytes of the union are meaningful. */
  readonly size: number;
  /** The SteamID64 when `type` is `STEAM_ID`, else 0n (as `GetSteamID64()` answers). */
  readonly steamId: bigint;
  /** The address when `type` is `IP_ADDRESS`. */
  readonly ipAddress?: SteamIPAddrValue;
  /** The text when `type` is `GENERIC_STRING`, `XBOX_PAIRWISE_ID` or `UNKNOWN_TYPE`. */
  readonly text?: string;
  /** The bytes (at most 32, a copy) when `type` is `GENERIC_BYTES`. */
  readonly genericBytes?: Uint8Array;
  /** The PSN id when `type` is `SONY_PSN`. */
  readonly psnId?: bigint;
}

/** A decoded `SteamNetConnectionInfo_t`. */
export interface SteamConnectionInfoValue {
  readonly identityRemote: SteamIdentityValue;
  /** `m_nUserData`. */
  readonly userData: bigint;
  /** `m_hListenSocket`. */
  readonly listenSocket: number;
  /** `m_addrRemote`. */
  readonly remoteAddress: SteamIPAddrValue;
  /** `m_idPOPRemote`. */
  readonly popRemote: number;
  /** `m_idPOPRelay`. */
  readonly relayPopId: number;
  /** `m_eState`, an `ESteamNetworkingConnectionState`. */
  readonly state: number;
  /** `m_eEndReason`. */
  readonly endReason: number;
  /** `m_szEndDebug`. */
  readonly endDebug: string;
  /** `m_szConnectionDescription`. */
  readonly connectionDescription: string;
  /** `m_nFlags`, `k_nSteamNetworkConnectionInfoFlags_*` bits. */
  readonly flags: number;
}

/** A decoded `CallbackMsg_t`. */
export interface CallbackMessage {
  /** `m_hSteamUser`. */
  readonly steamUser: number;
  /** `m_iCallback`: which struct `param` points to (see `STEAM_CALLBACK_IDS`). */
  readonly callbackId: number;
  /** `m_pubParam`: valid only until `ManualDispatch_FreeLastCallback`; null for a null pointer. */
  readonly param: NativePointer | null;
  /** `m_cubParam`: the struct's size in bytes. */
  readonly paramSize: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function requireBytes(bytes: Uint8Array, offset: number, size: number, what: string): void {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(`${what}: bytes must be a Uint8Array`);
  }
  if (!Number.isInteger(offset) || offset < 0 || offset + size > bytes.byteLength) {
    throw new RangeError(
      `${what}: needs ${size} bytes at offset ${offset}, the buffer has ${bytes.byteLength}; ` +
        'copy the whole struct (its koffi type size) first',
    );
  }
}

function requireStruct(
  bytes: Uint8Array,
  offset: number,
  layout: SteamStructLayouts,
  name: SteamStructName,
  what: string,
): void {
  requireBytes(bytes, offset, layout[name].size, what);
}

/**
 * A C string held in a fixed array of `maxBytes` bytes at `offset`: up to its first NUL, or all
 * `maxBytes` when there is none. Invalid UTF-8 becomes U+FFFD; never throws for the content.
 */
export function readCString(bytes: Uint8Array, offset: number, maxBytes: number): string {
  requireBytes(bytes, offset, maxBytes, 'readCString');
  const field = bytes.subarray(offset, offset + maxBytes);
  const end = field.indexOf(0);
  return utf8.decode(end === -1 ? field : field.subarray(0, end));
}

/**
 * Decodes the `SteamNetworkingIPAddr` (18 bytes) at `offset`.
 *
 * @returns the address; `ipv4` is undefined unless the bytes are IPv4-mapped (::ffff:a.b.c.d).
 */
export function decodeIPAddr(bytes: Uint8Array, offset = 0): SteamIPAddrValue {
  requireBytes(bytes, offset, 18, 'decodeIPAddr');
  const ipv6 = bytes.slice(offset, offset + 16);
  const mapped =
    ipv6.subarray(0, 10).every((byte) => byte === 0) && ipv6[10] === 0xff && ipv6[11] === 0xff;
  const data = view(bytes);
  return {
    ipv6,
    ipv4: mapped ? data.getUint32(offset + 12, false) : undefined,
    port: data.getUint16(offset + 16, true),
  };
}

/**
 * An address as text, as `SteamNetworkingIPAddr::ToString` writes it: `a.b.c.d` or `a.b.c.d:port`
 * for IPv4, `[v6]:port` / `v6` (RFC 5952) for IPv6; the port only when `withPort` and non-zero.
 *
 * @returns '' for the all-zero address (Steam's "no address").
 */
export function formatIPAddr(addr: SteamIPAddrValue, withPort = true): string {
  const showPort = withPort && addr.port !== 0;
  if (addr.ipv4 !== undefined) {
    const ip = addr.ipv4;
    const text = `${ip >>> 24}.${(ip >>> 16) & 0xff}.${(ip >>> 8) & 0xff}.${ip & 0xff}`;
    return showPort ? `${text}:${addr.port}` : text;
  }
  if (addr.ipv6.every((byte) => byte === 0)) {
    return '';
  }
  const text = formatIPv6(addr.ipv6);
  return showPort ? `[${text}]:${addr.port}` : text;
}

/** RFC 5952: lowercase hex groups, the longest run (≥ 2) of zero groups as `::`, first on a tie. */
function formatIPv6(bytes: Uint8Array): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i]! << 8) | bytes[i + 1]!);
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = (list: number[]): string => list.map((group) => group.toString(16)).join(':');
  if (bestStart === -1) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`;
}

/**
 * A `SteamNetworkingIPAddr` (18 bytes) holding the IPv4 address `ipv4` (host order) and `port`,
 * as `SetIPv4` writes it.
 *
 * @throws RangeError when `ipv4` is not a uint32 or `port` not a uint16.
 */
export function encodeIPv4Addr(ipv4: number, port: number): Uint8Array {
  if (!Number.isInteger(ipv4) || ipv4 < 0 || ipv4 > 0xffffffff) {
    throw new RangeError(
      `encodeIPv4Addr: ipv4 must be an integer from 0 to 4294967295, got ${ipv4}`,
    );
  }
  if (!Number.isInteger(port) || port < 0 || port > 0xffff) {
    throw new RangeError(`encodeIPv4Addr: port must be an integer from 0 to 65535, got ${port}`);
  }
  const bytes = new Uint8Array(18);
  const data = view(bytes);
  bytes[10] = 0xff;
  bytes[11] = 0xff;
  data.setUint32(12, ipv4, false);
  data.setUint16(16, port, true);
  return bytes;
}

/**
 * Decodes the `SteamNetworkingIdentity` (136 bytes) at `offset`. An unknown type decodes to its
 * type and size with `steamId` 0n: Steam may add identity types.
 */
export function decodeIdentity(bytes: Uint8Array, offset = 0): SteamIdentityValue {
  requireBytes(bytes, offset, 136, 'decodeIdentity');
  const data = view(bytes);
  const type = data.getInt32(offset, true);
  const size = data.getInt32(offset + 4, true);
  const union = offset + 8;
  switch (type) {
    case IDENTITY_TYPE.STEAM_ID:
      return { type, size, steamId: data.getBigUint64(union, true) };
    case IDENTITY_TYPE.SONY_PSN:
      return { type, size, steamId: 0n, psnId: data.getBigUint64(union, true) };
    case IDENTITY_TYPE.IP_ADDRESS:
      return { type, size, steamId: 0n, ipAddress: decodeIPAddr(bytes, union) };
    case IDENTITY_TYPE.GENERIC_STRING:
      return { type, size, steamId: 0n, text: readCString(bytes, union, 32) };
    case IDENTITY_TYPE.XBOX_PAIRWISE_ID:
      return { type, size, steamId: 0n, text: readCString(bytes, union, 33) };
    case IDENTITY_TYPE.UNKNOWN_TYPE:
      return { type, size, steamId: 0n, text: readCString(bytes, union, 128) };
    case IDENTITY_TYPE.GENERIC_BYTES: {
      const length = Math.max(0, Math.min(size, 32));
      return { type, size, steamId: 0n, genericBytes: bytes.slice(union, union + length) };
    }
    default:
      return { type, size, steamId: 0n };
  }
}

/**
 * A `SteamNetworkingIdentity` (136 bytes) holding a SteamID, as `SetSteamID64` writes it.
 *
 * @throws RangeError when `steamId` is not a uint64 bigint.
 */
export function encodeSteamIdIdentity(steamId: bigint): Uint8Array {
  if (typeof steamId !== 'bigint' || steamId < 0n || steamId > 0xffffffffffffffffn) {
    throw new RangeError(
      `encodeSteamIdIdentity: steamId must be a uint64 bigint, got ${String(steamId)}`,
    );
  }
  const bytes = new Uint8Array(136);
  const data = view(bytes);
  data.setInt32(0, IDENTITY_TYPE.STEAM_ID, true);
  data.setInt32(4, 8, true);
  data.setBigUint64(8, steamId, true);
  return bytes;
}

/** Decodes a `SteamRelayNetworkStatus_t` (272 bytes, the same on every platform). */
export function decodeRelayNetworkStatus(bytes: Uint8Array): RelayNetworkStatus {
  const type = getSteamStructLayouts(4).SteamRelayNetworkStatus_t;
  requireBytes(bytes, 0, type.size, 'decodeRelayNetworkStatus');
  const data = view(bytes);
  return {
    available: data.getInt32(offsetOf(type, 'm_eAvail'), true),
    pingMeasurementInProgress: data.getInt32(offsetOf(type, 'm_bPingMeasurementInProgress'), true),
    availableNetworkConfig: data.getInt32(offsetOf(type, 'm_eAvailNetworkConfig'), true),
    availableAnyRelay: data.getInt32(offsetOf(type, 'm_eAvailAnyRelay'), true),
    debugMessage: readCString(bytes, offsetOf(type, 'm_debugMsg'), 256),
  };
}

/** Decodes a `SteamNetAuthenticationStatus_t` (260 bytes, the same on every platform). */
export function decodeAuthenticationStatus(bytes: Uint8Array): {
  available: number;
  debugMessage: string;
} {
  const type = getSteamStructLayouts(4).SteamNetAuthenticationStatus_t;
  requireBytes(bytes, 0, type.size, 'decodeAuthenticationStatus');
  return {
    available: view(bytes).getInt32(offsetOf(type, 'm_eAvail'), true),
    debugMessage: readCString(bytes, offsetOf(type, 'm_debugMsg'), 256),
  };
}

/**
 * Decodes a `SteamNetworkingFakeIPResult_t` (160 bytes, the same on every platform). `ports` has
 * all 8 slots (unused ones are 0, as Steam writes them); `steamId` is the identity's SteamID or 0n.
 */
export function decodeFakeIPResult(bytes: Uint8Array): {
  result: number;
  identity: SteamIdentityValue;
  steamId: bigint;
  ipv4: number;
  ports: number[];
} {
  const type = getSteamStructLayouts(4).SteamNetworkingFakeIPResult_t;
  requireBytes(bytes, 0, type.size, 'decodeFakeIPResult');
  const data = view(bytes);
  const identity = decodeIdentity(bytes, offsetOf(type, 'm_identity'));
  const portsAt = offsetOf(type, 'm_unPorts');
  const ports: number[] = [];
  for (let i = 0; i < FAKE_IP_RESULT_MAX_PORTS; i++)
    ports.push(data.getUint16(portsAt + 2 * i, true));
  return {
    result: data.getInt32(offsetOf(type, 'm_eResult'), true),
    identity,
    steamId: identity.steamId,
    ipv4: data.getUint32(offsetOf(type, 'm_unIP'), true),
    ports,
  };
}

/** Decodes the `SteamNetConnectionInfo_t` at `offset` (its layout is the same in both packings). */
export function decodeConnectionInfo(
  bytes: Uint8Array,
  offset: number,
  layout: SteamStructLayouts,
): SteamConnectionInfoValue {
  requireStruct(bytes, offset, layout, 'SteamNetConnectionInfo_t', 'decodeConnectionInfo');
  const type = layout.SteamNetConnectionInfo_t;
  const at = (name: string): number => offset + offsetOf(type, name);
  const data = view(bytes);
  return {
    identityRemote: decodeIdentity(bytes, at('m_identityRemote')),
    userData: data.getBigInt64(at('m_nUserData'), true),
    listenSocket: data.getUint32(at('m_hListenSocket'), true),
    remoteAddress: decodeIPAddr(bytes, at('m_addrRemote')),
    popRemote: data.getUint32(at('m_idPOPRemote'), true),
    relayPopId: data.getUint32(at('m_idPOPRelay'), true),
    state: data.getInt32(at('m_eState'), true),
    endReason: data.getInt32(at('m_eEndReason'), true),
    endDebug: readCString(bytes, at('m_szEndDebug'), 128),
    connectionDescription: readCString(bytes, at('m_szConnectionDescription'), 128),
    flags: data.getInt32(at('m_nFlags'), true),
  };
}

/** A decoded connection info in the seam's shape (`BackendConnectionInfo`). */
export function toBackendConnectionInfo(info: SteamConnectionInfoValue): BackendConnectionInfo {
  return {
    identity: info.identityRemote.steamId,
    userData: info.userData,
    listenSocket: info.listenSocket,
    remoteAddress: formatIPAddr(info.remoteAddress),
    remotePopId: info.popRemote,
    relayPopId: info.relayPopId,
    connectionState: info.state,
    endReason: info.endReason,
    endDebug: info.endDebug,
    connectionDescription: info.connectionDescription,
  };
}

/**
 * Decodes a `SteamNetConnectionStatusChangedCallback_t` (704 bytes with pack 4, 712 with pack 8:
 * `m_info` starts at 4 or 8).
 */
export function decodeConnectionStatusChanged(
  bytes: Uint8Array,
  layout: SteamStructLayouts,
): { connection: number; info: SteamConnectionInfoValue; oldState: number } {
  const name = 'SteamNetConnectionStatusChangedCallback_t';
  requireStruct(bytes, 0, layout, name, 'decodeConnectionStatusChanged');
  const type = layout[name];
  const data = view(bytes);
  return {
    connection: data.getUint32(offsetOf(type, 'm_hConn'), true),
    info: decodeConnectionInfo(bytes, offsetOf(type, 'm_info'), layout),
    oldState: data.getInt32(offsetOf(type, 'm_eOldState'), true),
  };
}

/** Decodes a `SteamNetworkingMessagesSessionRequest_t` (136 bytes, the same on every platform). */
export function decodeMessagesSessionRequest(bytes: Uint8Array): {
  identityRemote: SteamIdentityValue;
  steamId: bigint;
} {
  requireBytes(bytes, 0, 136, 'decodeMessagesSessionRequest');
  const identityRemote = decodeIdentity(bytes, 0);
  return { identityRemote, steamId: identityRemote.steamId };
}

/** Decodes a `SteamNetworkingMessagesSessionFailed_t` (696 bytes). */
export function decodeMessagesSessionFailed(
  bytes: Uint8Array,
  layout: SteamStructLayouts,
): { info: SteamConnectionInfoValue } {
  const name = 'SteamNetworkingMessagesSessionFailed_t';
  requireStruct(bytes, 0, layout, name, 'decodeMessagesSessionFailed');
  return { info: decodeConnectionInfo(bytes, offsetOf(layout[name], 'm_info'), layout) };
}

/** Decodes a `CallbackMsg_t` (20 bytes with pack 4, 24 with pack 8; 64-bit pointers). */
export function decodeCallbackMsg(bytes: Uint8Array, layout: SteamStructLayouts): CallbackMessage {
  requireStruct(bytes, 0, layout, 'CallbackMsg_t', 'decodeCallbackMsg');
  const type = layout.CallbackMsg_t;
  const data = view(bytes);
  const param = data.getBigUint64(offsetOf(type, 'm_pubParam'), true);
  return {
    steamUser: data.getInt32(offsetOf(type, 'm_hSteamUser'), true),
    callbackId: data.getInt32(offsetOf(type, 'm_iCallback'), true),
    param: param === 0n ? null : param,
    paramSize: data.getInt32(offsetOf(type, 'm_cubParam'), true),
  };
}

/**
 * A `SteamNetworkingConfigValue_t` (16 bytes) for `SetConfigValueStruct`: `value` is a number for
 * INT32 (1) and FLOAT (3), a bigint for INT64 (2), and a pointer for STRING (4, the address of a
 * NUL-terminated UTF-8 buffer that outlives the call) and PTR (5). The binding's
 * `SetConfigValueStruct` refuses a STRING one (a raw address it cannot vouch for) and a PTR one
 * that is not NULL or Relaylane's own callback; the encoding exists for the test double's specs.
 *
 * @throws RangeError when `dataType` is not 1-5 or `value` does not fit it.
 */
export function encodeConfigValueStruct(
  configValue: number,
  dataType: number,
  value: number | bigint,
): Uint8Array {
  if (!Number.isInteger(configValue) || configValue < -(2 ** 31) || configValue >= 2 ** 31) {
    throw new RangeError(
      `encodeConfigValueStruct: configValue must be an int32, got ${configValue}`,
    );
  }
  const type = getSteamStructLayouts(4).SteamNetworkingConfigValue_t;
  const bytes = new Uint8Array(type.size);
  const data = view(bytes);
  const at = offsetOf(type, 'm_val');
  data.setInt32(offsetOf(type, 'm_eValue'), configValue, true);
  data.setInt32(offsetOf(type, 'm_eDataType'), dataType, true);
  const fail = (expected: string): never => {
    throw new RangeError(
      `encodeConfigValueStruct: a value of data type ${dataType} must be ${expected}, got ${String(value)}`,
    );
  };
  switch (dataType) {
    case 1:
      if (
        typeof value !== 'number' ||
        !Number.isInteger(value) ||
        value < -(2 ** 31) ||
        value >= 2 ** 31
      ) {
        fail('an int32 number');
      }
      data.setInt32(at, value as number, true);
      break;
    case 2:
      if (typeof value !== 'bigint' || value < -(2n ** 63n) || value >= 2n ** 63n)
        fail('an int64 bigint');
      data.setBigInt64(at, value as bigint, true);
      break;
    case 3:
      if (
        typeof value !== 'number' ||
        !Number.isFinite(value) ||
        Math.abs(value) > 3.4028234663852886e38
      ) {
        fail('a finite float32 number');
      }
      data.setFloat32(at, value as number, true);
      break;
    case 4:
    case 5:
      if (typeof value !== 'bigint' || value < 0n || value > 0xffffffffffffffffn)
        fail('a pointer (bigint)');
      data.setBigUint64(at, value as bigint, true);
      break;
    default:
      throw new RangeError(`encodeConfigValueStruct: dataType must be 1 to 5, got ${dataType}`);
  }
  return bytes;
}
