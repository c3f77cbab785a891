/**
 * The test double records every call with its arguments, answers scripted values first, and
 * records misuse; init, interface and shutdown behave as Steam's do, including the failure paths.
 */
import koffi from 'koffi';

import { encodeIPv4Addr, encodeSteamIdIdentity } from '../native/structs.js';
import { type DoubleFixture, startDouble } from './test-support/double-fixture.js';
import { rawGetPOPCount } from './test-support/raw-call.js';
import { doubleLocation, locationLogText } from './test-double-control.js';

let f: DoubleFixture;
beforeEach(() => {
  f = startDouble();
});
afterEach(() => {
  f.api.unload();
});

describe('the call log', () => {
  it('records every flat function with its arguments', () => {
    const { api, self, pipe, double } = f;
    const location = doubleLocation([{ popId: 0x00667261, pingMs: 12 }]);
    const hash = locationLogText(location);
    const configValue = new Uint8Array(16);
    new DataView(configValue.buffer).setInt32(0, 24, true);
    new DataView(configValue.buffer).setInt32(4, 1, true);
    new DataView(configValue.buffer).setInt32(8, 777, true);
    const calls: [() => unknown, string][] = [
      [() => api.GetHSteamPipe(), 'GetHSteamPipe()'],
      [() => api.ManualDispatch_RunFrame(pipe), 'ManualDispatch_RunFrame(hSteamPipe=1)'],
      [
        () => api.ManualDispatch_GetNextCallback(pipe, new Uint8Array(20)),
        'ManualDispatch_GetNextCallback(hSteamPipe=1,pCallbackMsg=buf)',
      ],
      [
        () =>
          api.ManualDispatch_GetAPICallResult(
            pipe,
            99n,
            new Uint8Array(8),
            8,
            1281,
            new Uint8Array(1),
          ),
        'ManualDispatch_GetAPICallResult(hSteamPipe=1,hSteamAPICall=99,pCallback=buf,cubCallback=8,iCallbackExpected=1281,pbFailed=buf)',
      ],
      // Scripted to fail: nothing is allocated that this test would have to release.
      [
        () => (double.script('AllocateMessage', { returns: 0 }), api.AllocateMessage(self, 0)),
        'AllocateMessage(self=utils,cbAllocateBuffer=0)',
      ],
      [() => api.InitRelayNetworkAccess(self), 'InitRelayNetworkAccess(self=utils)'],
      [
        () => api.GetRelayNetworkStatus(self, null),
        'GetRelayNetworkStatus(self=utils,pDetails=NULL)',
      ],
      [
        () => api.GetLocalPingLocation(self, new Uint8Array(512)),
        'GetLocalPingLocation(self=utils,result=buf)',
      ],
      [
        () => api.EstimatePingTimeBetweenTwoLocations(self, location, new Uint8Array(512)),
        `EstimatePingTimeBetweenTwoLocations(self=utils,location1=${hash},location2=${locationLogText(new Uint8Array(512))})`,
      ],
      [
        () => api.EstimatePingTimeFromLocalHost(self, location),
        `EstimatePingTimeFromLocalHost(self=utils,remoteLocation=${hash})`,
      ],
      [
        () => api.ConvertPingLocationToString(self, location, new Uint8Array(1024), 1024),
        `ConvertPingLocationToString(self=utils,location=${hash},pszBuf=buf,cchBufSize=1024)`,
      ],
      [
        () => api.ParsePingLocationString(self, 'rld1:fra=12', new Uint8Array(512)),
        'ParsePingLocationString(self=utils,pszString="rld1:fra=12",result=buf)',
      ],
      [
        () => api.CheckPingDataUpToDate(self, 0.25),
        'CheckPingDataUpToDate(self=utils,flMaxAgeSeconds=0.25)',
      ],
      [
        () => api.GetPingToDataCenter(self, 0x00667261, new Uint32Array(1)),
        'GetPingToDataCenter(self=utils,popID=6713953,pViaRelayPoP=buf)',
      ],
      [
        () => api.GetDirectPingToPOP(self, 0x00667261),
        'GetDirectPingToPOP(self=utils,popID=6713953)',
      ],
      [() => api.GetPOPCount(self), 'GetPOPCount(self=utils)'],
      [
        () => api.GetPOPList(self, new Uint32Array(4), 4),
        'GetPOPList(self=utils,list=buf,nListSz=4)',
      ],
      [() => api.GetLocalTimestamp(self), 'GetLocalTimestamp(self=utils)'],
      [
        () => api.SetDebugOutputFunction(self, 0, null),
        'SetDebugOutputFunction(self=utils,eDetailLevel=0,pfnFunc=NULL)',
      ],
      [() => api.IsFakeIPv4(self, 0xa9fe0001), 'IsFakeIPv4(self=utils,nIPv4=2851995649)'],
      [
        () => api.GetIPv4FakeIPType(self, 0x01020304),
        'GetIPv4FakeIPType(self=utils,nIPv4=16909060)',
      ],
      [
        () =>
          api.GetRealIdentityForFakeIP(
            self,
            encodeIPv4Addr(0xa9fe0001, 27015),
            new Uint8Array(136),
          ),
        'GetRealIdentityForFakeIP(self=utils,fakeIP=169.254.0.1:27015,pOutRealIdentity=buf)',
      ],
      [
        () => api.SetGlobalConfigValueInt32(self, 24, -5),
        'SetGlobalConfigValueInt32(self=utils,eValue=24,val=-5)',
      ],
      [
        () => api.SetGlobalConfigValueFloat(self, 2, 12.5),
        'SetGlobalConfigValueFloat(self=utils,eValue=2,val=12.5)',
      ],
      [
        () => api.SetGlobalConfigValueString(self, 103, 'stun.example.org'),
        'SetGlobalConfigValueString(self=utils,eValue=103,val="stun.example.org")',
      ],
      [
        () => api.SetGlobalConfigValuePtr(self, 203, null),
        'SetGlobalConfigValuePtr(self=utils,eValue=203,val=NULL)',
      ],
      [
        () => api.SetConnectionConfigValueInt32(self, 4097, 24, 9),
        'SetConnectionConfigValueInt32(self=utils,hConn=4097,eValue=24,val=9)',
      ],
      [
        () => api.SetConnectionConfigValueFloat(self, 4097, 2, 0.5),
        'SetConnectionConfigValueFloat(self=utils,hConn=4097,eValue=2,val=0.5)',
      ],
      [
        () => api.SetConnectionConfigValueString(self, 4097, 103, 'x'),
        'SetConnectionConfigValueString(self=utils,hConn=4097,eValue=103,val="x")',
      ],
      [
        () => api.SetGlobalCallback_SteamNetConnectionStatusChanged(self, null),
        'SetGlobalCallback_SteamNetConnectionStatusChanged(self=utils,fnCallback=NULL)',
      ],
      [
        () => api.SetGlobalCallback_SteamNetAuthenticationStatusChanged(self, null),
        'SetGlobalCallback_SteamNetAuthenticationStatusChanged(self=utils,fnCallback=NULL)',
      ],
      [
        () => api.SetGlobalCallback_SteamRelayNetworkStatusChanged(self, null),
        'SetGlobalCallback_SteamRelayNetworkStatusChanged(self=utils,fnCallback=NULL)',
      ],
      [
        () => api.SetGlobalCallback_FakeIPResult(self, null),
        'SetGlobalCallback_FakeIPResult(self=utils,fnCallback=NULL)',
      ],
      [
        () => api.SetGlobalCallback_MessagesSessionRequest(self, null),
        'SetGlobalCallback_MessagesSessionRequest(self=utils,fnCallback=NULL)',
      ],
      [
        () => api.SetGlobalCallback_MessagesSessionFailed(self, null),
        'SetGlobalCallback_MessagesSessionFailed(self=utils,fnCallback=NULL)',
      ],
      [
        () => api.SetConfigValue(self, 24, 1, 0, 1, new Uint8Array(Int32Array.of(1234).buffer)),
        'SetConfigValue(self=utils,eValue=24,eScopeType=1,scopeObj=0,eDataType=1,pArg=&1234)',
      ],
      [
        () => api.SetConfigValueStruct(self, configValue, 1, 0),
        'SetConfigValueStruct(self=utils,opt={eValue=24,eDataType=1,val=&777},eScopeType=1,scopeObj=0)',
      ],
      [
        () =>
          api.GetConfigValue(
            self,
            24,
            1,
            0,
            new Int32Array(1),
            new Uint8Array(4),
            BigUint64Array.of(4n),
          ),
        'GetConfigValue(self=utils,eValue=24,eScopeType=1,scopeObj=0,pOutDataType=buf,pResult=buf,*cbResult=4)',
      ],
      [
        () => api.GetConfigValueInfo(self, 24, new Int32Array(1), null),
        'GetConfigValueInfo(self=utils,eValue=24,pOutDataType=buf,pOutScope=NULL)',
      ],
      [
        () => api.IterateGenericEditableConfigValues(self, 2, false),
        'IterateGenericEditableConfigValues(self=utils,eCurrent=2,bEnumerateDevVars=false)',
      ],
      [
        () =>
          api.SteamNetworkingIPAddr_ToString(
            self,
            encodeIPv4Addr(0x01020304, 80),
            new Uint8Array(48),
            48,
            true,
          ),
        'SteamNetworkingIPAddr_ToString(self=utils,addr=1.2.3.4:80,buf=buf,cbBuf=48,bWithPort=true)',
      ],
      [
        () => api.SteamNetworkingIPAddr_ParseString(self, new Uint8Array(18), '1.2.3.4'),
        'SteamNetworkingIPAddr_ParseString(self=utils,pAddr=buf,pszStr="1.2.3.4")',
      ],
      [
        () => api.SteamNetworkingIPAddr_GetFakeIPType(self, encodeIPv4Addr(0xa9feff01, 0)),
        'SteamNetworkingIPAddr_GetFakeIPType(self=utils,addr=169.254.255.1)',
      ],
      [
        () =>
          api.SteamNetworkingIdentity_ToString(
            self,
            encodeSteamIdIdentity(76561197960287930n),
            new Uint8Array(128),
            128,
          ),
        'SteamNetworkingIdentity_ToString(self=utils,identity=steamid:76561197960287930,buf=buf,cbBuf=128)',
      ],
      [
        () => api.SteamNetworkingIdentity_ParseString(self, new Uint8Array(136), 'steamid:5'),
        'SteamNetworkingIdentity_ParseString(self=utils,pIdentity=buf,pszStr="steamid:5")',
      ],
      [
        () => api.ManualDispatch_FreeLastCallback(pipe),
        'ManualDispatch_FreeLastCallback(hSteamPipe=1)',
      ],
      [() => api.Shutdown(), 'Shutdown()'],
      [() => api.SteamNetworkingUtils(), 'SteamNetworkingUtils()'],
      [() => api.InitFlat(null), 'InitFlat(pOutErrMsg=NULL)'],
      [() => api.ManualDispatch_Init(), 'ManualDispatch_Init()'],
    ];
    for (const [call] of calls) call();
    expect(double.log()).toEqual(calls.map(([, line]) => line));
  });

  it('is emptied by clearLog and by reset', () => {
    f.api.GetPOPCount(f.self);
    f.double.clearLog();
    expect(f.double.log()).toEqual([]);
    f.api.GetPOPCount(f.self);
    f.double.reset();
    expect(f.double.log()).toEqual([]);
  });

  it('is on after a reset, records nothing while switched off, and keeps what it had', () => {
    const { api, self, double } = f;
    expect(double.callLogEnabled()).toBe(true);
    api.GetPOPCount(self);
    double.setCallLog(false);
    expect(double.callLogEnabled()).toBe(false);
    const location = doubleLocation([{ popId: 0x00667261, pingMs: 12 }]);
    api.EstimatePingTimeFromLocalHost(self, location);
    api.GetDirectPingToPOP(self, 0x00667261);
    expect(double.log()).toEqual(['GetPOPCount(self=utils)']);
    double.setCallLog(true);
    api.GetPOPCount(self);
    expect(double.log()).toEqual(['GetPOPCount(self=utils)', 'GetPOPCount(self=utils)']);
    double.setCallLog(false);
    double.reset();
    expect(double.callLogEnabled()).toBe(true);
  });

  it('answers the same with the log off, and still records violations', () => {
    const { api, self, double } = f;
    api.InitRelayNetworkAccess(self);
    double.advanceTime(3000);
    const local = new Uint8Array(512);
    expect(api.GetLocalPingLocation(self, local)).toBeGreaterThanOrEqual(0);
    const remote = doubleLocation([{ popId: 0x00667261, pingMs: 30 }]);
    const withLog = api.EstimatePingTimeFromLocalHost(self, remote);
    double.setCallLog(false);
    expect(api.EstimatePingTimeFromLocalHost(self, remote)).toBe(withLog);
    expect(withLog).toBe(12 + 30);
    rawGetPOPCount(double, 0x1234n);
    expect(double.violations()).toEqual([
      'GetPOPCount: self is 0x1234, not the ISteamNetworkingUtils pointer',
    ]);
    expect(double.log()).toEqual([
      'InitRelayNetworkAccess(self=utils)',
      'GetLocalPingLocation(self=utils,result=buf)',
      `EstimatePingTimeFromLocalHost(self=utils,remoteLocation=${locationLogText(remote)})`,
    ]);
  });
});

