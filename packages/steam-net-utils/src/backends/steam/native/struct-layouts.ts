/**
 * The Steamworks SDK's structs as koffi types, laid out exactly as the SDK headers pack them
 * (`steamnetworkingtypes.h`, `isteamnetworkingutils.h`, `steamnetworkingfakeip.h`,
 * `isteamnetworkingmessages.h`, `steam_api_internal.h`; SDK 1.64/1.65):
 * - `SteamNetworkingIPAddr` and `SteamNetworkingIdentity` sit inside `#pragma pack(push, 1)`;
 * - the callback structs sit inside `VALVE_CALLBACK_PACK_SMALL` (pack 4: Linux, macOS) or
 *   `VALVE_CALLBACK_PACK_LARGE` (pack 8: Windows), so a member is aligned to the smaller of its
 *   natural alignment and the pack, and only `int64` members (in `SteamNetConnectionInfo_t`) move;
 * - except the two callbacks of `isteamnetworkingmessages.h`
 *   (`SteamNetworkingMessagesSessionRequest_t`, `…SessionFailed_t`), which that header declares
 *   inside `#pragma pack(push, 1)`: their alignment is 1 (their sizes and offsets come out the
 *   same, since each has one member at offset 0);
 * - `SteamNetworkPingLocation_t`, `SteamRelayNetworkStatus_t`, `SteamNetworkingConfigValue_t` and
 *   `SteamNetworkingMessage_t` sit outside any pack (natural alignment).
 *
 * koffi's `pack()` packs to 1 byte; a pack of 4 or 8 is built by giving each member an explicit
 * alignment of `min(natural, pack)` (see {@link packedStruct}). Every type here is anonymous: koffi
 * type names are global to the process, and anonymous types can be made again (by another test
 * file of the same worker, say) without clashing. Nothing is created until
 * {@link getSteamStructLayouts} is first called.
 */
import koffi, { type TypeObject } from 'koffi';

import { type StructPack } from './steam-platform.js';

/** Every struct the Steam backend exchanges with the library, as koffi types. */
export interface SteamStructLayouts {
  /** The packing these layouts follow. */
  readonly pack: StructPack;
  /** `CallbackMsg_t` (20 bytes with pack 4, 24 with pack 8). */
  readonly CallbackMsg_t: TypeObject;
  /** `SteamNetworkPingLocation_t`: 512 opaque bytes. */
  readonly SteamNetworkPingLocation_t: TypeObject;
  /** `SteamRelayNetworkStatus_t` (callback 1281), 272 bytes. */
  readonly SteamRelayNetworkStatus_t: TypeObject;
  /** `SteamNetworkingIPAddr`, 18 bytes, packed to 1. */
  readonly SteamNetworkingIPAddr: TypeObject;
  /** `SteamNetworkingIdentity`, 136 bytes, packed to 1. */
  readonly SteamNetworkingIdentity: TypeObject;
  /** `SteamNetworkingConfigValue_t`, 16 bytes. */
  readonly SteamNetworkingConfigValue_t: TypeObject;
  /** `SteamNetworkingFakeIPResult_t` (callback 1223), 160 bytes. */
  readonly SteamNetworkingFakeIPResult_t: TypeObject;
  /** `SteamNetAuthenticationStatus_t` (callback 1222), 260 bytes. */
  readonly SteamNetAuthenticationStatus_t: TypeObject;
  /** `SteamNetConnectionInfo_t`, 696 bytes. */
  readonly SteamNetConnectionInfo_t: TypeObject;
  /** `SteamNetConnectionStatusChangedCallback_t` (callback 1221): 704 bytes with pack 4, 712 with pack 8. */
  readonly SteamNetConnectionStatusChangedCallback_t: TypeObject;
  /** `SteamNetworkingMessagesSessionRequest_t` (callback 1251), 136 bytes. */
  readonly SteamNetworkingMessagesSessionRequest_t: TypeObject;
  /** `SteamNetworkingMessagesSessionFailed_t` (callback 1252), 696 bytes. */
  readonly SteamNetworkingMessagesSessionFailed_t: TypeObject;
  /** `SteamNetworkingMessage_t` (what `AllocateMessage` returns), 216 bytes. */
  readonly SteamNetworkingMessage_t: TypeObject;
}

/** The name of one struct of {@link SteamStructLayouts}. */
export type SteamStructName = Exclude<keyof SteamStructLayouts, 'pack'>;

