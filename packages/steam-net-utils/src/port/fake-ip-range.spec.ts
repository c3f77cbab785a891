import fc from 'fast-check';

import {
  FAKE_IP_TYPE_GLOBAL_IPV4,
  FAKE_IP_TYPE_INVALID,
  FAKE_IP_TYPE_LOCAL_IPV4,
  FAKE_IP_TYPE_NOT_FAKE,
} from '../constants/index.js';
import { parseIPv4Address } from '../net/ipv4.js';
import {
  FAKE_IP_MAX,
  FAKE_IP_MAX_GLOBAL,
  FAKE_IP_MIN,
  FAKE_IP_MIN_LOCAL,
  fakeIPTypeOf,
  isFakeIPv4,
} from './fake-ip-range.js';

function ipOf(text: string): number {
  const parsed = parseIPv4Address(text);
  if (parsed === undefined) throw new Error(`test address ${text} does not parse`);
  return parsed.ip;
}

describe('FakeIP ranges', () => {
  it('cover exactly the link-local block 169.254.0.0/16', () => {
    expect(FAKE_IP_MIN).toBe(ipOf('169.254.0.0'));
    expect(FAKE_IP_MAX).toBe(ipOf('169.254.255.255'));
  });

  it('put the global range immediately below the local range, contiguous (Steam asserts this)', () => {
    expect(FAKE_IP_MAX_GLOBAL + 1).toBe(FAKE_IP_MIN_LOCAL);
    expect(FAKE_IP_MIN).toBeLessThan(FAKE_IP_MAX_GLOBAL);
    expect(FAKE_IP_MIN_LOCAL).toBeLessThan(FAKE_IP_MAX);
  });

  it('classify the global FakeIP Steam was seen allocating (169.254.224.83) as global', () => {
    expect(fakeIPTypeOf(ipOf('169.254.224.83'))).toBe(FAKE_IP_TYPE_GLOBAL_IPV4);
  });

  it.each([
    ['the address below the range', FAKE_IP_MIN - 1, FAKE_IP_TYPE_NOT_FAKE],
    ['the first FakeIP', FAKE_IP_MIN, FAKE_IP_TYPE_GLOBAL_IPV4],
    ['the last global FakeIP', FAKE_IP_MAX_GLOBAL, FAKE_IP_TYPE_GLOBAL_IPV4],
    ['the first local FakeIP', FAKE_IP_MIN_LOCAL, FAKE_IP_TYPE_LOCAL_IPV4],
    ['the last FakeIP', FAKE_IP_MAX, FAKE_IP_TYPE_LOCAL_IPV4],
    ['the address above the range', FAKE_IP_MAX + 1, FAKE_IP_TYPE_NOT_FAKE],
    ['0.0.0.0', 0, FAKE_IP_TYPE_NOT_FAKE],
    ['255.255.255.255', 0xffffffff, FAKE_IP_TYPE_NOT_FAKE],
    ['a private address', ipOf('192.168.1.10'), FAKE_IP_TYPE_NOT_FAKE],
  ])('fakeIPTypeOf(%s)', (_label, ip, type) => {
    expect(fakeIPTypeOf(ip)).toBe(type);
  });

  it('isFakeIPv4 is true in both ranges and false outside them', () => {
    expect(isFakeIPv4(FAKE_IP_MIN)).toBe(true);
    expect(isFakeIPv4(FAKE_IP_MAX)).toBe(true);
    expect(isFakeIPv4(FAKE_IP_MIN - 1)).toBe(false);
    expect(isFakeIPv4(FAKE_IP_MAX + 1)).toBe(false);
  });

  it('never answers FAKE_IP_TYPE_INVALID for an IPv4 address, as Steam never does (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), (ip) => {
        const type = fakeIPTypeOf(ip);
        expect(type).not.toBe(FAKE_IP_TYPE_INVALID);
        expect(isFakeIPv4(ip)).toBe(type !== FAKE_IP_TYPE_NOT_FAKE);
      }),
    );
  });

  it.each([-1, 2 ** 32, 1.5, Number.NaN])(
    'refuses %p with a RangeError naming the parameter',
    (ip) => {
      expect(() => fakeIPTypeOf(ip)).toThrow(RangeError);
      expect(() => fakeIPTypeOf(ip)).toThrow(/fakeIPTypeOf\(ip\): ip must be/);
      expect(() => isFakeIPv4(ip)).toThrow(RangeError);
    },
  );
});
