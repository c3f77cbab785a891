import fc from 'fast-check';

import { NETWORKING_PING_FAILED, NETWORKING_PING_UNKNOWN } from '../constants/networking-ping.js';
import { thrownBy } from '../../../core/src/test-support/errors.js';
import { estimate } from './estimate.js';
import { LobbyLocations, RankedLobbies, rank } from './lobby-ranking.js';
import { parse } from './ping-location-text.js';
import { PingLocation } from './ping-location.js';
import { readRelayNetworkConfig, valveRelayNetwork } from './relay-network-config.js';
import { type RelayNetwork } from './relay-network.js';
import { VALVE_SIDE_CODES, pingLocation } from './test-support/location-arbitraries.js';
import { REAL_PING_LOCATIONS } from './test-support/real-ping-locations.js';

/** The ranking's rows as [lobby index, ping] pairs. */
function rows(ranking: RankedLobbies): [number, number][] {
  return Array.from({ length: ranking.length }, (_, k) => [ranking.order[k]!, ranking.pings[k]!]);
}

/** What the ranking must be, from estimate() alone: by ping, FAILED then UNKNOWN last, stable. */
function expectedRows(
  player: PingLocation | string,
  lobbies: readonly unknown[],
  network?: RelayNetwork,
): [number, number][] {
  const sortRank = (ping: number): number =>
    ping >= 0 ? ping : ping === NETWORKING_PING_FAILED ? 1e9 : 2e9;
  return lobbies
    .map((lobby, index): [number, number] => [
      index,
      typeof lobby === 'string' ? estimate(player, lobby, network) : NETWORKING_PING_UNKNOWN,
    ])
    .sort(([i, x], [j, y]) => sortRank(x) - sortRank(y) || i - j);
}

