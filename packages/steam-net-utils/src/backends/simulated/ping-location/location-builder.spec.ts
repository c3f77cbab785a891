import fc from 'fast-check';

import { MAX_ROUTE_MS } from '../../../estimator/location-record.js';
import { parse } from '../../../estimator/ping-location-text.js';
import {
  type PingLocation,
  type PingLocationEntry,
  type PingRoute,
} from '../../../estimator/ping-location.js';
import { popIdFromCode } from '../../../estimator/pop-id.js';
import { RelayNetwork, type TypicalPing } from '../../../estimator/relay-network.js';
import { SimulatedWorld, type WorldHost } from '../simulated-world.js';
import { LatencyModel, POP_CATALOGUE, type PopInfo } from '../world/index.js';
import {
  buildPingLocation,
  directExtraMs,
  VIA_TOLERANCE_MS,
} from '../../../estimator/location-builder.js';

// ---------------------------------------------------------------------------------------------
// A model of 14 catalogue POPs over a relay network whose every backbone pair the test chooses.
// The model's order is not the alphabetical one, so that "model order" is told from "by code".

const CODES = [
  'sto', // 0
  'ams', // 1
  'fra', // 2
  'lhr', // 3
  'par', // 4
  'eat', // 5: no relays (a server-only site)
  'mad', // 6
  'vie', // 7
  'waw', // 8
  'hel', // 9
  'iad', // 10
  'jfk', // 11
  'atl', // 12
  'ord', // 13
] as const;
type Code = (typeof CODES)[number];

const I = Object.fromEntries(CODES.map((code, index) => [code, index])) as Record<Code, number>;

/** The backbone every pair not named has: far too long for any via route to be shown. */
const FAR_MS = 500;

const pop = (code: string): PopInfo => {
  const found = POP_CATALOGUE.find((candidate) => candidate.code === code);
  if (found === undefined) throw new Error(`no catalogue POP '${code}'`);
  return found;
};

/** A model of {@link CODES} whose backbone is `pairs` ('ams-fra': ms), else `fill(i, j)`, i < j. */
function modelWith(
  pairs: Partial<Record<`${Code}-${Code}`, number>> = {},
  fill: (i: number, j: number) => number = () => FAR_MS,
): LatencyModel {
  const pops = CODES.map(pop);
  const typicalPings: TypicalPing[] = [];
  for (let i = 0; i < CODES.length; i++) {
    for (let j = i + 1; j < CODES.length; j++) {
      const a = CODES[i]!;
      const b = CODES[j]!;
      const ms = pairs[`${a}-${b}`] ?? pairs[`${b}-${a}`] ?? fill(i, j);
      typicalPings.push({ a, b, ms });
    }
  }
  const model = new LatencyModel({ pops, network: new RelayNetwork({ pops, typicalPings }) });
  // The backbone is exactly what was asked for.
  for (let i = 0; i < CODES.length; i++) {
    for (let j = 0; j < CODES.length; j++) {
      const a = CODES[i]!;
      const b = CODES[j]!;
      const want =
        i === j
          ? 0
          : (pairs[`${a}-${b}`] ?? pairs[`${b}-${a}`] ?? fill(Math.min(i, j), Math.max(i, j)));
      if (model.backbone.rttMs(i, j) !== want) throw new Error(`backbone ${a}-${b} is not ${want}`);
    }
  }
  return model;
}

/** Pings by code (any insertion order), as the model's index map. */
const pingsOf = (pings: readonly (readonly [Code, number])[]): Map<number, number> =>
  new Map(pings.map(([code, ms]) => [I[code], ms]));

const only =
  (...codes: Code[]) =>
  (index: number): boolean =>
    codes.some((code) => I[code] === index);
const everyPop = (): boolean => true;

const id = popIdFromCode;

/** The one entry of `location` for `code`. */
function entryFor(location: PingLocation, code: string): PingLocationEntry {
  const entry = location.entries().find((candidate) => candidate.code === code);
  if (entry === undefined) throw new Error(`no entry '${code}' in '${String(location)}'`);
  return entry;
}

// ---------------------------------------------------------------------------------------------
// A reference written from the rules, for the properties.

interface ReferenceEntry {
  readonly popId: number;
  readonly index: number;
  readonly direct: PingRoute | undefined;
  readonly via: PingRoute | undefined;
  /** Every entry POP whose via route is as good as the one shown (by ms + extra, then ms). */
  readonly relayPopIds: readonly number[];
  readonly routeMs: number;
}

