import fc from 'fast-check';

import { NETWORKING_PING_FAILED, NETWORKING_PING_UNKNOWN } from '../constants/index.js';
import { pingSortGroup } from '../port/ping-order.js';
import { COUNTING_SORT_MAX_PING, PingOrder } from './ping-order.js';

/** The documented order, written the obvious way: group, then ping, then input position. */
function referenceOrder(pings: readonly number[]): number[] {
  return pings
    .map((ping, index) => ({ ping, index }))
    .sort((a, b) => {
      const ga = pingSortGroup(a.ping);
      const gb = pingSortGroup(b.ping);
      if (ga !== gb) return ga - gb;
      if (ga === 0 && a.ping !== b.ping) return a.ping - b.ping;
      return a.index - b.index;
    })
    .map(({ index }) => index);
}

const sentinel = fc.constantFrom(NETWORKING_PING_FAILED, NETWORKING_PING_UNKNOWN, -7, NaN);

describe('PingOrder', () => {
  it('orders whole-ms pings like the reference (counting sort path)', () => {
    const order = new PingOrder();
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 300 }), sentinel)), (pings) => {
        expect(Array.from(order.sort(pings, pings.length))).toEqual(referenceOrder(pings));
      }),
    );
  });

  it('orders fractional and huge pings like the reference (comparator path)', () => {
    const order = new PingOrder();
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ min: 0, max: 1e6, noNaN: true }),
            fc.integer({ min: 0, max: 20 }),
            sentinel,
          ),
        ),
        (pings) => {
          expect(Array.from(order.sort(pings, pings.length))).toEqual(referenceOrder(pings));
        },
      ),
    );
  });

  it('keeps input order among equal pings (stable)', () => {
    const order = new PingOrder().sort([30, 10, 30, 10, 30], 5);
    expect(Array.from(order)).toEqual([1, 3, 0, 2, 4]);
  });

  it('puts FAILED after every ping and before UNKNOWN and any other non-ping', () => {
    const pings = [NETWORKING_PING_UNKNOWN, NETWORKING_PING_FAILED, 900, NaN, -7, 0];
    expect(Array.from(new PingOrder().sort(pings, pings.length))).toEqual([5, 2, 1, 0, 3, 4]);
  });

  it('buckets the highest whole ping it supports and goes past it correctly', () => {
    const pings = [COUNTING_SORT_MAX_PING + 1, COUNTING_SORT_MAX_PING, 1];
    expect(Array.from(new PingOrder().sort(pings, 3))).toEqual([2, 1, 0]);
  });

  it('reads only the first `count` pings and returns `count` indices', () => {
    const order = new PingOrder();
    expect(Array.from(order.sort([5, 4, 3, 2, 1], 3))).toEqual([2, 1, 0]);
    expect(order.sort([], 0)).toHaveLength(0);
  });

  it('gives right answers when a long list is followed by short and long ones (buffer reuse)', () => {
    const order = new PingOrder();
    const long = Array.from({ length: 5000 }, (_, i) => (i * 7919) % 301);
    expect(Array.from(order.sort(long, long.length))).toEqual(referenceOrder(long));
    expect(Array.from(order.sort([2, 1], 2))).toEqual([1, 0]);
    expect(Array.from(order.sort(long, long.length))).toEqual(referenceOrder(long));
  });
});
