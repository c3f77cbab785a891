/**
 * The test double's default answers: a relay network that comes up on its own clock, POPs and
 * pings, ping locations (its own format) with text and estimates, the local timestamp, FakeIP,
 * and the address/identity string helpers.
 */
import { copyNativeBytes } from '../native/native-memory.js';
import {
  decodeCallbackMsg,
  decodeIdentity,
  decodeIPAddr,
  decodeRelayNetworkStatus,
  encodeIPv4Addr,
  encodeSteamIdIdentity,
} from '../native/structs.js';
import { type DoubleFixture, startDouble } from './test-support/double-fixture.js';
import { DOUBLE_DEFAULT_TIMINGS, doubleLocation } from './test-double-control.js';

const FRA = 0x00667261;
const AMS = 0x00616d73;
const IAD = 0x00696164;
const ATTEMPTING = 3;
const CURRENT = 100;
const NEVER_TRIED = 1;
const PING_UNKNOWN = -2;

let f: DoubleFixture;
beforeEach(() => {
  f = startDouble();
});
afterEach(() => {
  f.api.unload();
});

function status(): ReturnType<typeof decodeRelayNetworkStatus> {
  const details = new Uint8Array(272);
  const available = f.api.GetRelayNetworkStatus(f.self, details);
  const decoded = decodeRelayNetworkStatus(details);
  expect(decoded.available).toBe(available);
  return decoded;
}

function dispatchedStatuses(): ReturnType<typeof decodeRelayNetworkStatus>[] {
  const seen: ReturnType<typeof decodeRelayNetworkStatus>[] = [];
  f.api.ManualDispatch_RunFrame(f.pipe);
  const msg = new Uint8Array(f.api.layout.CallbackMsg_t.size);
  while (f.api.ManualDispatch_GetNextCallback(f.pipe, msg)) {
    const { callbackId, param, paramSize } = decodeCallbackMsg(msg, f.api.layout);
    if (callbackId === 1281)
      seen.push(decodeRelayNetworkStatus(copyNativeBytes(param!, paramSize)));
    f.api.ManualDispatch_FreeLastCallback(f.pipe);
  }
  return seen;
}

function bringUp(): void {
  f.api.InitRelayNetworkAccess(f.self);
  f.double.advanceTime(DOUBLE_DEFAULT_TIMINGS.pingMs);
  f.api.ManualDispatch_RunFrame(f.pipe);
}

function localLocation(): { age: number; location: Uint8Array } {
  const location = new Uint8Array(512);
  return { age: f.api.GetLocalPingLocation(f.self, location), location };
}

describe('relay network lifecycle', () => {
  it('has never tried before access is asked for: no POPs, no location', () => {
    expect(status()).toEqual({
      available: NEVER_TRIED,
      pingMeasurementInProgress: 0,
      availableNetworkConfig: NEVER_TRIED,
      availableAnyRelay: NEVER_TRIED,
      debugMessage: '',
    });
    expect(f.api.GetPOPCount(f.self)).toBe(0);
    expect(localLocation()).toEqual({ age: -1, location: new Uint8Array(512) });
  });

  it('fetches the config, then measures, then is CURRENT, posting each change through dispatch', () => {
    f.api.InitRelayNetworkAccess(f.self);
    expect(status().available).toBe(ATTEMPTING);
    f.double.advanceTime(DOUBLE_DEFAULT_TIMINGS.configMs);
    expect(f.api.GetPOPCount(f.self)).toBe(12);
    expect(f.api.GetDirectPingToPOP(f.self, FRA)).toBe(PING_UNKNOWN);
    f.double.advanceTime(DOUBLE_DEFAULT_TIMINGS.pingMs - DOUBLE_DEFAULT_TIMINGS.configMs);
    expect(status()).toEqual({
      available: CURRENT,
      pingMeasurementInProgress: 0,
      availableNetworkConfig: CURRENT,
      availableAnyRelay: CURRENT,
      debugMessage: '',
    });
    expect(
      dispatchedStatuses().map((s) => [
        s.available,
        s.pingMeasurementInProgress,
        s.availableNetworkConfig,
      ]),
    ).toEqual([
      [ATTEMPTING, 1, ATTEMPTING],
      [ATTEMPTING, 1, CURRENT],
      [CURRENT, 0, CURRENT],
    ]);
  });

  it('follows the timings it is given', () => {
    f.double.setRelayTimings(100, 300);
    f.api.InitRelayNetworkAccess(f.self);
    f.double.advanceTime(299);
    expect(status().available).toBe(ATTEMPTING);
    f.double.advanceTime(1);
    expect(status().available).toBe(CURRENT);
  });

  it('starts access from CheckPingDataUpToDate too, answering false until data exists', () => {
    expect(f.api.CheckPingDataUpToDate(f.self, 1e9)).toBe(false);
    expect(status().available).toBe(ATTEMPTING);
    f.double.advanceTime(DOUBLE_DEFAULT_TIMINGS.pingMs);
    expect(f.api.CheckPingDataUpToDate(f.self, 1e9)).toBe(true);
  });

  it('re-measures when the data is older than asked, and is fresh again afterwards', () => {
    bringUp();
    f.double.advanceTime(10_000);
    expect(f.api.CheckPingDataUpToDate(f.self, 5)).toBe(false);
    expect(status().pingMeasurementInProgress).toBe(1);
    f.double.advanceTime(DOUBLE_DEFAULT_TIMINGS.pingMs);
    expect(f.api.CheckPingDataUpToDate(f.self, 5)).toBe(true);
    expect(localLocation().age).toBe(0);
  });
});