function referenceBuild(
  model: LatencyModel,
  pings: ReadonlyMap<number, number>,
  isTarget: (index: number) => boolean,
): ReferenceEntry[] {
  const fronts: { index: number; ms: number }[] = [];
  for (const [index, ping] of pings) {
    // NaN, ±Infinity and negatives are not pings; nor is anything that rounds above 65534.
    if (typeof ping === 'number' && ping >= 0 && Math.round(ping) <= MAX_ROUTE_MS) {
      fronts.push({ index, ms: Math.round(ping) });
    }
  }
  const entries: ReferenceEntry[] = [];
  model.pops.forEach((target, index) => {
    if (!isTarget(index)) return;
    const front = fronts.find((candidate) => candidate.index === index);
    const direct = front && { ms: front.ms, extra: Math.floor(front.ms / 10) };
    const candidates = fronts
      .filter((candidate) => candidate.index !== index)
      .map((candidate) => ({
        ms: candidate.ms + model.backbone.rttMs(candidate.index, index),
        extra: Math.floor(candidate.ms / 10),
        popId: model.pops[candidate.index]!.id,
      }))
      .filter((candidate) => candidate.ms <= MAX_ROUTE_MS);
    const bestScore = Math.min(...candidates.map((c) => c.ms + c.extra));
    const bestMs = Math.min(
      ...candidates.filter((c) => c.ms + c.extra === bestScore).map((c) => c.ms),
    );
    const best = candidates.filter((c) => c.ms + c.extra === bestScore && c.ms === bestMs);
    const shown =
      best.length > 0 && (direct === undefined || bestScore <= direct.ms + direct.extra + 1);
    if (direct === undefined && !shown) return;
    entries.push({
      popId: target.id,
      index,
      direct,
      via: shown ? { ms: bestMs, extra: best[0]!.extra } : undefined,
      relayPopIds: shown ? best.map((c) => c.popId) : [],
      routeMs: shown ? bestMs : direct!.ms,
    });
  });
  entries.sort((x, y) => x.routeMs - y.routeMs || x.index - y.index);
  return entries.slice(0, 12);
}

/** Checks `location` against the reference, entry by entry. */
function expectAsReference(location: PingLocation, reference: readonly ReferenceEntry[]): void {
  const entries = location.entries();
  expect(
    entries.map(({ popId, direct, via, routeMs }) => ({ popId, direct, via, routeMs })),
  ).toEqual(reference.map(({ popId, direct, via, routeMs }) => ({ popId, direct, via, routeMs })));
  entries.forEach((entry, k) => {
    if (entry.via === undefined) expect(entry.relayPopId).toBeUndefined();
    else expect(reference[k]!.relayPopIds).toContain(entry.relayPopId);
  });
}

/** The entries of `location` as its text carries them (no via POP id). */
const asText = (location: PingLocation): PingLocationEntry[] =>
  location.entries().map((entry) => ({ ...entry, relayPopId: undefined }));

// ---------------------------------------------------------------------------------------------

