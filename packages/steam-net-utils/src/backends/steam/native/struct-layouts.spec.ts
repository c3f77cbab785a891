/**
 * The struct layouts against the sizes and offsets measured from the Steamworks SDK 1.65 headers
 * (the reference's section 2 and its CallbackMsg_t table), for both packings. The values of
 * SteamNetConnectionInfo_t's members follow from its declaration order and the packing rule; its
 * total and the callback's 704/712 bytes are the measured ones. `struct-layouts.cc.spec.ts`
 * checks the same layouts against the C compiler.
 */
import { type TypeObject } from 'koffi';

import { getSteamStructLayouts, offsetOf, type SteamStructName } from './struct-layouts.js';

type Expected = Readonly<
  Record<SteamStructName, { size: number; offsets: Record<string, number> }>
>;

const CONNECTION_INFO_OFFSETS = {
  m_identityRemote: 0,
  m_nUserData: 136,
  m_hListenSocket: 144,
  m_addrRemote: 148,
  m__pad1: 166,
  m_idPOPRemote: 168,
  m_idPOPRelay: 172,
  m_eState: 176,
  m_eEndReason: 180,
  m_szEndDebug: 184,
  m_szConnectionDescription: 312,
  m_nFlags: 440,
  reserved: 444,
};

const COMMON: Omit<Expected, 'CallbackMsg_t' | 'SteamNetConnectionStatusChangedCallback_t'> = {
  SteamNetworkPingLocation_t: { size: 512, offsets: { m_data: 0 } },
  SteamRelayNetworkStatus_t: {
    size: 272,
    offsets: {
      m_eAvail: 0,
      m_bPingMeasurementInProgress: 4,
      m_eAvailNetworkConfig: 8,
      m_eAvailAnyRelay: 12,
      m_debugMsg: 16,
    },
  },
  SteamNetworkingIPAddr: { size: 18, offsets: { m_ipv6: 0, m_port: 16 } },
  SteamNetworkingIdentity: { size: 136, offsets: { m_eType: 0, m_cbSize: 4, m_union: 8 } },
  SteamNetworkingConfigValue_t: { size: 16, offsets: { m_eValue: 0, m_eDataType: 4, m_val: 8 } },
  SteamNetworkingFakeIPResult_t: {
    size: 160,
    offsets: { m_eResult: 0, m_identity: 4, m_unIP: 140, m_unPorts: 144 },
  },
  SteamNetAuthenticationStatus_t: { size: 260, offsets: { m_eAvail: 0, m_debugMsg: 4 } },
  SteamNetConnectionInfo_t: { size: 696, offsets: CONNECTION_INFO_OFFSETS },
  SteamNetworkingMessagesSessionRequest_t: { size: 136, offsets: { m_identityRemote: 0 } },
  SteamNetworkingMessagesSessionFailed_t: { size: 696, offsets: { m_info: 0 } },
  SteamNetworkingMessage_t: {
    size: 216,
    offsets: {
      m_pData: 0,
      m_cbSize: 8,
      m_conn: 12,
      m_identityPeer: 16,
      m_nConnUserData: 152,
      m_usecTimeReceived: 160,
      m_nMessageNumber: 168,
      m_pfnFreeData: 176,
      m_pfnRelease: 184,
      m_nChannel: 192,
      m_nFlags: 196,
      m_nUserData: 200,
      m_idxLane: 208,
    },
  },
};

const EXPECTED: Readonly<Record<4 | 8, Expected>> = {
  4: {
    ...COMMON,
    CallbackMsg_t: {
      size: 20,
      offsets: { m_hSteamUser: 0, m_iCallback: 4, m_pubParam: 8, m_cubParam: 16 },
    },
    SteamNetConnectionStatusChangedCallback_t: {
      size: 704,
      offsets: { m_hConn: 0, m_info: 4, m_eOldState: 700 },
    },
  },
  8: {
    ...COMMON,
    CallbackMsg_t: {
      size: 24,
      offsets: { m_hSteamUser: 0, m_iCallback: 4, m_pubParam: 8, m_cubParam: 16 },
    },
    SteamNetConnectionStatusChangedCallback_t: {
      size: 712,
      offsets: { m_hConn: 0, m_info: 8, m_eOldState: 704 },
    },
  },
};

function actualOffsets(type: TypeObject, names: readonly string[]): Record<string, number> {
  return Object.fromEntries(names.map((name) => [name, offsetOf(type, name)]));
}

describe.each([4, 8] as const)('SDK struct layouts with pack %d', (pack) => {
  const layouts = getSteamStructLayouts(pack);

  it('declares exactly the expected structs', () => {
    expect(
      Object.keys(layouts)
        .filter((key) => key !== 'pack')
        .sort(),
    ).toEqual(Object.keys(EXPECTED[pack]).sort());
  });

  it.each(Object.keys(EXPECTED[pack]) as SteamStructName[])(
    '%s: size and member offsets',
    (name) => {
      const expected = EXPECTED[pack][name];
      const type = layouts[name];
      expect({
        size: type.size,
        offsets: actualOffsets(type, Object.keys(expected.offsets)),
      }).toEqual(expected);
    },
  );

  it('finds nested members: the connection state inside the status-changed callback', () => {
    const info = pack === 4 ? 4 : 8;
    expect(offsetOf(layouts.SteamNetConnectionStatusChangedCallback_t, 'm_info', 'm_eState')).toBe(
      info + 176,
    );
  });

  it('returns the same layouts object on every call', () => {
    expect(getSteamStructLayouts(pack)).toBe(layouts);
  });
});

describe('offsetOf', () => {
  it('throws a RangeError naming a member that does not exist', () => {
    expect(() => offsetOf(getSteamStructLayouts(4).CallbackMsg_t, 'm_nope')).toThrow(
      /'m_nope' is not a member/,
    );
  });
});
