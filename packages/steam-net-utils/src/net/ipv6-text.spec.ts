import fc from 'fast-check';

import { formatDottedQuad, parseDottedQuad } from './dotted-quad.js';
import { ipv4FromMappedGroups, MAX_IPV6_TEXT_LENGTH, parseIPv6Groups } from './ipv6-text.js';

describe('parseIPv6Groups', () => {
  it.each([
    ['1:2:3:4:5:6:7:8', [1, 2, 3, 4, 5, 6, 7, 8]],
    ['::', [0, 0, 0, 0, 0, 0, 0, 0]],
    ['::1', [0, 0, 0, 0, 0, 0, 0, 1]],
    ['1::', [1, 0, 0, 0, 0, 0, 0, 0]],
    ['1:2::7:8', [1, 2, 0, 0, 0, 0, 7, 8]],
    ['1:2:3:4:5:6:7::', [1, 2, 3, 4, 5, 6, 7, 0]],
    ['ABCD:ef01::', [0xabcd, 0xef01, 0, 0, 0, 0, 0, 0]],
    ['::ffff:1.2.3.4', [0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]],
    ['1:2:3:4:5:6:7.8.9.10', [1, 2, 3, 4, 5, 6, 0x0708, 0x090a]],
  ])('reads %s', (text, groups) => {
    expect(parseIPv6Groups(text)).toEqual(groups);
  });

  it.each([
    ['empty', ''],
    ['seven groups and no ::', '1:2:3:4:5:6:7'],
    ['nine groups', '1:2:3:4:5:6:7:8:9'],
    [':: with no room left for a zero group', '1:2:3:4:5:6:7:8::'],
    ['two ::', '1::2::3'],
    ['three colons', '1:::2'],
    ['a lone leading colon', ':1:2:3:4:5:6:7'],
    ['a lone trailing colon', '1:2:3:4:5:6:7:'],
    ['a five-digit group', '12345::'],
    ['a non-hex digit', 'g::'],
    ['an IPv4 tail before ::', '1.2.3.4::'],
    ['an IPv4 part that is not last', '::1.2.3.4:5'],
    ['a bad IPv4 tail', '::ffff:1.2.3'],
    ['a zone id', 'fe80::1%eth0'],
    ['brackets', '[::1]'],
  ])('refuses %s', (_label, text) => {
    expect(parseIPv6Groups(text)).toBeUndefined();
  });

  it('refuses text longer than MAX_IPV6_TEXT_LENGTH', () => {
    const longest = '0000:0000:0000:0000:0000:ffff:255.255.255.255';
    expect(longest).toHaveLength(MAX_IPV6_TEXT_LENGTH);
    expect(parseIPv6Groups(longest)).toBeDefined();
    expect(parseIPv6Groups(`0${longest}`)).toBeUndefined();
  });

  it('always gives eight 16-bit groups when it accepts (property)', () => {
    const character = fc.constantFrom(...'0123456789abcdefABCDEF:.'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: character, maxLength: 46 }), (text) => {
        const groups = parseIPv6Groups(text);
        if (groups !== undefined) {
          expect(groups).toHaveLength(8);
          for (const group of groups) {
            expect(Number.isInteger(group) && group >= 0 && group <= 0xffff).toBe(true);
          }
        }
      }),
    );
  });
});

describe('ipv4FromMappedGroups', () => {
  it('takes the last 32 bits of ::ffff:0:0/96 as a host-order address', () => {
    expect(ipv4FromMappedGroups([0, 0, 0, 0, 0, 0xffff, 0xa9fe, 0xe053])).toBe(0xa9fee053);
  });

  it.each([
    ['IPv4-compatible', [0, 0, 0, 0, 0, 0, 0x0102, 0x0304]],
    ['a nonzero prefix', [1, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]],
    ['a different marker', [0, 0, 0, 0, 0, 0xfffe, 0x0102, 0x0304]],
    ['too few groups', [0, 0xffff, 0x0102, 0x0304]],
  ])('answers -1 for %s addresses', (_label, groups) => {
    expect(ipv4FromMappedGroups(groups)).toBe(-1);
  });
});

describe('dotted quads', () => {
  it('formatDottedQuad and parseDottedQuad are inverses on every uint32 (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), (ip) => {
        expect(parseDottedQuad(formatDottedQuad(ip))).toBe(ip);
      }),
    );
  });
});