describe('POPs and pings', () => {
  beforeEach(bringUp);

  it('lists its POPs, cut to the list size given', () => {
    const list = new Uint32Array(20);
    expect(f.api.GetPOPList(f.self, list, 20)).toBe(12);
    expect(list[0]).toBe(FRA);
    expect(f.api.GetPOPList(f.self, list, 2)).toBe(2);
    expect(f.api.GetPOPList(f.self, null, 0)).toBe(0);
  });

  it('pings a data center directly, or through a faster relay POP', () => {
    const via = new Uint32Array(1);
    expect(f.api.GetPingToDataCenter(f.self, IAD, via)).toBe(92);
    expect(via[0]).toBe(IAD);
    f.double.setPOP(IAD, 92, FRA, 80);
    expect(f.api.GetPingToDataCenter(f.self, IAD, via)).toBe(80);
    expect(via[0]).toBe(FRA);
    expect(f.api.GetDirectPingToPOP(f.self, IAD)).toBe(92);
  });

  it('answers an unknown POP with Unknown and relay 0', () => {
    const via = Uint32Array.of(7);
    expect(f.api.GetPingToDataCenter(f.self, 0x7a7a7a7a, via)).toBe(PING_UNKNOWN);
    expect(via[0]).toBe(0);
    expect(f.api.GetDirectPingToPOP(f.self, 0x7a7a7a7a)).toBe(PING_UNKNOWN);
  });
});

describe('ping locations', () => {
  beforeEach(bringUp);

  it('gives the local location: its nearest POPs by ping, and its age in seconds', () => {
    f.double.advanceTime(1500);
    const { age, location } = localLocation();
    expect(age).toBeCloseTo(1.5);
    expect(location.subarray(0, 5)).toEqual(Uint8Array.of(0x52, 0x4c, 0x44, 0x31, 12));
    expect(new DataView(location.buffer).getUint32(8, true)).toBe(FRA);
  });

  it('converts a location to text and parses it back to the same bytes', () => {
    const { location } = localLocation();
    const buffer = new Uint8Array(1024);
    f.api.ConvertPingLocationToString(f.self, location, buffer, 1024);
    const text = Buffer.from(buffer.subarray(0, buffer.indexOf(0))).toString();
    expect(text.startsWith('rld1:fra=12,ams=18,par=21,')).toBe(true);
    const parsed = new Uint8Array(512);
    expect(f.api.ParsePingLocationString(f.self, text, parsed)).toBe(true);
    expect(parsed).toEqual(location);
  });

  it.each(['', 'garbage', 'rld1:', 'rld1:fra=', 'rld1:fra=12,', 'rld1:fra=65535', 'rld1:FRA=1'])(
    'refuses %p and leaves the location zeroed',
    (text) => {
      const parsed = new Uint8Array(512).fill(9);
      expect(f.api.ParsePingLocationString(f.self, text, parsed)).toBe(false);
      expect(parsed).toEqual(new Uint8Array(512));
    },
  );

  it('converts a location of zeros to the empty text', () => {
    const buffer = new Uint8Array(8).fill(0xff);
    f.api.ConvertPingLocationToString(f.self, new Uint8Array(512), buffer, 8);
    expect(buffer[0]).toBe(0);
  });

  it('estimates through a shared POP, else through both nearest POPs and the backbone', () => {
    const a = doubleLocation([
      { popId: FRA, pingMs: 10 },
      { popId: AMS, pingMs: 15 },
    ]);
    const b = doubleLocation([{ popId: AMS, pingMs: 7 }]);
    const c = doubleLocation([{ popId: IAD, pingMs: 5 }]);
    expect(f.api.EstimatePingTimeBetweenTwoLocations(f.self, a, b)).toBe(22);
    expect(f.api.EstimatePingTimeBetweenTwoLocations(f.self, a, c)).toBe(10 + 5 + 40);
    expect(f.api.EstimatePingTimeFromLocalHost(f.self, b)).toBe(18 + 7);
  });

  it('answers a location with no data with Unknown', () => {
    const zeros = new Uint8Array(512);
    expect(f.api.EstimatePingTimeFromLocalHost(f.self, zeros)).toBe(PING_UNKNOWN);
    expect(f.api.EstimatePingTimeBetweenTwoLocations(f.self, localLocation().location, zeros)).toBe(
      PING_UNKNOWN,
    );
  });
});

