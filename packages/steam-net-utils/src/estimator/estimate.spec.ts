import fc from 'fast-check';

import { NETWORKING_PING_FAILED, NETWORKING_PING_UNKNOWN } from '../constants/networking-ping.js';
import { thrownBy } from '../../../core/src/test-support/errors.js';
import { estimate } from './estimate.js';
import { NotAPingLocation, parse } from './ping-location-text.js';
import { PingLocation } from './ping-location.js';
import { popIdFromCode } from './pop-id.js';
import { readRelayNetworkConfig, valveRelayNetwork } from './relay-network-config.js';
import { type RelayNetwork } from './relay-network.js';
import { VALVE_SIDE_CODES, pingLocation } from './test-support/location-arbitraries.js';
import { referenceEstimate } from './test-support/reference-estimate.js';

const location = (text: string): PingLocation => {
  const result = parse(text);
  if (!result.ok) throw new Error(`'${text}': ${result.reason}`);
  return result;
};

/** A small network of five POPs, with an alias and a POP whose only pair is malformed. */
const small: RelayNetwork = readRelayNetworkConfig({
  pops: {
    aaa: { geo: [0, 0], aliases: ['aa1'] },
    bbb: { geo: [5, 0] },
    ccc: { geo: [10, 0] },
    ddd: { geo: [0, 10] },
    eee: { geo: [100, 40] },
  },
  typical_pings: [
    ['aaa', 'bbb', 12],
    ['bbb', 'ccc', 15],
    ['aaa', 'ddd', 40],
    ['ddd', 'eee', 'x' as unknown as number],
  ],
}).network;
const SMALL_SIDE_CODES = ['aaa', 'aa1', 'bbb', 'ccc', 'ddd', 'eee', 'fra', 'sof', 'zz9'];

describe('estimate: over known POPs', () => {
  it('meets two hosts at one POP with a backbone of 0', () => {
    expect(estimate('fra=10+1', 'fra=20+2')).toBe(30);
  });

  it('adds the backbone between two POPs to both routes', () => {
    const backbone = valveRelayNetwork().backboneMs('fra', 'ams')!;
    expect(backbone).toBe(6);
    expect(estimate('fra=10+1', 'ams=20+2')).toBe(36);
  });

  it('takes the best pair of entries, not the best entry of each side', () => {
    // Frankfurt first for one and Sterling first for the other; they meet best at one POP.
    expect(estimate('fra=10+0,iad=100+0', 'iad=10+0,fra=100+0')).toBe(
      Math.min(10 + 86 + 10, 10 + 100, 100 + 10, 100 + 86 + 100),
    );
  });

  it("uses an entry's via route, not its direct one", () => {
    expect(estimate('fra=10+0/30+0', 'fra=10+0')).toBe(40);
  });

  it('estimates an alias through its POP (tyo1 meets tyo, mwh meets eat)', () => {
    expect(estimate('tyo1=50+0', 'tyo=60+0')).toBe(110);
    expect(estimate('mwh=5+0', 'eat=7+0')).toBe(12);
    expect(estimate('tyo1=50+0', 'sgp=10+0')).toBe(50 + 78 + 10);
  });

  it('is the same for text and for the location parsed from it', () => {
    const a = 'lhr=8+0,ams=13+1/13+0,par=14+1';
    const b = 'sea=17+1,lax=43+4/40+1';
    expect(estimate(a, b)).toBe(estimate(location(a), location(b)));
    expect(estimate(a, location(b))).toBe(estimate(location(a), b));
  });

  it("uses Valve's network when none is given", () => {
    const a = location('fra=10+0,sgp=200+0');
    const b = location('iad=30+0,lax=50+0');
    expect(estimate(a, b)).toBe(estimate(a, b, valveRelayNetwork()));
    expect(estimate(a, b)).toBe(referenceEstimate(a, b, valveRelayNetwork()));
  });
});