describe('buildPingLocation: direct routes', () => {
  const model = modelWith();

  it.each([
    [0, 'fra=0+0'],
    [0.49, 'fra=0+0'],
    [0.5, 'fra=1+0'],
    [9.49, 'fra=9+0'],
    [9.5, 'fra=10+1'],
    [19.99, 'fra=20+2'],
    [57.4, 'fra=57+5'],
    [99.5, 'fra=100+10'],
    [1234.5, 'fra=1235+123'],
    [65534.4, 'fra=65534+6553'],
  ])('writes a ping of %d ms as %s (rounded; extra floor(ms / 10))', (ping, text) => {
    expect(String(buildPingLocation(model, pingsOf([['fra', ping]]), only('fra')))).toBe(text);
  });

  it('writes any ping in range as round(ms) + floor(round(ms) / 10)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 65534.49, noNaN: true }), (ping) => {
        const ms = Math.round(ping);
        const entries = buildPingLocation(model, pingsOf([['ams', ping]]), only('ams')).entries();
        expect(entries).toHaveLength(1);
        expect(entries[0]!.direct).toEqual({ ms, extra: Math.floor(ms / 10) });
        expect(entries[0]!.via).toBeUndefined();
        expect(entries[0]!.routeMs).toBe(ms);
        expect(directExtraMs(ms)).toBe(Math.floor(ms / 10));
      }),
      { numRuns: 200 },
    );
  });

  it('has no entries when nothing was pinged', () => {
    expect(buildPingLocation(model, new Map(), everyPop).size).toBe(0);
  });

  it.each([
    ['NaN', NaN],
    ['-1', -1],
    ['-0.6 (rounds to -1)', -0.6],
    ['-Infinity', -Infinity],
    ['Infinity', Infinity],
    ['65534.5 (rounds to 65535)', 65534.5],
    ['65535', 65535],
    ['1e9', 1e9],
  ])('ignores a ping of %s: no direct route, and no via route through it', (_what, ping) => {
    // fra is 1 ms from ams on the backbone: a ping of fra that counted would show ams.
    const m = modelWith({ 'fra-ams': 1 });
    const location = buildPingLocation(m, pingsOf([['fra', ping]]), only('fra', 'ams'));
    expect(location.size).toBe(0);
    // With a valid ping elsewhere, only that one counts.
    const mixed = buildPingLocation(
      m,
      pingsOf([
        ['fra', ping],
        ['mad', 20],
      ]),
      only('fra', 'ams', 'mad'),
    );
    expect(String(mixed)).toBe('mad=20+2,ams=/520+2,fra=/520+2');
  });

  // Math.round(-0.4) is -0, which is >= 0: the ping itself must be tested, not its rounding.
  it('ignores a negative ping that rounds to -0 (-0.4 ms)', () => {
    expect(String(buildPingLocation(model, pingsOf([['fra', -0.4]]), only('fra')))).toBe('');
  });

  it('ignores a ping above 65534 after rounding, and keeps 65534', () => {
    expect(buildPingLocation(model, pingsOf([['fra', 65534.5]]), only('fra')).size).toBe(0);
    expect(String(buildPingLocation(model, pingsOf([['fra', 65534]]), only('fra')))).toBe(
      'fra=65534+6553',
    );
  });
});

