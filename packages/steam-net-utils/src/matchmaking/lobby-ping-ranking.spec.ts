import { ManualClock } from '@relaylane/core';

import { NETWORKING_PING_FAILED, NETWORKING_PING_UNKNOWN, PING_LOCATION_BYTES } from '../index.js';
import { createNetworkingUtils } from '../compose/create-networking-utils.js';
import { type NetworkingUtils } from '../service/networking-utils.js';
import { simulatedBackend } from '../backends/simulated/simulated-backend-provider.js';
import {
  type SimulationControls,
  SimulationControlsCapability,
} from '../backends/simulated/simulation-controls.js';
import { SimulatedWorld } from '../backends/simulated/simulated-world.js';
import {
  LobbyPingRanking,
  type PingLocationSource,
  type RankedLobby,
} from './lobby-ping-ranking.js';

interface Lobby {
  readonly name: string;
  readonly pingLocation: string;
}

/**
 * A source with exact answers: `'loc:<id>'` parses to a location carrying `id` in its first four
 * bytes, anything else does not parse; the estimate of a location is `estimates.get(id)`.
 */
class ScriptedSource implements PingLocationSource {
  readonly parsed: string[] = [];
  readonly estimates = new Map<number, number>();
  estimateCalls = 0;

  parsePingLocationString(text: string): { success: boolean; ping_location: Uint8Array } {
    this.parsed.push(text);
    const match = /^loc:(\d+)$/.exec(text);
    const bytes = new Uint8Array(PING_LOCATION_BYTES);
    if (match === null) return { success: false, ping_location: bytes };
    new DataView(bytes.buffer).setUint32(0, Number(match[1]));
    return { success: true, ping_location: bytes };
  }

  estimatePingTimeFromLocalHost(location: Uint8Array): number {
    this.estimateCalls++;
    const id = new DataView(location.buffer, location.byteOffset).getUint32(0);
    return this.estimates.get(id) ?? NETWORKING_PING_UNKNOWN;
  }
}

function scripted(pings: Record<number, number>): ScriptedSource {
  const source = new ScriptedSource();
  for (const [id, ping] of Object.entries(pings)) source.estimates.set(Number(id), ping);
  return source;
}

const lobby = (name: string, pingLocation: string): Lobby => ({ name, pingLocation });
const rows = (ranked: readonly RankedLobby<Lobby>[]): string[] =>
  ranked.map(({ lobby: l, ping }) => `${l.name}:${ping}`);