describe('the call log of long strings', () => {
  it('cuts a string inside its slot: 300 non-ASCII characters log as escapes and "..."', () => {
    const { api, self, double } = f;
    double.clearLog();
    api.SetConnectionConfigValueString(self, 4097, 30, '🦀'.repeat(300));
    const [line] = double.log();
    const quoted = /val="(.*)"\)$/.exec(line!)![1]!;
    expect(quoted.endsWith('...')).toBe(true);
    expect(quoted.startsWith('\\xf0\\x9f\\xa6\\x80')).toBe(true);
    // The slot is 640 bytes: the whole quoted value, with its quotes and NUL, fits in it.
    expect(quoted.length + 3).toBeLessThanOrEqual(640);
  });
});

describe('init, interface and shutdown', () => {
  beforeEach(() => {
    f.api.Shutdown();
  });

  it('fails InitFlat with the scripted result and message, every time, until told otherwise', () => {
    f.double.failInit(2, "Failed to load module 'steamclient.so'");
    for (let i = 0; i < 2; i++) {
      const message = new Uint8Array(1024).fill(0x41);
      expect(f.api.InitFlat(message)).toBe(2);
      expect(Buffer.from(message.subarray(0, message.indexOf(0))).toString()).toBe(
        "Failed to load module 'steamclient.so'",
      );
    }
    expect(f.double.isInitialized()).toBe(false);
    expect(f.api.SteamNetworkingUtils()).toBeNull();
    f.double.failInit(0, '');
    expect(f.api.InitFlat(null)).toBe(0);
  });

  it('answers a one-off scripted InitFlat failure, then succeeds', () => {
    f.double.script('InitFlat', { returns: 3, bytes: 'version mismatch' });
    const message = new Uint8Array(1024);
    expect(f.api.InitFlat(message)).toBe(3);
    expect(Buffer.from(message.subarray(0, 16)).toString()).toBe('version mismatch');
    expect(f.api.InitFlat(message)).toBe(0);
    expect(message[0]).toBe(0);
  });

  it('gives a NULL interface when told to, and no interface or pipe before init', () => {
    expect(f.api.SteamNetworkingUtils()).toBeNull();
    expect(f.api.GetHSteamPipe()).toBe(0);
    f.api.InitFlat(null);
    f.double.setInterfaceNull(true);
    expect(f.api.SteamNetworkingUtils()).toBeNull();
    expect(f.api.GetHSteamPipe()).toBe(1);
  });

  it('counts shutdowns and forgets manual dispatch', () => {
    expect(f.double.shutdownCount()).toBe(1);
    expect(f.double.manualDispatchInitialized()).toBe(false);
  });
});