describe('buildPingLocation: via routes', () => {
  it('takes, for a POP not pinged, the entry POP with the best ms + extra (not the best ms)', () => {
    // par not pinged. Through lhr: 50 + 10 = 60 ms, extra 5 (score 65). Through ams: 9 + 52 =
    // 61 ms, extra 0 (score 61). Through fra: 30 + 40 = 70 ms, extra 3 (score 73).
    const model = modelWith({ 'lhr-par': 10, 'ams-par': 52, 'fra-par': 40 });
    const pings = pingsOf([
      ['lhr', 50],
      ['ams', 9],
      ['fra', 30],
    ]);
    const location = buildPingLocation(model, pings, only('par'));
    expect(String(location)).toBe('par=/61+0');
    expect(entryFor(location, 'par').relayPopId).toBe(id('ams'));
    expect(entryFor(location, 'par').direct).toBeUndefined();
  });

  it('breaks a tie of ms + extra by the smaller ms, whatever order the pings came in', () => {
    // Through lhr: 20 + 40 = 60 ms, extra 2 (62). Through ams: 31 + 28 = 59 ms, extra 3 (62).
    const model = modelWith({ 'lhr-par': 40, 'ams-par': 28 });
    for (const order of [
      [
        ['lhr', 20],
        ['ams', 31],
      ],
      [
        ['ams', 31],
        ['lhr', 20],
      ],
    ] as const) {
      const location = buildPingLocation(model, pingsOf(order), only('par'));
      expect(String(location)).toBe('par=/59+3');
      expect(entryFor(location, 'par').relayPopId).toBe(id('ams'));
    }
  });

  it('goes through the rounded ping of the entry POP, with its extra', () => {
    // lhr pinged 19.6 ms: 20 ms, extra 2; through it to par (7): 27 ms, extra 2.
    const model = modelWith({ 'lhr-par': 7 });
    expect(String(buildPingLocation(model, pingsOf([['lhr', 19.6]]), only('par')))).toBe(
      'par=/27+2',
    );
  });

  describe('shows the via route when it is at most 1 ms worse by ms + extra', () => {
    // par pinged 50 ms: 50+5, score 55. Through lhr (10 ms, extra 1) to par over the backbone.
    const cases = [
      [30, 'par=50+5/40+1', 40, 'better: shown, and it is the route'],
      [44, 'par=50+5/54+1', 54, 'equal score (55): shown'],
      [
        45,
        'par=50+5/55+1',
        55,
        'score 56, exactly 1 worse: shown, the route is 55 though 50 is faster',
      ],
      [46, 'par=50+5', 50, 'score 57, 2 worse: not shown'],
      [200, 'par=50+5', 50, 'far worse: not shown'],
    ] as const;
    it.each(cases)('backbone lhr-par %i ms: %s', (backbone, text, routeMs) => {
      const model = modelWith({ 'lhr-par': backbone });
      const pings = pingsOf([
        ['par', 50],
        ['lhr', 10],
      ]);
      const location = buildPingLocation(model, pings, only('par'));
      expect(String(location)).toBe(text);
      const entry = entryFor(location, 'par');
      expect(entry.routeMs).toBe(routeMs);
      expect(entry.relayPopId).toBe(entry.via === undefined ? undefined : id('lhr'));
    });

    it('uses a tolerance of exactly 1 ms', () => {
      expect(VIA_TOLERANCE_MS).toBe(1);
    });
  });

  it('leaves out a via route above 65534 ms', () => {
    const pings = pingsOf([['fra', 65000]]);
    expect(String(buildPingLocation(modelWith({ 'fra-ams': 535 }), pings, only('ams')))).toBe('');
    expect(String(buildPingLocation(modelWith({ 'fra-ams': 534 }), pings, only('ams')))).toBe(
      'ams=/65534+6500',
    );
  });

  it('never goes through the target itself', () => {
    // par pinged 300: through par to par would be 300 + 0; only the direct route is there.
    const model = modelWith();
    expect(String(buildPingLocation(model, pingsOf([['par', 300]]), only('par')))).toBe(
      'par=300+30',
    );
  });

  it('reaches a POP that was not pinged (a relay-less POP such as eat) only by its via route', () => {
    const model = modelWith({ 'fra-eat': 30, 'ord-eat': 20 });
    expect(model.pops[I.eat]!.relayCount).toBe(0);
    const location = buildPingLocation(
      model,
      pingsOf([
        ['fra', 12],
        ['ord', 40],
      ]),
      only('eat'),
    );
    expect(String(location)).toBe('eat=/42+1');
    const eat = entryFor(location, 'eat');
    expect(eat.direct).toBeUndefined();
    expect(eat.relayPopId).toBe(id('fra'));
  });

  it('never names a POP that is not a target, but goes through one', () => {
    const model = modelWith({ 'lhr-par': 7, 'lhr-ams': 3 });
    const pings = pingsOf([
      ['lhr', 5],
      ['par', 40],
    ]);
    const location = buildPingLocation(model, pings, (index) => index !== I.lhr);
    expect(location.entries().some((entry) => entry.code === 'lhr')).toBe(false);
    expect(entryFor(location, 'par').via).toEqual({ ms: 12, extra: 0 });
    expect(entryFor(location, 'par').relayPopId).toBe(id('lhr'));
    expect(entryFor(location, 'ams').via).toEqual({ ms: 8, extra: 0 });
    expect(entryFor(location, 'ams').relayPopId).toBe(id('lhr'));
  });
});

