import { editDistance, suggestName } from './suggest.js';

const names = ['clear', 'help', 'history', 'net.ping', 'net.pops', 'signals', 'singletons'];

describe('editDistance', () => {
  it.each([
    ['help', 'help', 0],
    ['help', 'hel', 1],
    ['hlep', 'help', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('between %s and %s is %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('suggestName', () => {
  it('suggests a name starting with what was typed, the shortest first', () => {
    expect(suggestName('net', names)).toBe('net.ping');
    expect(suggestName('sing', names)).toBe('singletons');
  });

  it('suggests a name within a small edit distance', () => {
    expect(suggestName('hlep', names)).toBe('help');
    expect(suggestName('net.pop', names)).toBe('net.pops');
    expect(suggestName('HELP', names)).toBe('help');
  });

  it('matches the last part of a namespaced name', () => {
    expect(suggestName('pops', names)).toBe('net.pops');
  });

  it('suggests nothing when no name is close', () => {
    expect(suggestName('foo', names)).toBeUndefined();
    expect(suggestName('', names)).toBeUndefined();
  });
});