describe('scripts', () => {
  it('are used first-in first-out per function, then the model answers again', () => {
    f.double.script('GetPOPCount', { returns: 7 });
    f.double.script('GetDirectPingToPOP', { returns: 99 });
    f.double.script('GetPOPCount', { returns: 8 });
    expect(f.double.pendingScripts()).toBe(3);
    expect(f.api.GetPOPCount(f.self)).toBe(7);
    expect(f.api.GetPOPCount(f.self)).toBe(8);
    expect(f.api.GetPOPCount(f.self)).toBe(0);
    expect(f.api.GetDirectPingToPOP(f.self, 1)).toBe(99);
    expect(f.double.pendingScripts()).toBe(0);
  });

  it('write scripted bytes into the output, cut to the size the caller gave', () => {
    f.double.script('ConvertPingLocationToString', { bytes: 'abcdefgh' });
    const out = new Uint8Array(8).fill(0xff);
    f.api.ConvertPingLocationToString(f.self, new Uint8Array(512), out, 5);
    expect([...out]).toEqual([0x61, 0x62, 0x63, 0x64, 0, 0xff, 0xff, 0xff]);
  });

  it('fill a struct output with the scripted bytes and zeros after them', () => {
    f.double.script('GetRelayNetworkStatus', { returns: -101, bytes: Uint8Array.of(1, 2, 3) });
    const details = new Uint8Array(272).fill(0xee);
    expect(f.api.GetRelayNetworkStatus(f.self, details)).toBe(-101);
    expect([...details.subarray(0, 4)]).toEqual([1, 2, 3, 0]);
    expect(details.subarray(3).every((b) => b === 0)).toBe(true);
  });
});