describe('estimate: POPs the network does not know', () => {
  it('meets two entries naming the same unknown POP there', () => {
    expect(estimate('sof=40+0', 'sof=50+0')).toBe(90);
  });

  it('ignores an unknown entry that the other side does not name', () => {
    expect(estimate('sof=1+0,fra=30+0', 'lux=1+0,fra=40+0')).toBe(70);
  });

  it('still takes a known route when it is better than the shared unknown POP', () => {
    expect(estimate('sof=100+0,fra=10+0', 'sof=100+0,fra=10+0')).toBe(20);
    expect(estimate('sof=5+0,fra=10+0', 'sof=6+0,fra=10+0')).toBe(11);
  });

  it('fails (-1) between locations naming only different unknown POPs', () => {
    expect(estimate('sof=10+0', 'lux=10+0')).toBe(NETWORKING_PING_FAILED);
    expect(estimate('sof=10+0,okc=5+0', 'lux=10+0')).toBe(NETWORKING_PING_FAILED);
  });

  it('fails (-1) between an unknown POP and a known one', () => {
    expect(estimate('sof=10+0', 'fra=10+0')).toBe(NETWORKING_PING_FAILED);
  });

  it('knows a POP in one network and not in another', () => {
    expect(estimate('aaa=1+0', 'bbb=2+0', small)).toBe(15);
    expect(estimate('aaa=1+0', 'bbb=2+0')).toBe(NETWORKING_PING_FAILED);
    expect(estimate('fra=1+0', 'ams=2+0', small)).toBe(NETWORKING_PING_FAILED);
    expect(estimate('fra=1+0', 'fra=2+0', small)).toBe(3);
  });
});

describe('estimate: sentinels', () => {
  it('is UNKNOWN (-2) when either side is text that is not a location', () => {
    expect(NETWORKING_PING_UNKNOWN).toBe(-2);
    expect(estimate('garbage', 'fra=1+0')).toBe(NETWORKING_PING_UNKNOWN);
    expect(estimate('fra=1+0', 'garbage')).toBe(NETWORKING_PING_UNKNOWN);
    expect(estimate('', '')).toBe(NETWORKING_PING_UNKNOWN);
  });

  it('is UNKNOWN (-2) when either side is a NotAPingLocation', () => {
    const not = parse('FRA=1+0') as NotAPingLocation;
    expect(not.ok).toBe(false);
    expect(estimate(not, 'fra=1+0')).toBe(NETWORKING_PING_UNKNOWN);
    expect(estimate(location('fra=1+0'), not)).toBe(NETWORKING_PING_UNKNOWN);
    expect(estimate(new NotAPingLocation('made by hand', 0), not)).toBe(NETWORKING_PING_UNKNOWN);
  });

  it('runs no Proxy trap: a hostile Proxy is a TypeError naming estimate, not its own error', () => {
    const hostile = new Proxy(
      {},
      {
        getPrototypeOf: () => {
          throw new Error('trap ran');
        },
        get: () => {
          throw new Error('trap ran');
        },
        has: () => {
          throw new Error('trap ran');
        },
      },
    );
    expect(() => estimate(hostile as never, 'fra=1+0')).toThrow(/^estimate: 'a' must be/);
    expect(() => estimate('fra=1+0', hostile as never)).toThrow(TypeError);
    // A posing object is no NotAPingLocation either.
    expect(() =>
      estimate({ ok: false, code: 'ESTIMATOR_NOT_A_LOCATION' } as never, 'fra=1+0'),
    ).toThrow(TypeError);
  });

  it('is UNKNOWN (-2), not FAILED, when one side is not a location and the other is EMPTY', () => {
    expect(estimate(PingLocation.EMPTY, 'garbage')).toBe(NETWORKING_PING_UNKNOWN);
    expect(estimate('garbage', PingLocation.EMPTY)).toBe(NETWORKING_PING_UNKNOWN);
  });

  it('is FAILED (-1) when either side is PingLocation.EMPTY', () => {
    expect(NETWORKING_PING_FAILED).toBe(-1);
    expect(estimate(PingLocation.EMPTY, 'fra=1+0')).toBe(NETWORKING_PING_FAILED);
    expect(estimate('fra=1+0', PingLocation.EMPTY)).toBe(NETWORKING_PING_FAILED);
    expect(estimate(PingLocation.EMPTY, PingLocation.EMPTY)).toBe(NETWORKING_PING_FAILED);
    expect(estimate(PingLocation.fromEntries([]), 'fra=1+0', small)).toBe(NETWORKING_PING_FAILED);
  });

  it("is UNKNOWN (-2) for EMPTY's own text, which does not parse (see the report)", () => {
    expect(estimate(String(PingLocation.EMPTY), 'fra=1+0')).toBe(NETWORKING_PING_UNKNOWN);
  });
});

