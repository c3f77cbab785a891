import { NETWORKING_PING_FAILED, NETWORKING_PING_UNKNOWN } from '../constants/index.js';
import { comparePings, pingSortGroup } from './ping-order.js';

describe('the ping order', () => {
  it('puts measured pings first, ascending, then FAILED, then UNKNOWN and other negatives', () => {
    const pings = [NETWORKING_PING_UNKNOWN, 40, NETWORKING_PING_FAILED, -7, 3, 0, 40.5];
    expect([...pings].sort(comparePings)).toEqual([
      0,
      3,
      40,
      40.5,
      NETWORKING_PING_FAILED,
      NETWORKING_PING_UNKNOWN,
      -7,
    ]);
  });

  it('ties equal pings and any two pings of the "other" group', () => {
    expect(comparePings(12, 12)).toBe(0);
    expect(comparePings(NETWORKING_PING_UNKNOWN, -7)).toBe(0);
    expect(pingSortGroup(-7)).toBe(2);
  });
});
