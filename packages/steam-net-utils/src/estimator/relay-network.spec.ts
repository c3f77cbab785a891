import { thrownBy } from '../../../core/src/test-support/errors.js';
import { BACKBONE_ROUTE_FACTOR } from './backbone-fill.js';
import { fiberBoundRttMs, greatCircleKm } from './geo.js';
import { popIdFromCode } from './pop-id.js';
import {
  MAX_NETWORK_POPS,
  readNetworkConfig,
  readRelayNetworkConfig,
  RelayNetworkConfigError,
  type ValveNetworkConfig,
  valveNetworkConfig,
  valveRelayNetwork,
} from './relay-network-config.js';
import { RelayNetwork, type RelayPop } from './relay-network.js';
import {
  KNOWN_CORRECTIONS,
  VALVE_NETWORK_REVISION,
  VALVE_POP_ROWS,
  VALVE_TYPICAL_PING_LINES,
} from './valve-relay-network.js';

/** The published pairs, read from the lines of valve-relay-network.ts here, not by the module. */
function publishedPairs(): { a: string; b: string; ms: number }[] {
  const pairs: { a: string; b: string; ms: number }[] = [];
  for (const line of VALVE_TYPICAL_PING_LINES) {
    const [a, ...others] = line.split(' ');
    for (const other of others) {
      const match = /^([a-z][a-z0-9]{1,3}):(\d+)$/.exec(other);
      if (match === null) throw new Error(`unreadable pair '${other}' in '${line}'`);
      pairs.push({ a: a!, b: match[1]!, ms: Number(match[2]) });
    }
  }
  return pairs;
}

/** Shortest paths from every POP over the published pairs alone (Dijkstra, by code). */
function shortestPublishedPaths(
  codes: readonly string[],
  pairs: readonly { a: string; b: string; ms: number }[],
): Map<string, Map<string, number>> {
  const edges = new Map<string, { to: string; ms: number }[]>(codes.map((code) => [code, []]));
  for (const { a, b, ms } of pairs) {
    edges.get(a)!.push({ to: b, ms });
    edges.get(b)!.push({ to: a, ms });
  }
  const all = new Map<string, Map<string, number>>();
  for (const source of codes) {
    const distance = new Map<string, number>(codes.map((code) => [code, Infinity]));
    distance.set(source, 0);
    const done = new Set<string>();
    for (;;) {
      let next: string | undefined;
      for (const code of codes) {
        if (!done.has(code) && (next === undefined || distance.get(code)! < distance.get(next)!)) {
          next = code;
        }
      }
      if (next === undefined || distance.get(next) === Infinity) break;
      done.add(next);
      for (const { to, ms } of edges.get(next)!) {
        const through = distance.get(next)! + ms;
        if (through < distance.get(to)!) distance.set(to, through);
      }
    }
    all.set(source, distance);
  }
  return all;
}