describe('buildPingLocation: order and the 12 kept', () => {
  it('sorts by route, ties in model order (not by code, not by ping order)', () => {
    // Routes: fra 5; sto, ams, lhr 20 (direct); par 20 (via fra: 5 + 15). Model order: sto 0,
    // ams 1, lhr 3, par 4; by code it would be ams, lhr, par, sto.
    const model = modelWith({ 'fra-par': 15 });
    const pings = pingsOf([
      ['lhr', 20],
      ['ams', 20],
      ['sto', 20],
      ['fra', 5],
    ]);
    const location = buildPingLocation(model, pings, only('lhr', 'ams', 'sto', 'fra', 'par'));
    expect(String(location)).toBe('fra=5+0,sto=20+2,ams=20+2,lhr=20+2,par=/20+0');
  });

  it('keeps the 12 best routes when more POPs are reached', () => {
    // ping(i) = 200 - 10 i: the last 12 in model order are best; sto and ams fall off.
    const model = modelWith();
    const pings = new Map(CODES.map((_code, index) => [index, 200 - 10 * index]));
    const location = buildPingLocation(model, pings, everyPop);
    expect(location.size).toBe(12);
    expect(location.entries().map((entry) => entry.code)).toEqual([...CODES].slice(2).reverse());
    expect(location.routeMsTo('sto')).toBeUndefined();
    expect(location.routeMsTo('ams')).toBeUndefined();
  });

  it('keeps the first 12 in model order when the routes tie at the cut', () => {
    const model = modelWith();
    const pings = new Map(CODES.map((_code, index) => [CODES.length - 1 - index, 50]));
    const location = buildPingLocation(model, pings, everyPop);
    expect(location.entries().map((entry) => entry.code)).toEqual(CODES.slice(0, 12));
  });

  it('keeps a better via-only route over a worse direct one at the cut', () => {
    // 12 POPs pinged at 100..111 ms; eat (not pinged) is 5 + 10 = 15 ms through ord.
    const model = modelWith({ 'ord-eat': 10 });
    const pinged = CODES.filter((code) => code !== 'eat' && code !== 'ord');
    const pings = new Map<number, number>(pinged.map((code, k) => [I[code], 100 + k]));
    pings.set(I.ord, 5);
    const location = buildPingLocation(model, pings, everyPop);
    expect(location.size).toBe(12);
    expect(
      location
        .entries()
        .slice(0, 2)
        .map((entry) => String(entry.code)),
    ).toEqual(['ord', 'eat']);
    // Of the 12 pinged at 100 ms and more, the last two fall off.
    expect(location.routeMsTo(pinged[10]!)).toBeUndefined();
    expect(location.routeMsTo(pinged[11]!)).toBeUndefined();
    expect(location.routeMsTo(pinged[9]!)).toBe(109);
  });
});

