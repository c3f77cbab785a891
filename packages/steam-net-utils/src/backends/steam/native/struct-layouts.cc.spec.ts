/**
 * The koffi layouts against the C compiler: a small C program declares the structs as the SDK
 * headers do (`#pragma pack(push, 1)` for the address and identity, the callback pack 4 or 8 for
 * the callback structs, no pragma for the rest) and prints sizeof/offsetof of every member koffi
 * knows; both packings are compiled on this machine (pack 8 as `VALVE_CALLBACK_PACK_LARGE` does).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
  getSteamStructLayouts,
  STEAM_CALLBACK_IDS,
  type SteamStructName,
} from './struct-layouts.js';

// The SDK's declarations (steamnetworkingtypes.h, isteamnetworkingutils.h, steamnetworkingfakeip.h,
// isteamnetworkingmessages.h, steam_api_internal.h), member names as the headers spell them.
const PACKED_1 = `
#pragma pack(push, 1)
typedef struct { uint8_t m_ipv6[16]; uint16_t m_port; } SteamNetworkingIPAddr;
typedef struct {
  int32_t m_eType;
  int m_cbSize;
  union {
    uint64_t m_steamID64; uint64_t m_PSNID; char m_szGenericString[32]; char m_szXboxPairwiseID[33];
    uint8_t m_genericBytes[32]; char m_szUnknownRawString[128]; SteamNetworkingIPAddr m_ip; uint32_t m_reserved[32];
  } m_union;
} SteamNetworkingIdentity;
#pragma pack(pop)

typedef struct { uint8_t m_data[512]; } SteamNetworkPingLocation_t;
typedef struct {
  int32_t m_eAvail; int m_bPingMeasurementInProgress; int32_t m_eAvailNetworkConfig; int32_t m_eAvailAnyRelay;
  char m_debugMsg[256];
} SteamRelayNetworkStatus_t;
typedef struct {
  int32_t m_eValue; int32_t m_eDataType;
  union { int32_t m_int32; int64_t m_int64; float m_float; const char *m_string; void *m_ptr; } m_val;
} SteamNetworkingConfigValue_t;
typedef struct {
  void *m_pData; int m_cbSize; uint32_t m_conn; SteamNetworkingIdentity m_identityPeer; int64_t m_nConnUserData;
  int64_t m_usecTimeReceived; int64_t m_nMessageNumber; void (*m_pfnFreeData)(void *); void (*m_pfnRelease)(void *);
  int m_nChannel; int m_nFlags; int64_t m_nUserData; uint16_t m_idxLane; uint16_t _pad1__;
} SteamNetworkingMessage_t;
`;

function callbackStructs(pack: 4 | 8): string {
  return `
#pragma pack(push, ${pack})
typedef struct { int32_t m_hSteamUser; int m_iCallback; uint8_t *m_pubParam; int m_cubParam; } CallbackMsg_t_P${pack};
typedef struct {
  SteamNetworkingIdentity m_identityRemote; int64_t m_nUserData; uint32_t m_hListenSocket;
  SteamNetworkingIPAddr m_addrRemote; uint16_t m__pad1; uint32_t m_idPOPRemote; uint32_t m_idPOPRelay;
  int32_t m_eState; int m_eEndReason; char m_szEndDebug[128]; char m_szConnectionDescription[128];
  int m_nFlags; uint32_t reserved[63];
} SteamNetConnectionInfo_t_P${pack};
typedef struct { uint32_t m_hConn; SteamNetConnectionInfo_t_P${pack} m_info; int32_t m_eOldState; } SteamNetConnectionStatusChangedCallback_t_P${pack};
typedef struct { int32_t m_eAvail; char m_debugMsg[256]; } SteamNetAuthenticationStatus_t_P${pack};
typedef struct { int32_t m_eResult; SteamNetworkingIdentity m_identity; uint32_t m_unIP; uint16_t m_unPorts[8]; } SteamNetworkingFakeIPResult_t_P${pack};
#pragma pack(pop)
/* isteamnetworkingmessages.h declares its two callbacks inside #pragma pack(push, 1). */
#pragma pack(push, 1)
typedef struct { SteamNetworkingIdentity m_identityRemote; } SteamNetworkingMessagesSessionRequest_t_P${pack};
typedef struct { SteamNetConnectionInfo_t_P${pack} m_info; } SteamNetworkingMessagesSessionFailed_t_P${pack};
#pragma pack(pop)
`;
}

const CALLBACK_PACKED: ReadonlySet<SteamStructName> = new Set<SteamStructName>([
  'CallbackMsg_t',
  'SteamNetConnectionInfo_t',
  'SteamNetConnectionStatusChangedCallback_t',
  'SteamNetAuthenticationStatus_t',
  'SteamNetworkingFakeIPResult_t',
  'SteamNetworkingMessagesSessionRequest_t',
  'SteamNetworkingMessagesSessionFailed_t',
]);

function cName(name: SteamStructName, pack: 4 | 8): string {
  return CALLBACK_PACKED.has(name) ? `${name}_P${pack}` : name;
}

function structNames(): SteamStructName[] {
  return Object.keys(getSteamStructLayouts(4)).filter(
    (key): key is SteamStructName => key !== 'pack',
  );
}

/**
 * The callback ids as the SDK declares them: a base per interface (`steam_api_internal.h`) plus the
 * callback's place in it (`isteamnetworkingsockets.h`, `…messages.h`, `…utils.h`), each struct's
 * `enum { k_iCallback = … }` written here as a C constant, independently of `STEAM_CALLBACK_IDS`.
 */
const CALLBACK_IDS_C = `
enum {
  k_iSteamNetworkingSocketsCallbacks = 1220,
  k_iSteamNetworkingMessagesCallbacks = 1250,
  k_iSteamNetworkingUtilsCallbacks = 1280
};
enum {
  k_iCallback_connectionStatusChanged = k_iSteamNetworkingSocketsCallbacks + 1,
  k_iCallback_authenticationStatus = k_iSteamNetworkingSocketsCallbacks + 2,
  k_iCallback_fakeIPResult = k_iSteamNetworkingSocketsCallbacks + 3,
  k_iCallback_messagesSessionRequest = k_iSteamNetworkingMessagesCallbacks + 1,
  k_iCallback_messagesSessionFailed = k_iSteamNetworkingMessagesCallbacks + 2,
  k_iCallback_relayNetworkStatus = k_iSteamNetworkingUtilsCallbacks + 1
};
`;

/** The program's lines `<pack> <struct> <member|sizeof> <bytes>`, from koffi's member lists. */
function program(): string {
  const prints: string[] = [];
  for (const pack of [4, 8] as const) {
    const layouts = getSteamStructLayouts(pack);
    for (const name of structNames()) {
      const c = cName(name, pack);
      prints.push(`printf("${pack} ${name} sizeof %zu\\n", sizeof(${c}));`);
      prints.push(`printf("${pack} ${name} alignof %zu\\n", _Alignof(${c}));`);
      for (const member of Object.keys(layouts[name].members ?? {})) {
        prints.push(`printf("${pack} ${name} ${member} %zu\\n", offsetof(${c}, ${member}));`);
      }
    }
  }
  for (const name of Object.keys(STEAM_CALLBACK_IDS)) {
    prints.push(`printf("0 callback ${name} %d\\n", (int)k_iCallback_${name});`);
  }
  return [
    '#include <stddef.h>',
    '#include <stdint.h>',
    '#include <stdio.h>',
    CALLBACK_IDS_C,
    PACKED_1,
    callbackStructs(4),
    callbackStructs(8),
    'int main(void) {',
    ...prints.map((line) => `  ${line}`),
    '  return 0;',
    '}',
  ].join('\n');
}

describe('struct layouts against the C compiler', () => {
  let measured: Map<string, number>;
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'relaylane-struct-layouts-'));
    const source = path.join(dir, 'layouts.c');
    const binary = path.join(dir, 'layouts');
    writeFileSync(source, program());
    execFileSync(process.env['CC'] ?? 'cc', ['-std=c11', '-Wall', '-Werror', '-o', binary, source]);
    const output = execFileSync(binary, { encoding: 'utf8' });
    measured = new Map(
      output
        .trim()
        .split('\n')
        .map((line) => {
          const [pack, struct, member, bytes] = line.split(' ');
          return [`${pack} ${struct} ${member}`, Number(bytes)];
        }),
    );
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  describe.each([4, 8] as const)('pack %d', (pack) => {
    it.each(structNames())('%s: sizeof, alignof and every offsetof match koffi', (name) => {
      const type = getSteamStructLayouts(pack)[name];
      const koffiLayout: Record<string, number> = { sizeof: type.size, alignof: type.alignment };
      const cLayout: Record<string, number | undefined> = {
        sizeof: measured.get(`${pack} ${name} sizeof`),
        alignof: measured.get(`${pack} ${name} alignof`),
      };
      for (const [member, info] of Object.entries(type.members ?? {})) {
        koffiLayout[member] = info.offset;
        cLayout[member] = measured.get(`${pack} ${name} ${member}`);
      }
      expect(koffiLayout).toEqual(cLayout);
    });
  });

  it('has every callback id the SDK declares', () => {
    const declared = Object.fromEntries(
      Object.keys(STEAM_CALLBACK_IDS).map((name) => [name, measured.get(`0 callback ${name}`)]),
    );
    expect(declared).toEqual({ ...STEAM_CALLBACK_IDS });
  });

  it('sees the packing make a difference where the SDK says it does (704 vs 712 bytes)', () => {
    expect(measured.get('4 SteamNetConnectionStatusChangedCallback_t sizeof')).toBe(704);
    expect(measured.get('8 SteamNetConnectionStatusChangedCallback_t sizeof')).toBe(712);
    expect(measured.get('4 CallbackMsg_t sizeof')).toBe(20);
    expect(measured.get('8 CallbackMsg_t sizeof')).toBe(24);
  });
});