/** The median of `values`: the mean of the middle two for an even count. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

describe("valveRelayNetwork: Valve's built-in network", () => {
  const network = valveRelayNetwork();
  const codes = network.pops.map(({ code }) => code);
  const pairs = publishedPairs();
  const key = (a: string, b: string): string => (a < b ? `${a} ${b}` : `${b} ${a}`);
  const published = new Map(pairs.map(({ a, b, ms }) => [key(a, b), ms]));
  const pop = (code: string): RelayPop => network.pop(code)!;

  it('has the 54 POPs of the rows, sorted by code, and its revision', () => {
    expect(network.size).toBe(54);
    expect(VALVE_POP_ROWS).toHaveLength(54);
    expect(codes).toEqual(VALVE_POP_ROWS.map(([code]) => code));
    expect(codes).toEqual([...codes].sort());
    expect(network.revision).toBe(VALVE_NETWORK_REVISION);
  });

  it('is built once and shared', () => {
    expect(valveRelayNetwork()).toBe(network);
  });

  it('has 200 published pairs, each named once', () => {
    expect(pairs).toHaveLength(200);
    expect(published.size).toBe(200);
    expect(network.publishedPairCount).toBe(200);
  });

  it('reproduces every published pair exactly, both ways, and marks it published', () => {
    for (const { a, b, ms } of pairs) {
      expect([a, b, network.backboneMs(a, b)]).toEqual([a, b, ms]);
      expect([b, a, network.backboneMs(b, a)]).toEqual([b, a, ms]);
      expect(network.isPublished(a, b)).toBe(true);
    }
  });

  it('fills every other pair between ceil(fibre) and the published detour, by the documented rule', () => {
    const paths = shortestPublishedPaths(codes, pairs);
    let filled = 0;
    for (const a of codes) {
      for (const b of codes) {
        if (a >= b || published.has(key(a, b))) continue;
        filled++;
        const fibre = fiberBoundRttMs(pop(a), pop(b));
        const detour = paths.get(a)!.get(b)!;
        const ms = network.backboneMs(a, b)!;
        expect(network.isPublished(a, b)).toBe(false);
        expect(Number.isInteger(ms)).toBe(true);
        expect([a, b, ms >= Math.ceil(fibre)]).toEqual([a, b, true]);
        expect([a, b, ms <= Math.max(Math.ceil(fibre), detour)]).toEqual([a, b, true]);
        const rule = Math.max(
          Math.ceil(fibre),
          Math.round(Math.min(BACKBONE_ROUTE_FACTOR * fibre, detour)),
        );
        expect([a, b, ms]).toEqual([a, b, rule]);
      }
    }
    expect(filled).toBe((54 * 53) / 2 - 200);
  });

  it('is symmetric with a zero diagonal', () => {
    for (const a of codes) {
      expect(network.backboneMs(a, a)).toBe(0);
      for (const b of codes) expect(network.backboneMs(a, b)).toBe(network.backboneMs(b, a));
    }
  });

  it('gives no negative round trip, and none between distinct POPs that are far apart is 0', () => {
    for (const a of codes) {
      for (const b of codes) {
        const ms = network.backboneMs(a, b)!;
        expect(ms).toBeGreaterThanOrEqual(0);
        if (greatCircleKm(pop(a), pop(b)) > 100) expect(ms).toBeGreaterThan(0);
      }
    }
  });

  it('has BACKBONE_ROUTE_FACTOR within 0.02 of the median published ms over fibre (pairs > 500 km)', () => {
    const ratios = pairs
      .filter(({ a, b }) => greatCircleKm(pop(a), pop(b)) > 500)
      .map(({ a, b, ms }) => ms / fiberBoundRttMs(pop(a), pop(b)));
    expect(ratios).toHaveLength(140);
    expect(Math.abs(BACKBONE_ROUTE_FACTOR - median(ratios))).toBeLessThanOrEqual(0.02);
  });

  it('places Madrid at 3.70° W, not where every copy of the config puts it', () => {
    expect(pop('mad').lon).toBe(-3.7);
    expect(KNOWN_CORRECTIONS).toContainEqual(
      expect.objectContaining({ code: 'mad', field: 'lon', published: 3.34, corrected: -3.7 }),
    );
  });

  it("places pwj at Tianjin's coordinates (tsn), as corrected", () => {
    expect({ lat: pop('pwj').lat, lon: pop('pwj').lon }).toEqual({
      lat: pop('tsn').lat,
      lon: pop('tsn').lon,
    });
  });

  it('carries the rows: description, tier, partners, aliases and relay count', () => {
    expect(pop('fra')).toEqual({
      code: 'fra',
      id: popIdFromCode('fra'),
      description: 'Frankfurt (Germany)',
      lat: 50.12,
      lon: 8.68,
      tier: 0,
      partners: 1,
      aliases: [],
      relayCount: 9,
    });
    expect(pop('eat').relayCount).toBe(0);
    expect(pop('tyo').aliases).toEqual(['tyo1', 'tyo2', 'tyo3']);
  });

  it('looks aliases up as their POP (tyo1 → tyo, mwh → eat, wuh → pww, pwt → shb)', () => {
    for (const [alias, code] of [
      ['tyo1', 'tyo'],
      ['tyo2', 'tyo'],
      ['mwh', 'eat'],
      ['wuh', 'pww'],
      ['pwt', 'shb'],
    ] as const) {
      expect(network.indexOf(popIdFromCode(alias))).toBe(codes.indexOf(code));
      expect(network.pop(alias)).toBe(network.pop(code));
      expect(network.backboneMs(alias, code)).toBe(0);
    }
    expect(network.backboneMs('tyo1', 'sgp')).toBe(78);
    expect(network.backboneMs('mwh', 'sea')).toBe(3);
    expect(network.isPublished('tyo1', 'sgp')).toBe(true);
  });

  it('knows nothing of codes outside it, nor of malformed ones, and never throws for them', () => {
    expect(network.pop('sof')).toBeUndefined();
    expect(network.pop('FRA')).toBeUndefined();
    expect(network.pop('')).toBeUndefined();
    expect(network.pop(7 as unknown as string)).toBeUndefined();
    expect(network.indexOf(popIdFromCode('sof'))).toBe(-1);
    expect(network.backboneMs('fra', 'sof')).toBeUndefined();
    expect(network.backboneMs('lux', 'fra')).toBeUndefined();
    expect(network.isPublished('fra', 'sof')).toBe(false);
  });

  it('cannot be changed through the POPs it hands out', () => {
    expect(Object.isFrozen(network.pops)).toBe(true);
    expect(Object.isFrozen(pop('fra'))).toBe(true);
  });
});

describe('geo: the fibre bound', () => {
  it('measures London to Paris at about 344 km, 3.44 ms of fibre round trip', () => {
    const london = { lat: 51.5074, lon: -0.1278 };
    const paris = { lat: 48.8566, lon: 2.3522 };
    expect(greatCircleKm(london, paris)).toBeCloseTo(343.5, 0);
    expect(fiberBoundRttMs(london, paris)).toBeCloseTo(3.435, 2);
  });

  it('is symmetric, zero for one point and finite at the antipodes', () => {
    const a = { lat: 10, lon: 20 };
    const b = { lat: -10, lon: -160 };
    expect(greatCircleKm(a, b)).toBe(greatCircleKm(b, a));
    expect(greatCircleKm(a, a)).toBe(0);
    expect(greatCircleKm(a, b)).toBeCloseTo(Math.PI * 6371.0088, 3);
  });
});

describe('readRelayNetworkConfig', () => {
  /** A small config: three POPs in a line 1,000 km apart or so, one published pair. */
  const smallConfig = (): ValveNetworkConfig => ({
    revision: 7,
    pops: {
      aaa: { desc: 'A', geo: [0, 0], tier: 0, partners: 1, aliases: ['a1'], relays: [{}, {}] },
      bbb: { desc: 'B', geo: [9, 0] },
      ccc: { geo: [18, 0] },
    },
    typical_pings: [['aaa', 'bbb', 25]],
  });

  it("reads Valve's built-in config into the same network as valveRelayNetwork()", () => {
    const { network, skipped } = readRelayNetworkConfig(valveNetworkConfig());
    const valve = valveRelayNetwork();
    expect(skipped).toEqual([]);
    expect(network).not.toBe(valve);
    expect(network.pops).toEqual(valve.pops);
    expect(network.backbone).toEqual(valve.backbone);
    expect(network.published).toEqual(valve.published);
    expect(network.revision).toBe(VALVE_NETWORK_REVISION);
  });

  it('reads JSON text as it reads the object', () => {
    const { network, skipped } = readRelayNetworkConfig(JSON.stringify(valveNetworkConfig()));
    expect(skipped).toEqual([]);
    expect(network.backbone).toEqual(valveRelayNetwork().backbone);
    expect(network.pops).toEqual(valveRelayNetwork().pops);
  });

  it('corrects Madrid published at 3.34° E, as every copy of the config has it', () => {
    const config = valveNetworkConfig();
    const madrid = config.pops['mad']!;
    const published = {
      ...config,
      pops: { ...config.pops, mad: { ...madrid, geo: [3.34, 40.23] } },
    };
    const { network } = readRelayNetworkConfig(published);
    expect(network.pop('mad')!.lon).toBe(-3.7);
    expect(network.backbone).toEqual(valveRelayNetwork().backbone);
  });

  it('corrects only the exact wrong value: Madrid moved elsewhere is taken as given', () => {
    const config = valveNetworkConfig();
    const moved = {
      ...config,
      pops: { ...config.pops, mad: { ...config.pops['mad']!, geo: [3.35, 40.23] } },
    };
    expect(readRelayNetworkConfig(moved).network.pop('mad')!.lon).toBe(3.35);
  });

  it("applies only the corrections it is given: a network that is not Valve's keeps its places", () => {
    const beacons = { pops: { mad: { desc: 'our Madrid box', geo: [3.34, 40.23] } } };
    expect(readNetworkConfig(beacons, []).network.pop('mad')!.lon).toBe(3.34);
    expect(readNetworkConfig(beacons, KNOWN_CORRECTIONS).network.pop('mad')!.lon).toBe(-3.7);
  });

  it('corrects pwj published at 116.4° E, 38.3° N to Tianjin', () => {
    const config = valveNetworkConfig();
    const pwj = { ...config, pops: { ...config.pops, pwj: { geo: [116.4, 38.3] } } };
    expect(readRelayNetworkConfig(pwj).network.pop('pwj')).toMatchObject({ lat: 39.8, lon: 117.1 });
  });

  it('reads a small config: fields, defaults, aliases and the fill', () => {
    const { network, skipped } = readRelayNetworkConfig(smallConfig());
    expect(skipped).toEqual([]);
    expect(network.revision).toBe(7);
    expect(network.pop('aaa')).toMatchObject({
      description: 'A',
      tier: 0,
      partners: 1,
      relayCount: 2,
    });
    expect(network.pop('ccc')).toMatchObject({
      description: 'ccc',
      tier: 1,
      partners: 0,
      relayCount: 0,
    });
    expect(network.pop('a1')).toBe(network.pop('aaa'));
    expect(network.backboneMs('aaa', 'bbb')).toBe(25);
    const fibre = (a: string, b: string): number =>
      fiberBoundRttMs(network.pop(a)!, network.pop(b)!);
    // bbb–ccc: not published and no published detour, so 1.96 × fibre.
    expect(network.backboneMs('bbb', 'ccc')).toBe(
      Math.round(BACKBONE_ROUTE_FACTOR * fibre('bbb', 'ccc')),
    );
    expect(network.isPublished('bbb', 'ccc')).toBe(false);
  });

  it('fills a pair with a published detour shorter than the model', () => {
    const config = smallConfig();
    const { network } = readRelayNetworkConfig({
      ...config,
      typical_pings: [
        ['aaa', 'bbb', 11],
        ['bbb', 'ccc', 11],
      ],
    });
    // 2 × 1,000 km: fibre 20 ms, model 39.4 ms, detour 22 ms.
    expect(network.backboneMs('aaa', 'ccc')).toBe(22);
  });

  it('never fills a pair below the fibre bound, even with a shorter published detour', () => {
    const { network } = readRelayNetworkConfig({
      ...smallConfig(),
      typical_pings: [
        ['aaa', 'bbb', 1],
        ['bbb', 'ccc', 1],
      ],
    });
    const fibre = fiberBoundRttMs(network.pop('aaa')!, network.pop('ccc')!);
    expect(network.backboneMs('aaa', 'ccc')).toBe(Math.ceil(fibre));
    // Published pairs keep their value, below physics or not.
    expect(network.backboneMs('aaa', 'bbb')).toBe(1);
  });

  it('reads a pair named by an alias as its POP', () => {
    const { network } = readRelayNetworkConfig({
      ...smallConfig(),
      typical_pings: [['a1', 'ccc', 30]],
    });
    expect(network.backboneMs('aaa', 'ccc')).toBe(30);
    expect(network.isPublished('aaa', 'ccc')).toBe(true);
  });

  it('skips malformed POPs, naming each, and keeps the rest', () => {
    const { network, skipped } = readRelayNetworkConfig({
      pops: {
        fra: { geo: [8.68, 50.12] },
        FRA: { geo: [8.68, 50.12] },
        toolong: { geo: [0, 0] },
        nul: null,
        arr: [1, 2],
        nog: { desc: 'no geo' },
        one: { geo: [1] },
        str: { geo: ['8', '50'] },
        lat: { geo: [0, 91] },
        lon: { geo: [181, 0] },
        nan: { geo: [Number.NaN, 0] },
      },
    });
    expect(network.pops.map(({ code }) => code)).toEqual(['fra']);
    expect(skipped).toHaveLength(10);
    for (const code of ['FRA', 'toolong', 'nul', 'arr', 'nog', 'one', 'str', 'lat', 'lon', 'nan']) {
      expect(skipped.filter((line) => line.startsWith(`POP '${code}'`))).toHaveLength(1);
    }
  });

  it('skips malformed aliases, tiers and partners without skipping their POP', () => {
    const { network, skipped } = readRelayNetworkConfig({
      pops: { fra: { geo: [8.68, 50.12], aliases: ['FRA', 7, 'fra2'], tier: -1, partners: 1.5 } },
    });
    expect(skipped).toEqual([]);
    expect(network.pop('fra')).toMatchObject({ aliases: ['fra2'], tier: 1, partners: 0 });
  });

  it('skips malformed pairs, naming each by its index, and keeps the rest', () => {
    const { network, skipped } = readRelayNetworkConfig({
      ...smallConfig(),
      typical_pings: [
        ['aaa', 'bbb', 25],
        ['aaa', 'ccc'],
        ['aaa', 'ccc', -1],
        ['aaa', 'ccc', 65535],
        ['aaa', 'ccc', '30'],
        ['aaa', 'ccc', Number.NaN],
        ['AAA', 'ccc', 30],
        'aaa ccc 30',
        null,
      ] as unknown as ValveNetworkConfig['typical_pings'],
    });
    expect(skipped).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((k) => `typical_pings[${k}]: not [pop, pop, ms]`),
    );
    expect(network.publishedPairCount).toBe(1);
    expect(network.isPublished('aaa', 'ccc')).toBe(false);
  });

  it('skips typical_pings that is not an array, and reads the POPs', () => {
    const { network, skipped } = readRelayNetworkConfig({
      ...smallConfig(),
      typical_pings: { aaa: 1 } as unknown as ValveNetworkConfig['typical_pings'],
    });
    expect(skipped).toEqual(["'typical_pings': not an array"]);
    expect(network.size).toBe(3);
    expect(network.publishedPairCount).toBe(0);
  });

  it('leaves out a well-formed pair that names a POP the config lacks', () => {
    const { network } = readRelayNetworkConfig({
      ...smallConfig(),
      typical_pings: [
        ['aaa', 'zzz', 5],
        ['aaa', 'aaa', 5],
      ],
    });
    expect(network.publishedPairCount).toBe(0);
    expect(network.backboneMs('aaa', 'aaa')).toBe(0);
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an array', [{ pops: {} }]],
    ['an object without pops', { typical_pings: [] }],
    ['an object whose pops is an array', { pops: [] }],
    ['an object whose pops is null', { pops: null }],
    ['JSON text of a number', '42'],
    ['JSON text of null', 'null'],
  ])('throws a RelayNetworkConfigError for %s', (_, config) => {
    const error = thrownBy(() => readRelayNetworkConfig(config), RelayNetworkConfigError);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.code).toBe('ESTIMATOR_NETWORK_CONFIG_INVALID');
    expect(error.message).toMatch(/'pops' object/);
  });

  it('throws a RelayNetworkConfigError for text that is not JSON', () => {
    const error = thrownBy(() => readRelayNetworkConfig('{"pops": {'), RelayNetworkConfigError);
    expect(error.code).toBe('ESTIMATOR_NETWORK_CONFIG_INVALID');
    expect(error.message).toMatch(/not JSON/);
  });

  it('throws a RelayNetworkConfigError for more than 254 POPs, counting malformed ones', () => {
    // Every key counts, read or skipped; only the first `located` have coordinates.
    const pops = (count: number, located: number): Record<string, { geo?: [number, number] }> =>
      Object.fromEntries(
        Array.from({ length: count }, (_, k) => [
          `p${k.toString(36)}`,
          k < located ? { geo: [k, 0] } : {},
        ]),
      );
    expect(MAX_NETWORK_POPS).toBe(254);
    const error = thrownBy(
      () => readRelayNetworkConfig({ pops: pops(255, 10) }),
      RelayNetworkConfigError,
    );
    expect(error.message).toMatch(/255 POPs/);
    const { network, skipped } = readRelayNetworkConfig({ pops: pops(254, 10) });
    expect(network.size).toBe(10);
    expect(skipped).toHaveLength(244);
  });

  it('treats a POP named __proto__ as a malformed code and pollutes nothing', () => {
    const text =
      '{"pops": {"__proto__": {"geo": [1, 2], "polluted": true}, "fra": {"geo": [8.68, 50.12]}},' +
      ' "typical_pings": [["__proto__", "fra", 3]]}';
    const { network, skipped } = readRelayNetworkConfig(text);
    expect(network.pops.map(({ code }) => code)).toEqual(['fra']);
    expect(skipped).toEqual([
      "POP '__proto__': not a POP code of 1 to 4 lowercase letters or digits",
      'typical_pings[0]: not [pop, pop, ms]',
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['geo']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(network.pop('__proto__')).toBeUndefined();
  });

  it('pollutes nothing for an own __proto__ key in an object either', () => {
    const pops: Record<string, unknown> = { fra: { geo: [8.68, 50.12] } };
    Object.defineProperty(pops, '__proto__', {
      value: { geo: [0, 0], polluted: true },
      enumerable: true,
    });
    const { network, skipped } = readRelayNetworkConfig({ pops });
    expect(network.size).toBe(1);
    expect(skipped).toHaveLength(1);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('is what RelayNetwork is built from: a network from the same data equals it', () => {
    const { network } = readRelayNetworkConfig(smallConfig());
    const again = new RelayNetwork({
      revision: network.revision,
      pops: network.pops,
      typicalPings: [{ a: 'aaa', b: 'bbb', ms: 25 }],
    });
    expect(again.backbone).toEqual(network.backbone);
  });
});

describe('the RelayNetwork constructor', () => {
  const pop = (code: string, overrides: Partial<RelayPop> = {}): RelayPop => ({
    code,
    id: popIdFromCode(code),
    description: code,
    lat: 50,
    lon: 8,
    tier: 1,
    partners: 1,
    aliases: [],
    relayCount: 1,
    ...overrides,
  });

  it('builds a network from sound data', () => {
    const network = new RelayNetwork({
      pops: [pop('fra'), pop('ams', { lat: 52.37, lon: 4.9 })],
      typicalPings: [{ a: 'ams', b: 'fra', ms: 6 }],
    });
    expect(network.backboneMs('fra', 'ams')).toBe(6);
  });

  it.each([
    ['a round trip below 0', [pop('fra'), pop('ams')], [{ a: 'ams', b: 'fra', ms: -1 }]],
    ['a round trip of NaN', [pop('fra'), pop('ams')], [{ a: 'ams', b: 'fra', ms: NaN }]],
    ['a round trip above 65534', [pop('fra'), pop('ams')], [{ a: 'ams', b: 'fra', ms: 65535 }]],
    ['a POP listed twice', [pop('fra'), pop('fra')], []],
    ['a POP with another code’s id', [pop('fra', { id: popIdFromCode('ams') })], []],
    ['a POP off the globe', [pop('fra', { lat: 91 })], []],
    ['an alias that is not a code', [pop('fra', { aliases: ['FRA1'] })], []],
    ['a code that is not one', [pop('fra'), { ...pop('fra'), code: 'Frankfurt' }], []],
  ])('refuses %s with a RangeError', (_what, pops, typicalPings) => {
    expect(() => new RelayNetwork({ pops, typicalPings })).toThrow(RangeError);
  });
});