/** The callback ids (`k_iCallback`) of the structs that arrive through manual dispatch. */
export const STEAM_CALLBACK_IDS = Object.freeze({
  /** `SteamNetConnectionStatusChangedCallback_t`: k_iSteamNetworkingSocketsCallbacks + 1. */
  connectionStatusChanged: 1221,
  /** `SteamNetAuthenticationStatus_t`: k_iSteamNetworkingSocketsCallbacks + 2. */
  authenticationStatus: 1222,
  /** `SteamNetworkingFakeIPResult_t`: k_iSteamNetworkingSocketsCallbacks + 3. */
  fakeIPResult: 1223,
  /** `SteamNetworkingMessagesSessionRequest_t`: k_iSteamNetworkingMessagesCallbacks + 1. */
  messagesSessionRequest: 1251,
  /** `SteamNetworkingMessagesSessionFailed_t`: k_iSteamNetworkingMessagesCallbacks + 2. */
  messagesSessionFailed: 1252,
  /** `SteamRelayNetworkStatus_t`: k_iSteamNetworkingUtilsCallbacks + 1. */
  relayNetworkStatus: 1281,
});

/** `k_cchMaxSteamErrMsg`: the size of the buffer `SteamAPI_InitFlat` writes its message into. */
export const STEAM_ERR_MSG_BYTES = 1024;
/** `SteamNetworkingIPAddr::k_cchMaxString`. */
export const MAX_IP_ADDR_STRING_BYTES = 48;
/** `SteamNetworkingIdentity::k_cchMaxString`. */
export const MAX_IDENTITY_STRING_BYTES = 128;
/** `SteamNetworkingFakeIPResult_t::k_nMaxReturnPorts`. */
export const FAKE_IP_RESULT_MAX_PORTS = 8;

type Members = ReadonlyArray<readonly [name: string, type: TypeObject | string]>;

/**
 * A struct whose members are aligned as `#pragma pack(pack)` aligns them: each to the smaller of
 * its natural alignment and `pack`. With `pack` 0, natural alignment (no pragma in force).
 */
function packedStruct(pack: 0 | 1 | StructPack, members: Members): TypeObject {
  const def: Record<string, [number, TypeObject]> = {};
  for (const [name, spec] of members) {
    const type = koffi.type(spec);
    def[name] = [pack === 0 ? type.alignment : Math.min(type.alignment, pack), type];
  }
  return koffi.struct(def);
}

function bytes(length: number): TypeObject {
  return koffi.array('uint8_t', length, 'Typed');
}

function chars(length: number): TypeObject {
  return koffi.array('char', length, 'String');
}

const cache = new Map<StructPack, SteamStructLayouts>();

/**
 * The SDK's struct layouts for a packing (made on first call, then shared). Use
 * `steamPlatformInfo(platform).pack` for the platform's packing; both are available on every
 * platform, so the layouts of either can be checked anywhere.
 */
export function getSteamStructLayouts(pack: StructPack): SteamStructLayouts {
  let layouts = cache.get(pack);
  if (layouts === undefined) {
    layouts = Object.freeze(createLayouts(pack));
    cache.set(pack, layouts);
  }
  return layouts;
}