describe('rank', () => {
  const player = 'fra=10+0,ams=15+0';

  it('orders lobbies by their estimate from the player, best first', () => {
    const lobbies = ['iad=5+0', 'fra=20+0', 'ams=1+0', 'sgp=40+0'];
    const ranking = rank(player, lobbies);
    expect(rows(ranking)).toEqual([
      [2, 16],
      [1, 30],
      [0, 10 + 86 + 5],
      [3, estimate(player, 'sgp=40+0')],
    ]);
    expect(ranking.length).toBe(4);
    expect(ranking.estimatedCount).toBe(4);
  });

  it('breaks ties by position in the list', () => {
    const ranking = rank(player, ['fra=20+0', 'ams=15+0', 'fra=5+0', 'fra=20+0', 'ams=15+0']);
    expect(rows(ranking)).toEqual([
      [2, 15],
      [0, 30],
      [1, 30],
      [3, 30],
      [4, 30],
    ]);
  });

  it('puts FAILED lobbies after every estimate, and UNKNOWN ones last, each in list order', () => {
    const lobbies = ['garbage', 'sof=1+0', 'fra=500+0', '', 'lux=1+0', 'ams=1+0'];
    const ranking = rank(player, lobbies);
    expect(rows(ranking)).toEqual([
      [5, 16],
      [2, 510],
      [1, NETWORKING_PING_FAILED],
      [4, NETWORKING_PING_FAILED],
      [0, NETWORKING_PING_UNKNOWN],
      [3, NETWORKING_PING_UNKNOWN],
    ]);
    expect(ranking.estimatedCount).toBe(2);
  });

  it('counts a lobby that is not a string as UNKNOWN', () => {
    const lobbies: unknown[] = [
      undefined,
      'fra=1+0',
      null,
      42,
      { text: 'fra=1+0' },
      parse('fra=1+0'),
    ];
    const ranking = rank(player, lobbies);
    expect(rows(ranking)).toEqual([
      [1, 11],
      [0, NETWORKING_PING_UNKNOWN],
      [2, NETWORKING_PING_UNKNOWN],
      [3, NETWORKING_PING_UNKNOWN],
      [4, NETWORKING_PING_UNKNOWN],
      [5, NETWORKING_PING_UNKNOWN],
    ]);
    expect(ranking.estimatedCount).toBe(1);
  });

  it('ranks every lobby UNKNOWN, in list order, for a player that is not a location', () => {
    for (const notALocation of ['garbage', parse('FRA=1+0')]) {
      const ranking = rank(notALocation, ['fra=1+0', 'sof=1+0', 'nonsense']);
      expect(rows(ranking)).toEqual([
        [0, NETWORKING_PING_UNKNOWN],
        [1, NETWORKING_PING_UNKNOWN],
        [2, NETWORKING_PING_UNKNOWN],
      ]);
      expect(ranking.estimatedCount).toBe(0);
    }
  });

  it('ranks every location FAILED for a player that reached no POP', () => {
    const ranking = rank(PingLocation.EMPTY, ['nonsense', 'fra=1+0', 'ams=2+0']);
    expect(rows(ranking)).toEqual([
      [1, NETWORKING_PING_FAILED],
      [2, NETWORKING_PING_FAILED],
      [0, NETWORKING_PING_UNKNOWN],
    ]);
    expect(ranking.estimatedCount).toBe(0);
  });

  it('meets a player and a lobby at an unknown POP they both name', () => {
    expect(rows(rank('sof=10+0', ['lux=1+0', 'sof=20+0']))).toEqual([
      [1, 30],
      [0, NETWORKING_PING_FAILED],
    ]);
  });

  it('ranks an empty list', () => {
    const ranking = rank(player, []);
    expect(ranking.length).toBe(0);
    expect(ranking.estimatedCount).toBe(0);
  });

  it('accepts the player as a parsed location as well as text', () => {
    const lobbies = REAL_PING_LOCATIONS.map(({ text }) => text);
    expect(rows(rank(parse(player) as PingLocation, lobbies))).toEqual(rows(rank(player, lobbies)));
  });

  it('ranks over the network given, for a list of strings', () => {
    const small = readRelayNetworkConfig({
      pops: { aaa: { geo: [0, 0] }, bbb: { geo: [5, 0] } },
      typical_pings: [['aaa', 'bbb', 12]],
    }).network;
    const ranking = rank('aaa=1+0', ['fra=1+0', 'bbb=2+0'], { network: small });
    expect(rows(ranking)).toEqual([
      [1, 15],
      [0, NETWORKING_PING_FAILED],
    ]);
  });

  it('throws a TypeError naming rank for a player of the wrong type', () => {
    expect(thrownBy(() => rank(42 as never, ['fra=1+0']), TypeError).message).toMatch(
      /^rank: 'player' must be a PingLocation/,
    );
  });

  it('throws a TypeError for into that is not a RankedLobbies, and for lobbies that are not a list', () => {
    expect(() => rank(player, [], { into: {} as RankedLobbies })).toThrow(/^rank: 'into'/);
    expect(() => rank(player, 'fra=1+0' as never)).toThrow(TypeError);
    expect(() => rank(player, [], { network: {} as RelayNetwork })).toThrow(TypeError);
  });
});

describe('LobbyLocations', () => {
  it('parses each lobby once, over Valve network by default', () => {
    const pool = new LobbyLocations(['fra=1+0', 'nonsense', 7, 'sof=1+0']);
    expect(pool.size).toBe(4);
    expect(pool.network).toBe(valveRelayNetwork());
    expect([0, 1, 2, 3].map((i) => pool.isLocation(i))).toEqual([true, false, false, true]);
    expect(pool.isLocation(-1)).toBe(false);
    expect(pool.isLocation(4)).toBe(false);
  });

  it('ranks like the same list of strings', () => {
    const lobbies = REAL_PING_LOCATIONS.map(({ text }) => text);
    const pool = new LobbyLocations(lobbies);
    for (const { text } of REAL_PING_LOCATIONS) {
      expect(rows(rank(text, pool))).toEqual(rows(rank(text, lobbies)));
    }
  });

  it('throws a TypeError for lobbies that are not an array or a network that is not one', () => {
    expect(() => new LobbyLocations('fra=1+0' as never)).toThrow(TypeError);
    expect(() => new LobbyLocations([], {} as RelayNetwork)).toThrow(/^LobbyLocations: 'network'/);
  });
});

