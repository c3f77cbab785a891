import { sourceKey } from './source-key.js';

describe('sourceKey', () => {
  it('keys an IPv4 address by itself, mapped into IPv6 or not', () => {
    expect(sourceKey('203.0.113.7')).toBe('203.0.113.7');
    expect(sourceKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(sourceKey('::FFFF:203.0.113.7')).toBe('203.0.113.7');
  });

  it('keys an IPv6 address by its /64, however it is written', () => {
    const key = '2001:db8:1:2::/64';
    expect(sourceKey('2001:db8:1:2::1')).toBe(key);
    expect(sourceKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe(key);
    expect(sourceKey('2001:DB8:1:2:0:0:0:9')).toBe(key);
    expect(sourceKey('2001:db8:1:2::9%eth0')).toBe(key);
    expect(sourceKey('2001:db8:1:3::1')).not.toBe(key);
  });

  it('expands the short forms', () => {
    expect(sourceKey('::1')).toBe('0:0:0:0::/64');
    expect(sourceKey('fe80::1')).toBe('fe80:0:0:0::/64');
    expect(sourceKey('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
    expect(sourceKey('1:2:3:4:5:6:1.2.3.4')).toBe('1:2:3:4::/64');
  });

  it('leaves what is not an address as it is', () => {
    expect(sourceKey('')).toBe('');
    expect(sourceKey('not an address')).toBe('not an address');
  });
});
