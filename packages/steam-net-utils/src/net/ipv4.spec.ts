import fc from 'fast-check';

import { formatIPv4, MAX_IP_ADDRESS_TEXT_LENGTH, parseIPv4Address } from './ipv4.js';

describe('parseIPv4Address: accepted forms', () => {
  it.each([
    ['1.2.3.4', 0x01020304, 0],
    ['0.0.0.0', 0, 0],
    ['255.255.255.255', 0xffffffff, 0],
    ['169.254.224.83', 0xa9fee053, 0],
    ['10.0.0.1', 0x0a000001, 0],
  ])('reads %s as a host-order uint32 with port 0', (text, ip, port) => {
    expect(parseIPv4Address(text)).toEqual({ ip, port });
  });

  it.each([
    ['1.2.3.4:27015', 27015],
    ['1.2.3.4:0', 0],
    ['1.2.3.4:65535', 65535],
    ['1.2.3.4:1', 1],
  ])('reads the port of %s', (text, port) => {
    expect(parseIPv4Address(text)).toEqual({ ip: 0x01020304, port });
  });

  it.each([
    ['::ffff:1.2.3.4', 0],
    ['::FFFF:1.2.3.4', 0],
    ['0:0:0:0:0:ffff:1.2.3.4', 0],
    ['::ffff:102:304', 0],
    ['0:0:0:0:0:FFFF:0102:0304', 0],
    ['[::ffff:1.2.3.4]', 0],
    ['[::ffff:1.2.3.4]:27015', 27015],
    ['[::ffff:102:304]:0', 0],
  ])('reads the IPv4-mapped IPv6 form %s', (text, port) => {
    expect(parseIPv4Address(text)).toEqual({ ip: 0x01020304, port });
  });

  it('accepts the longest form there is, which is exactly MAX_IP_ADDRESS_TEXT_LENGTH long', () => {
    const longest = '[0000:0000:0000:0000:0000:ffff:255.255.255.255]:65535';
    expect(longest).toHaveLength(MAX_IP_ADDRESS_TEXT_LENGTH);
    expect(parseIPv4Address(longest)).toEqual({ ip: 0xffffffff, port: 65535 });
  });
});

describe('parseIPv4Address: refused text', () => {
  it.each([
    ['empty', ''],
    ['an octet above 255', '256.1.1.1'],
    ['an octet above 255 at the end', '1.1.1.256'],
    ['three octets', '1.2.3'],
    ['five octets', '1.2.3.4.5'],
    ['an empty octet', '1..3.4'],
    ['a trailing dot', '1.2.3.4.'],
    ['a leading zero (inet_pton refuses it)', '01.2.3.4'],
    ['a leading zero in the last octet', '1.2.3.04'],
    ['four digits in an octet', '0001.2.3.4'],
    ['a leading space', ' 1.2.3.4'],
    ['a trailing space', '1.2.3.4 '],
    ['a space inside', '1.2. 3.4'],
    ['a newline', '1.2.3.4\n'],
    ['a NUL after the address', '1.2.3.4\u0000'],
    ['a plus sign', '+1.2.3.4'],
    ['a minus sign', '-1.2.3.4'],
    ['hex octets', '0x1.2.3.4'],
    ['an exponent', '1e2.1.1.1'],
    ['a name', 'localhost'],
    ['Arabic-Indic digits', '\u0661.\u0662.\u0663.\u0664'],
    ['full-width digits', '\uff11.2.3.4'],
    ['an empty port', '1.2.3.4:'],
    ['a port above 65535', '1.2.3.4:65536'],
    ['a port with a leading zero', '1.2.3.4:080'],
    ['a signed port', '1.2.3.4:+80'],
    ['two ports', '1.2.3.4:80:80'],
    ['a port with no address', ':80'],
    ['IPv6 loopback (not IPv4-mapped)', '::1'],
    ['the unspecified IPv6 address', '::'],
    ['an IPv4-compatible (not mapped) address', '::1.2.3.4'],
    ['a mapped address with a port but no brackets', '::ffff:1.2.3.4:80'],
    ['a missing closing bracket', '[::ffff:1.2.3.4'],
    ['text after the closing bracket', '[::ffff:1.2.3.4]80'],
    ['an empty bracketed port', '[::ffff:1.2.3.4]:'],
    ['a bracketed plain IPv4', '[1.2.3.4]:80'],
    ['a zone id', '::ffff:1.2.3.4%eth0'],
    ['a mapped address with a bad octet', '::ffff:1.2.3.256'],
    ['a hex group of five digits', '::ffff:00102:304'],
  ])('refuses %s', (_label, text) => {
    expect(parseIPv4Address(text)).toBeUndefined();
  });

  it('refuses anything longer than MAX_IP_ADDRESS_TEXT_LENGTH, valid prefix or not', () => {
    expect(parseIPv4Address('1.2.3.4' + ' '.repeat(MAX_IP_ADDRESS_TEXT_LENGTH))).toBeUndefined();
    expect(parseIPv4Address('1'.repeat(MAX_IP_ADDRESS_TEXT_LENGTH + 1))).toBeUndefined();
  });

  it('refuses a 1 MB string', () => {
    expect(parseIPv4Address('1.2.3.4:'.repeat(1 << 17))).toBeUndefined();
    expect(parseIPv4Address(':'.repeat(1 << 20))).toBeUndefined();
  });

  it('answers a value that is not a string with undefined instead of throwing', () => {
    for (const value of [undefined, null, 16909060, { toString: () => '1.2.3.4' }]) {
      expect(parseIPv4Address(value as unknown as string)).toBeUndefined();
    }
  });
});

