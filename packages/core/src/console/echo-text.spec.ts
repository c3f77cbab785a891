import { echoText, MAX_ECHOED_CHARACTERS } from './echo-text.js';

describe('echoText', () => {
  it('repeats short text as it is', () => {
    expect(echoText('net.pops')).toBe('net.pops');
    expect(echoText('x'.repeat(MAX_ECHOED_CHARACTERS))).toBe('x'.repeat(MAX_ECHOED_CHARACTERS));
  });

  it('cuts long text and says how long it was', () => {
    expect(echoText('a'.repeat(200_000))).toBe(
      `${'a'.repeat(MAX_ECHOED_CHARACTERS)}… (200000 characters)`,
    );
  });
});