describe('LobbyPingRanking with exact estimates', () => {
  it('ranks an empty list as an empty list without asking the source anything', () => {
    const source = scripted({});
    const ranking = new LobbyPingRanking<Lobby>(source);
    expect(ranking.rank([])).toEqual([]);
    expect(source.parsed).toEqual([]);
    expect(source.estimateCalls).toBe(0);
  });

  it('sorts lobbies by estimated ping, ascending, keeping each lobby object', () => {
    const source = scripted({ 1: 120, 2: 15, 3: 48 });
    const lobbies = [lobby('a', 'loc:1'), lobby('b', 'loc:2'), lobby('c', 'loc:3')];
    const ranked = new LobbyPingRanking<Lobby>(source).rank(lobbies);
    expect(rows(ranked)).toEqual(['b:15', 'c:48', 'a:120']);
    expect(ranked[0]!.lobby).toBe(lobbies[1]);
  });

  it('parses a string shared by several lobbies once, and estimates it once per ranking', () => {
    const source = scripted({ 1: 20, 2: 10 });
    const ranking = new LobbyPingRanking<Lobby>(source);
    const lobbies = ['loc:1', 'loc:2', 'loc:1', 'loc:1', 'loc:2'].map((s, i) => lobby(`${i}`, s));
    const ranked = ranking.rank(lobbies);
    expect(rows(ranked)).toEqual(['1:10', '4:10', '0:20', '2:20', '3:20']);
    expect(source.parsed).toEqual(['loc:1', 'loc:2']);
    expect(ranking.cacheSize).toBe(2);
    expect(source.estimateCalls).toBe(2);
  });

  it('keeps input order among equal pings (a stable sort)', () => {
    const source = scripted({ 1: 30, 2: 30, 3: 5 });
    const lobbies = ['loc:2', 'loc:1', 'loc:3', 'loc:2', 'loc:1'].map((s, i) => lobby(`${i}`, s));
    expect(rows(new LobbyPingRanking<Lobby>(source).rank(lobbies))).toEqual([
      '2:5',
      '0:30',
      '1:30',
      '3:30',
      '4:30',
    ]);
  });

  it('puts unparsable, empty and over-long strings last with NETWORKING_PING_UNKNOWN, in input order', () => {
    const source = scripted({ 1: 70 });
    const lobbies = [
      lobby('garbage', 'not a location'),
      lobby('empty', ''),
      lobby('huge', 'loc:1'.padEnd(2000, '9')),
      lobby('good', 'loc:1'),
      { name: 'missing' } as unknown as Lobby,
    ];
    const ranked = new LobbyPingRanking<Lobby>(source).rank(lobbies);
    expect(rows(ranked)).toEqual([
      'good:70',
      `garbage:${NETWORKING_PING_UNKNOWN}`,
      `empty:${NETWORKING_PING_UNKNOWN}`,
      `huge:${NETWORKING_PING_UNKNOWN}`,
      `missing:${NETWORKING_PING_UNKNOWN}`,
    ]);
  });

  it('never hands the source an empty or over-long string, nor caches one', () => {
    const source = scripted({});
    const ranking = new LobbyPingRanking<Lobby>(source);
    ranking.rank([
      lobby('empty', ''),
      lobby('huge', 'x'.repeat(1024)),
      lobby('max', 'x'.repeat(1023)),
    ]);
    expect(source.parsed.map((text) => text.length)).toEqual([1023]);
    expect(ranking.cacheSize).toBe(1);
  });

  it('ranks failed estimates after every ping and before unknown ones', () => {
    const source = scripted({ 1: NETWORKING_PING_FAILED, 2: 250, 3: NETWORKING_PING_UNKNOWN });
    const lobbies = [lobby('unknown', 'loc:3'), lobby('failed', 'loc:1'), lobby('far', 'loc:2')];
    expect(rows(new LobbyPingRanking<Lobby>(source).rank(lobbies))).toEqual([
      'far:250',
      `failed:${NETWORKING_PING_FAILED}`,
      `unknown:${NETWORKING_PING_UNKNOWN}`,
    ]);
  });

  it('reports an estimate that is neither a ping nor FAILED as NETWORKING_PING_UNKNOWN', () => {
    const source = scripted({ 1: -5, 2: NaN, 3: 12 });
    const lobbies = [lobby('odd', 'loc:1'), lobby('nan', 'loc:2'), lobby('ok', 'loc:3')];
    expect(rows(new LobbyPingRanking<Lobby>(source).rank(lobbies))).toEqual([
      'ok:12',
      `odd:${NETWORKING_PING_UNKNOWN}`,
      `nan:${NETWORKING_PING_UNKNOWN}`,
    ]);
  });

  it('keeps fractional pings in order (as a backend other than Steam may give)', () => {
    const source = scripted({ 1: 10.75, 2: 10.25 });
    const lobbies = [lobby('a', 'loc:1'), lobby('b', 'loc:2')];
    expect(rows(new LobbyPingRanking<Lobby>(source).rank(lobbies))).toEqual(['b:10.25', 'a:10.75']);
  });

  it('reranks with fresh estimates and parses nothing again', () => {
    const source = scripted({ 1: 10, 2: 90 });
    const ranking = new LobbyPingRanking<Lobby>(source);
    ranking.rank([lobby('a', 'loc:1'), lobby('b', 'loc:2'), lobby('a2', 'loc:1')]);
    source.parsed.length = 0;
    source.estimates.set(1, 100);
    source.estimates.set(2, 20);
    expect(rows(ranking.rerank())).toEqual(['b:20', 'a:100', 'a2:100']);
    expect(source.parsed).toEqual([]);
  });

  it('reranks the list as given to rank(), not as the caller changed the array afterwards', () => {
    const source = scripted({ 1: 10, 2: 20 });
    const ranking = new LobbyPingRanking<Lobby>(source);
    const lobbies = [lobby('a', 'loc:1'), lobby('b', 'loc:2')];
    ranking.rank(lobbies);
    lobbies.push(lobby('c', 'loc:1'));
    expect(rows(ranking.rerank())).toEqual(['a:10', 'b:20']);
    expect(ranking.lobbyCount).toBe(2);
  });

  it('reranks nothing before the first rank()', () => {
    expect(new LobbyPingRanking<Lobby>(scripted({})).rerank()).toEqual([]);
  });

  it('keeps the cache bounded: the current list plus the most recently ranked others', () => {
    const source = scripted({ 1: 1, 2: 2, 3: 3, 4: 4 });
    const ranking = new LobbyPingRanking<Lobby>(source, { maxCachedLocations: 2 });
    ranking.rank(['loc:1', 'loc:2', 'loc:3'].map((s) => lobby(s, s)));
    expect(ranking.cacheSize).toBe(3); // all needed by a rerank
    ranking.rank([lobby('4', 'loc:4')]);
    expect(ranking.cacheSize).toBe(2);
    source.parsed.length = 0;
    ranking.rank([lobby('3', 'loc:3'), lobby('1', 'loc:1')]);
    expect(source.parsed).toEqual(['loc:1']); // 'loc:3' stayed, 'loc:1' had been evicted
  });

  it('clearCache() empties the cache; rerank still parses nothing, the next rank parses again', () => {
    const source = scripted({ 1: 10 });
    const ranking = new LobbyPingRanking<Lobby>(source);
    const lobbies = [lobby('a', 'loc:1')];
    ranking.rank(lobbies);
    ranking.clearCache();
    expect(ranking.cacheSize).toBe(0);
    expect(rows(ranking.rerank())).toEqual(['a:10']);
    expect(source.parsed).toEqual(['loc:1']);
    ranking.rank(lobbies);
    expect(source.parsed).toEqual(['loc:1', 'loc:1']);
  });

  it('ranks a large list with few distinct locations like a plain stable sort', () => {
    const distinct = 500;
    const pings: Record<number, number> = {};
    for (let id = 0; id < distinct; id++) pings[id] = (id * 37) % 211;
    pings[7] = NETWORKING_PING_FAILED;
    const source = scripted(pings);
    const lobbies = Array.from({ length: 30_000 }, (_, i) =>
      lobby(`${i}`, i % 997 === 0 ? 'junk' : `loc:${(i * 7919) % distinct}`),
    );
    const ranking = new LobbyPingRanking<Lobby>(source);
    const ranked = ranking.rank(lobbies);
    const expected = lobbies
      .map((l, index) => {
        const id = /^loc:(\d+)$/.exec(l.pingLocation);
        return { index, ping: id === null ? NETWORKING_PING_UNKNOWN : pings[Number(id[1])]! };
      })
      .sort((a, b) => {
        const key = (p: number) => (p >= 0 ? p : p === NETWORKING_PING_FAILED ? 1e9 : 2e9);
        return key(a.ping) - key(b.ping) || a.index - b.index;
      });
    // Compared as one string: a mismatch still shows where, and a 30,000-element diff stays cheap.
    const got = ranked.map((r) => `${r.lobby.name}:${r.ping}`).join(' ');
    expect(got).toBe(expected.map((e) => `${e.index}:${e.ping}`).join(' '));
    expect(ranking.cacheSize).toBe(distinct + 1);
    expect(source.estimateCalls).toBe(distinct);
  });

  it('refuses a list that is not an array, or an element that is not an object, by position', () => {
    const ranking = new LobbyPingRanking<Lobby>(scripted({ 1: 1 }));
    expect(() => ranking.rank('loc:1' as unknown as Lobby[])).toThrow(
      /LobbyPingRanking\.rank: lobbies must be an array/,
    );
    ranking.rank([lobby('a', 'loc:1')]);
    expect(() => ranking.rank([lobby('a', 'loc:1'), null as unknown as Lobby])).toThrow(
      /LobbyPingRanking\.rank: lobbies\[1\] must be an object with a pingLocation string, got null/,
    );
    // A list that failed half-way is not ranked: rerank has nothing.
    expect(ranking.rerank()).toEqual([]);
  });

  it('refuses a source without the two methods and a bad cache size', () => {
    expect(() => new LobbyPingRanking({} as PingLocationSource)).toThrow(TypeError);
    expect(() => new LobbyPingRanking(scripted({}), { maxCachedLocations: -1 })).toThrow(
      /maxCachedLocations must be an integer >= 0, got -1/,
    );
    expect(() => new LobbyPingRanking(scripted({}), { maxCachedLocations: 1.5 })).toThrow(
      RangeError,
    );
  });
});

