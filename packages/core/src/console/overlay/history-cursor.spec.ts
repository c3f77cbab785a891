import { HistoryCursor } from './history-cursor.js';

describe('HistoryCursor', () => {
  it('goes from the newest entry to the oldest and stops there', () => {
    const cursor = new HistoryCursor(() => ['a', 'b', 'c']);
    expect([cursor.older(''), cursor.older(''), cursor.older(''), cursor.older('')]).toEqual([
      'c',
      'b',
      'a',
      'a',
    ]);
  });

  it('comes back down to the draft typed before walking, then stays there', () => {
    const cursor = new HistoryCursor(() => ['a', 'b']);
    cursor.older('half typed');
    cursor.older('b');
    expect([cursor.newer(), cursor.newer(), cursor.newer()]).toEqual([
      'b',
      'half typed',
      undefined,
    ]);
  });

  it('has nothing to show in an empty history', () => {
    const cursor = new HistoryCursor(() => []);
    expect(cursor.older('x')).toBeUndefined();
    expect(cursor.newer()).toBeUndefined();
  });

  it('starts again from the newest entry after reset', () => {
    const lines = ['a', 'b'];
    const cursor = new HistoryCursor(() => lines);
    cursor.older('');
    cursor.older('');
    cursor.reset();
    lines.push('c');
    expect(cursor.older('')).toBe('c');
  });

  it('stays inside a history that shrank while walking', () => {
    let lines = ['a', 'b', 'c', 'd'];
    const cursor = new HistoryCursor(() => lines);
    cursor.older('');
    lines = ['x'];
    expect(cursor.older('')).toBe('x');
  });
});