describe('violations', () => {
  it('records a self pointer that is not the interface', () => {
    // The binding refuses it; the double still records it when it comes straight through koffi.
    expect(() => f.api.GetPOPCount(f.self + 8n)).toThrow(/self must be the ISteamNetworkingUtils/);
    rawGetPOPCount(f.double, f.self + 8n);
    expect(f.double.violations()).toEqual([
      `GetPOPCount: self is 0x${(f.self + 8n).toString(16)}, not the ISteamNetworkingUtils pointer`,
    ]);
  });

  it('records a call after shutdown', () => {
    f.api.Shutdown();
    // The binding refuses the pointer from before Shutdown; the double records the raw call.
    expect(() => f.api.GetPOPCount(f.self)).toThrow(/self must be the ISteamNetworkingUtils/);
    rawGetPOPCount(f.double, f.self);
    expect(f.double.violations()).toEqual(['GetPOPCount: called while Steam is not initialized']);
  });

  it('records a wrong pipe and dispatch before ManualDispatch_Init', () => {
    f.api.ManualDispatch_RunFrame(2);
    f.api.Shutdown();
    f.api.InitFlat(null);
    f.api.ManualDispatch_RunFrame(1);
    expect(f.double.violations()).toEqual([
      'ManualDispatch_RunFrame: hSteamPipe is 2, not the pipe GetHSteamPipe returned (1)',
      'ManualDispatch_RunFrame: called before ManualDispatch_Init',
    ]);
  });

  it('records nothing for correct use', () => {
    f.api.InitRelayNetworkAccess(f.self);
    f.api.ManualDispatch_RunFrame(f.pipe);
    expect(f.double.violations()).toEqual([]);
  });
});

describe('AllocateMessage', () => {
  it('allocates a SteamNetworkingMessage_t with its buffer and a working release function', () => {
    // Messages outlive a reset (their owner releases them), so the count is compared, not fixed.
    const before = f.double.liveMessages();
    const message = f.api.AllocateMessage(f.self, 64);
    expect(message).not.toBeNull();
    expect(f.double.liveMessages()).toBe(before + 1);
    const layout = f.api.layout.SteamNetworkingMessage_t;
    expect(koffi.decode(message, layout.members!['m_cbSize']!.offset, 'int32_t')).toBe(64);
    const release = koffi.decode(
      message,
      layout.members!['m_pfnRelease']!.offset,
      'void *',
    ) as bigint;
    koffi.call(release, koffi.proto('void', ['void *']), message);
    expect(f.double.liveMessages()).toBe(before);
  });

  it('answers a scripted failure with null', () => {
    f.double.script('AllocateMessage', { returns: 0 });
    expect(f.api.AllocateMessage(f.self, 16)).toBeNull();
  });
});
