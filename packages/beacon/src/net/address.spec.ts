import {
  bracketed,
  formatHostPort,
  isLoopbackAddress,
  isWildcardHost,
  parseHostPort,
  udpSocketType,
} from './address.js';

describe('host:port text', () => {
  it('brackets IPv6 hosts only', () => {
    expect(formatHostPort('127.0.0.1', 3075)).toBe('127.0.0.1:3075');
    expect(formatHostPort('::1', 3075)).toBe('[::1]:3075');
    expect(formatHostPort('beacon-fra.example.com', 3075)).toBe('beacon-fra.example.com:3075');
    expect(bracketed('2001:db8::7')).toBe('[2001:db8::7]');
  });

  it.each([
    ['127.0.0.1:3075', { host: '127.0.0.1', port: 3075 }],
    ['[::1]:3075', { host: '::1', port: 3075 }],
    ['[2001:db8::ffff:10.0.0.1]:1', { host: '2001:db8::ffff:10.0.0.1', port: 1 }],
    ['beacon-fra.example.com:65535', { host: 'beacon-fra.example.com', port: 65535 }],
  ])('reads %s', (text, expected) => {
    expect(parseHostPort(text)).toEqual(expected);
  });

  it.each([
    '::1:3075',
    '127.0.0.1',
    '127.0.0.1:0',
    '127.0.0.1:65536',
    '[fra]:3075',
    'a b:1',
    ':3075',
    '',
  ])('refuses %j', (text) => {
    expect(parseHostPort(text)).toBeUndefined();
  });

  it('formats what it reads back to the same text', () => {
    for (const text of ['127.0.0.1:3075', '[::1]:80', 'example.com:8080']) {
      const { host, port } = parseHostPort(text)!;
      expect(formatHostPort(host, port)).toBe(text);
    }
  });
});

describe('kinds of address', () => {
  it('knows the wildcards, the loopbacks and the socket family', () => {
    expect([isWildcardHost('0.0.0.0'), isWildcardHost('::'), isWildcardHost('127.0.0.1')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(
      ['127.0.0.1', '127.8.9.1', '::1', '::ffff:127.0.0.1', '10.0.0.1', '::'].map(
        isLoopbackAddress,
      ),
    ).toEqual([true, true, true, true, false, false]);
    expect([udpSocketType('127.0.0.1'), udpSocketType('::1')]).toEqual(['udp4', 'udp6']);
  });
});
