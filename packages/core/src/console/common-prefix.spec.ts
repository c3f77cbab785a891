import { longestCommonPrefix } from './common-prefix.js';

describe('longestCommonPrefix', () => {
  it('is the text every value starts with', () => {
    expect(longestCommonPrefix(['net.ping', 'net.pops', 'net.pong'])).toBe('net.p');
    expect(longestCommonPrefix(['help', 'help'])).toBe('help');
    expect(longestCommonPrefix(['help', 'plugins'])).toBe('');
    expect(longestCommonPrefix(['only'])).toBe('only');
  });

  it('is empty for no values', () => {
    expect(longestCommonPrefix([])).toBe('');
  });
});