function createLayouts(pack: StructPack): SteamStructLayouts {
  // #pragma pack(push, 1)
  const ipAddr = packedStruct(1, [
    ['m_ipv6', bytes(16)],
    ['m_port', 'uint16_t'],
  ]);
  const identityUnion = koffi.union({
    m_steamID64: [1, koffi.types.uint64],
    m_PSNID: [1, koffi.types.uint64],
    m_szGenericString: [1, chars(32)],
    m_szXboxPairwiseID: [1, chars(33)],
    m_genericBytes: [1, bytes(32)],
    m_szUnknownRawString: [1, chars(128)],
    m_ip: [1, ipAddr],
    m_reserved: [1, koffi.array('uint32_t', 32, 'Typed')],
  });
  const identity = packedStruct(1, [
    ['m_eType', 'int32_t'],
    ['m_cbSize', 'int32_t'],
    ['m_union', identityUnion],
  ]);

  // Callback structs: VALVE_CALLBACK_PACK_SMALL / _LARGE.
  const connectionInfo = packedStruct(pack, [
    ['m_identityRemote', identity],
    ['m_nUserData', 'int64_t'],
    ['m_hListenSocket', 'uint32_t'],
    ['m_addrRemote', ipAddr],
    ['m__pad1', 'uint16_t'],
    ['m_idPOPRemote', 'uint32_t'],
    ['m_idPOPRelay', 'uint32_t'],
    ['m_eState', 'int32_t'],
    ['m_eEndReason', 'int32_t'],
    ['m_szEndDebug', chars(128)],
    ['m_szConnectionDescription', chars(128)],
    ['m_nFlags', 'int32_t'],
    ['reserved', koffi.array('uint32_t', 63, 'Typed')],
  ]);

  return {
    pack,
    CallbackMsg_t: packedStruct(pack, [
      ['m_hSteamUser', 'int32_t'],
      ['m_iCallback', 'int32_t'],
      ['m_pubParam', 'void *'],
      ['m_cubParam', 'int32_t'],
    ]),
    SteamNetworkPingLocation_t: packedStruct(0, [['m_data', bytes(512)]]),
    SteamRelayNetworkStatus_t: packedStruct(0, [
      ['m_eAvail', 'int32_t'],
      ['m_bPingMeasurementInProgress', 'int32_t'],
      ['m_eAvailNetworkConfig', 'int32_t'],
      ['m_eAvailAnyRelay', 'int32_t'],
      ['m_debugMsg', chars(256)],
    ]),
    SteamNetworkingIPAddr: ipAddr,
    SteamNetworkingIdentity: identity,
    SteamNetworkingConfigValue_t: packedStruct(0, [
      ['m_eValue', 'int32_t'],
      ['m_eDataType', 'int32_t'],
      [
        'm_val',
        koffi.union({
          m_int32: 'int32_t',
          m_int64: 'int64_t',
          m_float: 'float',
          m_string: 'const char *',
          m_ptr: 'void *',
        }),
      ],
    ]),
    SteamNetworkingFakeIPResult_t: packedStruct(pack, [
      ['m_eResult', 'int32_t'],
      ['m_identity', identity],
      ['m_unIP', 'uint32_t'],
      ['m_unPorts', koffi.array('uint16_t', FAKE_IP_RESULT_MAX_PORTS, 'Typed')],
    ]),
    SteamNetAuthenticationStatus_t: packedStruct(pack, [
      ['m_eAvail', 'int32_t'],
      ['m_debugMsg', chars(256)],
    ]),
    SteamNetConnectionInfo_t: connectionInfo,
    SteamNetConnectionStatusChangedCallback_t: packedStruct(pack, [
      ['m_hConn', 'uint32_t'],
      ['m_info', connectionInfo],
      ['m_eOldState', 'int32_t'],
    ]),
    SteamNetworkingMessagesSessionRequest_t: packedStruct(1, [['m_identityRemote', identity]]),
    SteamNetworkingMessagesSessionFailed_t: packedStruct(1, [['m_info', connectionInfo]]),
    SteamNetworkingMessage_t: packedStruct(0, [
      ['m_pData', 'void *'],
      ['m_cbSize', 'int32_t'],
      ['m_conn', 'uint32_t'],
      ['m_identityPeer', identity],
      ['m_nConnUserData', 'int64_t'],
      ['m_usecTimeReceived', 'int64_t'],
      ['m_nMessageNumber', 'int64_t'],
      ['m_pfnFreeData', 'void *'],
      ['m_pfnRelease', 'void *'],
      ['m_nChannel', 'int32_t'],
      ['m_nFlags', 'int32_t'],
      ['m_nUserData', 'int64_t'],
      ['m_idxLane', 'uint16_t'],
      ['_pad1__', 'uint16_t'],
    ]),
  };
}

/**
 * The byte offset of `path` (member names, outer to inner) in a struct type, e.g.
 * `offsetOf(layout.SteamNetConnectionStatusChangedCallback_t, 'm_info', 'm_eState')`.
 *
 * @throws RangeError when a name is not a member (a programming error).
 */
export function offsetOf(type: TypeObject, ...path: readonly string[]): number {
  let offset = 0;
  let current = type;
  for (const name of path) {
    const member = current.members?.[name];
    if (member === undefined) {
      throw new RangeError(`offsetOf: '${name}' is not a member of ${current.name}`);
    }
    offset += member.offset;
    current = member.type;
  }
  return offset;
}