describe('estimate: wrong argument types', () => {
  it.each([
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an object', { text: 'fra=1+0' }],
    ['a look-alike of a location', { ok: true, size: 1, entries: () => [] }],
    ['a symbol', Symbol('fra')],
  ])('throws a TypeError naming estimate for %s as either side', (_, value) => {
    const asA = thrownBy(() => estimate(value as never, 'fra=1+0'), TypeError);
    expect(asA.message).toMatch(/^estimate: 'a' must be a PingLocation/);
    const asB = thrownBy(() => estimate('fra=1+0', value as never), TypeError);
    expect(asB.message).toMatch(/^estimate: 'b' must be a PingLocation/);
  });

  it('says null for null, not object', () => {
    expect(() => estimate(null as never, 'fra=1+0')).toThrow(/got null\./);
  });

  it.each([
    ['null', null],
    ['a number', 1],
    ['an object', {}],
    ['a config', { pops: {} }],
    ['a configured result instead of its network', readRelayNetworkConfig({ pops: {} })],
  ])('throws a TypeError naming estimate for %s as the network', (_, network) => {
    const error = thrownBy(() => estimate('fra=1+0', 'fra=1+0', network as never), TypeError);
    expect(error.message).toMatch(/^estimate: 'network' must be a RelayNetwork/);
  });

  it('throws for a bad network even when a side is not a location', () => {
    expect(() => estimate('garbage', 'fra=1+0', {} as never)).toThrow(TypeError);
  });
});

describe('estimate: against the brute-force reference', () => {
  const valve = valveRelayNetwork();
  const valveSide = pingLocation(fc.constantFrom(...VALVE_SIDE_CODES), { minLength: 0 });
  const smallSide = pingLocation(fc.constantFrom(...SMALL_SIDE_CODES), { minLength: 0 });

  /** The reference with the sentinel for an empty side, as estimate defines it. */
  const expected = (a: PingLocation, b: PingLocation, network: RelayNetwork): number =>
    a.size === 0 || b.size === 0 ? NETWORKING_PING_FAILED : referenceEstimate(a, b, network);

  it("equals the reference on random locations over Valve's network", () => {
    fc.assert(
      fc.property(valveSide, valveSide, (a, b) => {
        expect(estimate(a, b)).toBe(expected(a, b, valve));
      }),
      { numRuns: 500 },
    );
  });

  it('equals the reference on random locations over a small configured network', () => {
    fc.assert(
      fc.property(smallSide, smallSide, (a, b) => {
        expect(estimate(a, b, small)).toBe(expected(a, b, small));
      }),
      { numRuns: 500 },
    );
  });

  it('stays right when one location is estimated over two networks in turn', () => {
    fc.assert(
      fc.property(smallSide, smallSide, (a, b) => {
        for (let round = 0; round < 2; round++) {
          expect(estimate(a, b, small)).toBe(expected(a, b, small));
          expect(estimate(a, b, valve)).toBe(expected(a, b, valve));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is symmetric', () => {
    fc.assert(
      fc.property(valveSide, valveSide, (a, b) => {
        expect(estimate(a, b)).toBe(estimate(b, a));
      }),
      { numRuns: 300 },
    );
  });

  it("is twice a location's best route from the location to itself", () => {
    fc.assert(
      fc.property(pingLocation(fc.constantFrom(...VALVE_SIDE_CODES)), (a) => {
        expect(estimate(a, a)).toBe(2 * a.entries()[0]!.routeMs);
      }),
      { numRuns: 300 },
    );
  });

  it('is the same for a location and for its text', () => {
    fc.assert(
      fc.property(valveSide, valveSide, (a, b) => {
        fc.pre(a.size > 0 && b.size > 0);
        expect(estimate(String(a), String(b))).toBe(estimate(a, b));
      }),
      { numRuns: 200 },
    );
  });

  it('never improves when a route gets longer', () => {
    fc.assert(
      fc.property(
        valveSide,
        pingLocation(fc.constantFrom(...VALVE_SIDE_CODES)),
        fc.nat(),
        fc.integer({ min: 1, max: 50 }),
        (a, b, which, longer) => {
          const entries = b.entries();
          const k = which % entries.length;
          const slower = PingLocation.fromEntries(
            entries.map((entry, index) => {
              const bump = (route: { ms: number; extra: number } | undefined) =>
                route === undefined || index !== k
                  ? route
                  : { ms: Math.min(65534, route.ms + longer), extra: route.extra };
              return {
                popId: popIdFromCode(entry.code),
                direct: bump(entry.direct),
                via: bump(entry.via),
              };
            }),
          );
          const before = estimate(a, b);
          const after = estimate(a, slower);
          if (before < 0) expect(after).toBe(before);
          else expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
      { numRuns: 300 },
    );
  });
});