describe('LobbyPingRanking over the simulated relay network (integration)', () => {
  const HOST_CITIES = ['Sydney', 'Paris', 'New York', 'Tokyo', 'Warsaw', 'Amsterdam'];

  /** A player in Frankfurt and lobbies hosted around the world, in one world. */
  function setUp() {
    const clock = new ManualClock();
    const world = new SimulatedWorld({ seed: 11 });
    const networkingUtils = createNetworkingUtils({
      backend: simulatedBackend({ location: 'Frankfurt', seed: 11, world }),
      gameClock: clock,
    });
    const lobbies = HOST_CITIES.map((city) =>
      lobby(city, world.locationStringFor(world.createHost({ location: city }))),
    );
    const run = (ms: number): void => {
      for (let t = 0; t < ms; t += 50) {
        clock.advance(50);
        networkingUtils.runCallbacks();
      }
    };
    // Counts the parses the ranking asks for, answering through the real service.
    const parsed: string[] = [];
    const source: PingLocationSource = {
      parsePingLocationString: (text) => {
        parsed.push(text);
        return networkingUtils.parsePingLocationString(text);
      },
      estimatePingTimeFromLocalHost: (location) =>
        networkingUtils.estimatePingTimeFromLocalHost(location),
    };
    return { networkingUtils, lobbies, run, parsed, ranking: new LobbyPingRanking<Lobby>(source) };
  }

  function names(ranked: readonly RankedLobby<Lobby>[]): string[] {
    return ranked.map((r) => r.lobby.name);
  }

  function network(networkingUtils: NetworkingUtils): SimulationControls {
    const controls = networkingUtils.capability(SimulationControlsCapability);
    if (controls === undefined) throw new Error('not simulated');
    return controls;
  }

  it('has no estimate before the local host has ping data: all unknown, in input order', () => {
    const { ranking, lobbies } = setUp();
    const ranked = ranking.rank(lobbies);
    expect(names(ranked)).toEqual(HOST_CITIES);
    expect(new Set(ranked.map((r) => r.ping))).toEqual(new Set([NETWORKING_PING_UNKNOWN]));
  });

  it('ranks the nearby hosts first once the relay network is current', () => {
    const { networkingUtils, ranking, lobbies, run } = setUp();
    networkingUtils.initRelayNetworkAccess();
    run(10_000);
    const ranked = ranking.rank(lobbies);
    const pings = ranked.map((r) => r.ping);
    expect(pings.every((p) => p > 0)).toBe(true);
    expect(pings).toEqual([...pings].sort((a, b) => a - b));
    expect(names(ranked).slice(0, 3).sort()).toEqual(['Amsterdam', 'Paris', 'Warsaw']);
    expect(names(ranked).slice(-1)).toEqual(['Sydney']);
  });

  it('after the player moves, rerank changes the order without parsing again', () => {
    const { networkingUtils, ranking, lobbies, run, parsed } = setUp();
    networkingUtils.initRelayNetworkAccess();
    run(10_000);
    const before = ranking.rank(lobbies);
    parsed.length = 0;
    network(networkingUtils).moveTo('Sydney');
    run(15_000);
    const after = ranking.rerank();
    expect(parsed).toEqual([]);
    expect(names(after)[0]).toBe('Sydney');
    expect(names(after)).not.toEqual(names(before));
    const pings = after.map((r) => r.ping);
    expect(pings).toEqual([...pings].sort((a, b) => a - b));
  });

  it('ranks the same with the service itself as the source (prepared locations), after moves too', () => {
    const { networkingUtils, ranking, lobbies, run } = setUp();
    const direct = new LobbyPingRanking<Lobby>(networkingUtils);
    networkingUtils.initRelayNetworkAccess();
    run(10_000);
    expect(direct.rank(lobbies)).toEqual(ranking.rank(lobbies));
    network(networkingUtils).moveTo('Sydney');
    run(15_000);
    expect(direct.rerank()).toEqual(ranking.rerank());
    network(networkingUtils).setOffline(true);
    run(1_000);
    expect(direct.rerank()).toEqual(ranking.rerank());
  });

  it('shows NETWORKING_PING_FAILED for every lobby once the local host lost the relays', () => {
    const { networkingUtils, ranking, lobbies, run } = setUp();
    networkingUtils.initRelayNetworkAccess();
    run(10_000);
    ranking.rank(lobbies);
    network(networkingUtils).setOffline(true);
    run(120_000);
    expect(new Set(ranking.rerank().map((r) => r.ping))).toEqual(new Set([NETWORKING_PING_FAILED]));
  });
});