describe('buildPingLocation: properties', () => {
  /** A backbone whose every pair is short, so via routes compete with direct ones. */
  const tight = modelWith({}, (i, j) => ((i * 7 + j * 13) % 37) + 1);
  const valve = new LatencyModel({ pops: CODES.map(pop) });

  const ping: fc.Arbitrary<number> = fc.oneof(
    { weight: 8, arbitrary: fc.double({ min: 0, max: 120, noNaN: true }) },
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 120 }) },
    { weight: 1, arbitrary: fc.double({ min: 0, max: 70000, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(NaN, -1, -3.7, Infinity, -Infinity, 65534.5) },
  );
  const pings: fc.Arbitrary<Map<number, number>> = fc
    .uniqueArray(fc.tuple(fc.integer({ min: 0, max: CODES.length - 1 }), ping), {
      maxLength: CODES.length,
      selector: ([index]) => index,
    })
    .map((list) => new Map(list));
  const targets: fc.Arbitrary<(index: number) => boolean> = fc.oneof(
    fc.constant(everyPop),
    fc
      .array(fc.boolean(), { minLength: CODES.length, maxLength: CODES.length })
      .map((flags) => (index: number) => flags[index]!),
  );

  it.each([
    ['a tight backbone', tight],
    ["Valve's backbone", valve],
  ])('writes what the rules say, over %s', (_name, model) => {
    fc.assert(
      fc.property(pings, targets, (measured, isTarget) => {
        const location = buildPingLocation(model, measured, isTarget);
        expectAsReference(location, referenceBuild(model, measured, isTarget));
      }),
      { numRuns: 300 },
    );
  });

  it('writes text that parses back to the same entries, but for the via POP ids', () => {
    fc.assert(
      fc.property(pings, targets, (measured, isTarget) => {
        const location = buildPingLocation(tight, measured, isTarget);
        const parsed = parse(String(location));
        if (location.size === 0) {
          expect(parsed.ok).toBe(false); // '' is no location
          return;
        }
        if (!parsed.ok) throw new Error(parsed.reason);
        expect(asText(parsed)).toStrictEqual(asText(location));
        expect(parsed.entries().every((entry) => entry.relayPopId === undefined)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order of the ping map but for which of equal via POPs is named', () => {
    fc.assert(
      fc.property(pings, targets, (measured, isTarget) => {
        const reversed = new Map([...measured].reverse());
        const a = buildPingLocation(tight, measured, isTarget);
        const b = buildPingLocation(tight, reversed, isTarget);
        expect(asText(b)).toStrictEqual(asText(a));
      }),
      { numRuns: 100 },
    );
  });
});

describe('buildPingLocation over SimulatedWorld.pingLocationOf', () => {
  const world = new SimulatedWorld({ seed: 11 });
  const model = world.model;
  const CITIES = [
    'London',
    'Seattle',
    'São Paulo',
    'Tokyo',
    'Sydney',
    'Johannesburg',
    'Shanghai',
    'Frankfurt',
    'Lima',
    'Mumbai',
  ];
  const hosts: [string, WorldHost][] = CITIES.map((city) => [
    city,
    world.createHost({ location: city }),
  ]);

  /** The pings pingLocationOf measures: every POP the host pings directly, unrounded. */
  const pingsOfHost = (host: WorldHost): Map<number, number> =>
    new Map(
      model.pops
        .map((_pop, index) => index)
        .filter((index) => model.pingsDirectly(host.model, index))
        .map((index) => [index, host.model.popRttMs[index]!]),
    );

  it.each(hosts)(
    '%s: is the builder over the pings and POPs of its partner network',
    (_city, host) => {
      const location = world.pingLocationOf(host);
      const reference = referenceBuild(model, pingsOfHost(host), (index) =>
        model.servesHost(host.model, index),
      );
      expectAsReference(location, reference);
      expect(String(world.locationStringFor(host))).toBe(String(location));
    },
  );

  it.each(hosts)('%s: holds what real clients write', (city, host) => {
    const location = world.pingLocationOf(host);
    const entries = location.entries();
    const served = model.pops.filter((_pop, index) => model.servesHost(host.model, index));
    expect(entries).toHaveLength(Math.min(12, served.length));
    expect(served.length).toBeGreaterThan(0);
    // Only the host's partner network: the China network for a host in mainland China.
    const china = city === 'Shanghai';
    expect(host.model.inMainlandChina).toBe(china);
    for (const entry of entries) {
      const info = model.pops[model.popIndex(entry.popId)]!;
      expect(info.partners & (china ? 2 : 1)).not.toBe(0);
    }
    // Sorted by route: the via route when there is one.
    const routes = entries.map((entry) => entry.routeMs);
    expect(routes).toEqual([...routes].sort((x, y) => x - y));
    for (const entry of entries) {
      expect(entry.routeMs).toBe(entry.via?.ms ?? entry.direct!.ms);
      if (entry.direct !== undefined) {
        expect(entry.direct.ms).toBe(Math.round(model.popRttMs(host.model, entry.popId)));
        expect(entry.direct.extra).toBe(Math.floor(entry.direct.ms / 10));
      } else {
        // Only a POP without relays, or one not pinged, has no direct route.
        expect(model.pingsDirectly(host.model, model.popIndex(entry.popId))).toBe(false);
      }
      if (entry.via === undefined) {
        expect(entry.relayPopId).toBeUndefined();
        continue;
      }
      // The entry POP of the via route: pinged directly, not the POP itself, and the via
      // route is its rounded ping plus the backbone, with its direct extra.
      const relayPopId = entry.relayPopId!;
      expect(relayPopId).not.toBe(entry.popId);
      expect(model.pingsDirectly(host.model, model.popIndex(relayPopId))).toBe(true);
      const front = Math.round(model.popRttMs(host.model, relayPopId));
      expect(entry.via.extra).toBe(Math.floor(front / 10));
      expect(entry.via.ms).toBe(front + model.backboneRttMs(relayPopId, entry.popId));
      if (entry.direct !== undefined) {
        expect(entry.via.ms + entry.via.extra).toBeLessThanOrEqual(
          entry.direct.ms + entry.direct.extra + 1,
        );
      }
    }
  });

  it('shows a relay-less POP (eat, for Seattle) with only a via route', () => {
    const seattle = hosts.find(([city]) => city === 'Seattle')![1];
    const eat = entryFor(world.pingLocationOf(seattle), 'eat');
    expect(eat.direct).toBeUndefined();
    expect(eat.via).toBeDefined();
    expect(eat.relayPopId).toBeDefined();
  });

  it('writes text that parses back to the same entries, but for the via POP ids', () => {
    for (const [, host] of hosts) {
      const location = world.pingLocationOf(host);
      const parsed = parse(world.locationStringFor(host));
      if (!parsed.ok) throw new Error(parsed.reason);
      expect(asText(parsed)).toStrictEqual(asText(location));
    }
  });
});