describe('local timestamp', () => {
  it('starts at 3e12 µs and moves with the clock', () => {
    expect(f.api.GetLocalTimestamp(f.self)).toBe(3_000_000_000_000n);
    f.double.advanceTime(1000);
    expect(f.api.GetLocalTimestamp(f.self)).toBe(3_000_001_000_000n);
  });
});

describe('FakeIP', () => {
  it.each([
    [0x08080808, 1],
    [0xa9fe0102, 2],
    [0xa9fefeff, 2],
    [0xa9feff00, 3],
    [0xa9ffffff, 1],
  ])('types %s as %d', (ip, type) => {
    expect(f.api.GetIPv4FakeIPType(f.self, ip)).toBe(type);
    expect(f.api.IsFakeIPv4(f.self, ip)).toBe(type > 1);
    expect(f.api.SteamNetworkingIPAddr_GetFakeIPType(f.self, encodeIPv4Addr(ip, 0))).toBe(type);
  });

  it('resolves only FakeIPs it was told about, with a SteamID identity', () => {
    const identity = new Uint8Array(136).fill(1);
    expect(f.api.GetRealIdentityForFakeIP(f.self, encodeIPv4Addr(0x08080808, 0), identity)).toBe(8);
    expect(identity).toEqual(new Uint8Array(136));
    expect(
      f.api.GetRealIdentityForFakeIP(f.self, encodeIPv4Addr(0xa9fee053, 20232), identity),
    ).toBe(42);
    f.double.addFakeIP(0xa9fee053, 20232, 76561198000000004n);
    expect(
      f.api.GetRealIdentityForFakeIP(f.self, encodeIPv4Addr(0xa9fee053, 20232), identity),
    ).toBe(1);
    expect(decodeIdentity(identity)).toEqual({ type: 16, size: 8, steamId: 76561198000000004n });
    expect(
      f.api.GetRealIdentityForFakeIP(f.self, encodeIPv4Addr(0xa9fee053, 20233), identity),
    ).toBe(42);
  });
});

describe('address and identity strings', () => {
  function text(buffer: Uint8Array): string {
    return Buffer.from(buffer.subarray(0, buffer.indexOf(0))).toString();
  }

  it('formats an IPv4 address with and without its port', () => {
    const buffer = new Uint8Array(48);
    f.api.SteamNetworkingIPAddr_ToString(
      f.self,
      encodeIPv4Addr(0x01020304, 27015),
      buffer,
      48,
      true,
    );
    expect(text(buffer)).toBe('1.2.3.4:27015');
    f.api.SteamNetworkingIPAddr_ToString(
      f.self,
      encodeIPv4Addr(0x01020304, 27015),
      buffer,
      48,
      false,
    );
    expect(text(buffer)).toBe('1.2.3.4');
  });

  it('parses an IPv4 address, and clears the address on failure', () => {
    const addr = new Uint8Array(18);
    expect(f.api.SteamNetworkingIPAddr_ParseString(f.self, addr, '10.0.0.1:80')).toBe(true);
    expect(decodeIPAddr(addr)).toMatchObject({ ipv4: 0x0a000001, port: 80 });
    expect(f.api.SteamNetworkingIPAddr_ParseString(f.self, addr, '10.0.0.256')).toBe(false);
    expect(addr).toEqual(new Uint8Array(18));
  });

  it('formats and parses a SteamID identity', () => {
    const buffer = new Uint8Array(128);
    f.api.SteamNetworkingIdentity_ToString(
      f.self,
      encodeSteamIdIdentity(76561197960287930n),
      buffer,
      128,
    );
    expect(text(buffer)).toBe('steamid:76561197960287930');
    const identity = new Uint8Array(136);
    expect(
      f.api.SteamNetworkingIdentity_ParseString(f.self, identity, 'steamid:76561197960287930'),
    ).toBe(true);
    expect(identity).toEqual(encodeSteamIdIdentity(76561197960287930n));
    expect(f.api.SteamNetworkingIdentity_ParseString(f.self, identity, 'nonsense')).toBe(false);
  });
});