describe('rank into a previous ranking', () => {
  const lobbies = REAL_PING_LOCATIONS.map(({ text }) => text).concat(['nonsense', 'sof=1+0']);
  const pool = new LobbyLocations(lobbies);

  it('refills the same RankedLobbies with the same result, reusing its arrays', () => {
    const player = REAL_PING_LOCATIONS[0]!.text;
    const first = rank(player, pool);
    const before = rows(first);
    const { order, pings, keys, field } = first;
    const again = rank(player, pool, { into: first });
    expect(again).toBe(first);
    expect(rows(again)).toEqual(before);
    expect(again.order).toBe(order);
    expect(again.pings).toBe(pings);
    expect(again.keys).toBe(keys);
    expect(again.field).toBe(field);
  });

  it("refills it with another player's ranking, leaving nothing of the previous one", () => {
    const into = new RankedLobbies();
    for (const { text } of REAL_PING_LOCATIONS) {
      rank(REAL_PING_LOCATIONS[0]!.text, pool, { into });
      const { order, pings } = into;
      rank(text, pool, { into });
      expect(rows(into)).toEqual(rows(rank(text, pool)));
      expect(into.order).toBe(order);
      expect(into.pings).toBe(pings);
    }
  });

  it('reuses its arrays for a shorter list, and reports the shorter length', () => {
    const into = rank('fra=1+0', pool);
    const { order, pings, keys } = into;
    rank('fra=1+0', ['ams=1+0', 'fra=1+0'], { into });
    expect(into.length).toBe(2);
    expect(rows(into)).toEqual([
      [1, 2],
      [0, 8],
    ]);
    expect([into.order, into.pings, into.keys]).toEqual([order, pings, keys]);
    expect(into.order).toBe(order);
  });

  it('grows its arrays for a longer list', () => {
    const into = rank('fra=1+0', ['fra=1+0']);
    rank('fra=1+0', pool, { into });
    expect(into.length).toBe(lobbies.length);
    expect(into.order.length).toBeGreaterThanOrEqual(lobbies.length);
    expect(rows(into)).toEqual(rows(rank('fra=1+0', pool)));
  });
});

describe('rank: cross-checked against estimate', () => {
  it('gives every real lobby the estimate from every real player', () => {
    const lobbies = REAL_PING_LOCATIONS.map(({ text }) => text);
    for (const { text: player } of REAL_PING_LOCATIONS) {
      const ranking = rank(player, lobbies);
      expect(rows(ranking)).toEqual(expectedRows(player, lobbies));
      for (let k = 0; k < ranking.length; k++) {
        expect(ranking.pings[k]).toBe(estimate(player, lobbies[ranking.order[k]!]!));
      }
    }
  });

  it('orders random lobbies as their estimates do, over a reused ranking', () => {
    const side = pingLocation(fc.constantFrom(...VALVE_SIDE_CODES), { minLength: 0 });
    const lobby = fc.oneof(
      { weight: 6, arbitrary: side.map(String) },
      { weight: 1, arbitrary: fc.constantFrom('', 'garbage', 'FRA=1+0') },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null, 3) },
    );
    const into = new RankedLobbies();
    fc.assert(
      fc.property(side, fc.array(lobby, { maxLength: 30 }), (player, lobbies) => {
        const ranking = rank(player, lobbies, { into });
        expect(rows(ranking)).toEqual(expectedRows(player, lobbies));
        const estimated = rows(ranking).filter(([, ping]) => ping >= 0).length;
        expect(ranking.estimatedCount).toBe(estimated);
      }),
      { numRuns: 300 },
    );
  });
});