describe('formatIPv4', () => {
  it('writes a.b.c.d from a host-order uint32', () => {
    expect(formatIPv4(0x01020304)).toBe('1.2.3.4');
    expect(formatIPv4(0xffffffff)).toBe('255.255.255.255');
    expect(formatIPv4(0)).toBe('0.0.0.0');
  });

  it('appends the port when one is given, 0 included', () => {
    expect(formatIPv4(0xa9fee053, 20232)).toBe('169.254.224.83:20232');
    expect(formatIPv4(0x01020304, 0)).toBe('1.2.3.4:0');
  });

  it.each([-1, 2 ** 32, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses the address %p with a RangeError naming the parameter',
    (ip) => {
      expect(() => formatIPv4(ip)).toThrow(RangeError);
      expect(() => formatIPv4(ip)).toThrow(/formatIPv4\(ip, port\): ip must be/);
    },
  );

  it.each([-1, 65536, 0.5, Number.NaN])('refuses the port %p with a RangeError', (port) => {
    expect(() => formatIPv4(1, port)).toThrow(RangeError);
    expect(() => formatIPv4(1, port)).toThrow(/port must be an integer from 0 to 65535/);
  });
});

describe('parseIPv4Address and formatIPv4 (properties)', () => {
  const uint32 = fc.nat({ max: 0xffffffff });
  const port = fc.nat({ max: 0xffff });

  it('round-trips: parse(format(ip, port)) gives back ip and port', () => {
    fc.assert(
      fc.property(uint32, port, (ip, p) => {
        expect(parseIPv4Address(formatIPv4(ip, p))).toEqual({ ip, port: p });
      }),
    );
  });

  it('round-trips without a port, reading port 0', () => {
    fc.assert(
      fc.property(uint32, (ip) => {
        expect(parseIPv4Address(formatIPv4(ip))).toEqual({ ip, port: 0 });
      }),
    );
  });

  it('reads the mapped form of any address as the address itself', () => {
    fc.assert(
      fc.property(uint32, port, (ip, p) => {
        expect(parseIPv4Address(`[::ffff:${formatIPv4(ip)}]:${p}`)).toEqual({ ip, port: p });
      }),
    );
  });

  it('refuses any octet written with a leading zero', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 99 }), { minLength: 4, maxLength: 4 }),
        fc.nat(3),
        (octets, padded) => {
          const parts = octets.map((octet, i) => (i === padded ? `0${octet}` : String(octet)));
          expect(parseIPv4Address(parts.join('.'))).toBeUndefined();
        },
      ),
    );
  });

  it('never throws on random Unicode text, and whatever it accepts formats back to a parse of the same value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        const parsed = parseIPv4Address(text);
        if (parsed !== undefined) {
          expect(parseIPv4Address(formatIPv4(parsed.ip, parsed.port))).toEqual(parsed);
        }
      }),
    );
  });

  it('never throws on text made of address characters, and accepts only in-range values', () => {
    const character = fc.constantFrom(...'0123456789.:[]fF:x% -'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: character, maxLength: 60 }), (text) => {
        const parsed = parseIPv4Address(text);
        if (parsed !== undefined) {
          expect(Number.isInteger(parsed.ip) && parsed.ip >= 0 && parsed.ip <= 0xffffffff).toBe(
            true,
          );
          expect(Number.isInteger(parsed.port) && parsed.port >= 0 && parsed.port <= 0xffff).toBe(
            true,
          );
        }
      }),
    );
  });
});
